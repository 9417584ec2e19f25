// Claims of the synthetic population: turns a person's 年度 plan (care-use.ts) into レセプト — one 医科
// claim per person × facility × 診療月 × 入院/入院外 under the 資格 in force on the day of care, and one
// 調剤 claim per person × pharmacy × 調剤月 — and writes them into one file per facility and 請求月
// (RECEIPTC_<code>_<請求月>.UKE, RECEIPTY_…CYO), as the 審査支払機関 deliver them to the insurer.
// Codes and points: the shipped master subset (src/terminology/data), 2024 revision.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeText } from '../formats/uke/codec.js';
import {
  type ClaimInput,
  claimPoints,
  claimRecords,
  type DpcClaimInput,
  dpcClaimRecords,
  dpcMonths,
  type FacilityInput,
  headerRecord,
  type PharmacyClaimInput,
  pharmacyClaimPoints,
  pharmacyClaimRecords,
  trailerRecord,
  type UnitInput,
} from '../formats/uke/writer.js';
import type { Prescription, Stay, Visit, YearPlan } from './care-use.js';
import { DPC_GROUPS, dpcHospitalCoefficient } from './data/dpc-groups.js';
import { drugUnitPoints, FEES, type Fee, LONG_STAY_WARD, MEAL_YEN, POST_ACUTE_WARD } from './data/fees.js';
import { managementFee, PHARMACY_FEES, pharmacyAdditions, unitDoseFee } from './data/pharmacy-fees.js';
import type { Facility } from './facilities.js';
import { addDays, ageOn, type Person, type Span } from './population.js';

/** 薬剤料 of one 調剤単位 (1日分): 15円以下は1点, 以下10円またはその端数を増すごとに1点. */

const pad2 = (n: number) => String(n).padStart(2, '0');
export const nextMonth = (m: string) => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${pad2(mo + 1)}`;
};

/**
 * レセプト種別 (data-formats.md §2.8): 点数表 + 保険 (1 医保単独, 3 後期単独) + 単独 + 本人家族入外
 * (1/2 本人, 3/4 未就学者, 5/6 家族, 7/8 高齢受給者一般; odd = 入院).
 */
export function claimTypeCode(table: '1' | '3' | '4', span: Span, age: number, inpatient: boolean): string {
  const io = (a: number) => String(inpatient ? a : a + 1);
  if (span.insurer.type === 'koki') return `${table}31${io(7)}`;
  if (age >= 70) return `${table}11${io(7)}`;
  if (age < 6) return `${table}11${io(3)}`;
  return `${table}11${span.relation === '家族' ? io(5) : io(1)}`;
}

export function spanOn(p: Person, date: string): Span | undefined {
  return p.spans.find((s) => s.start <= date && (s.end === null || s.end >= date));
}

function patient(p: Person) {
  return { name: `${p.surname}　${p.given}`, kanaName: `${p.surnameKana}${p.givenKana}`, sex: p.sex, birthDate: p.birth };
}

/** Accumulates the care of one claim: units merged by item with per-day counts. */
class MedicalClaim {
  readonly units = new Map<string, UnitInput>();
  readonly diagnoses = new Map<string, string>();
  readonly days = new Set<number>();
  meals = 0;
  admission: string | null = null;

  constructor(
    readonly facility: Facility,
    readonly span: Span,
    readonly month: string,
    readonly inpatient: boolean,
  ) {}

  add(item: Fee, date: string, times = 1): void {
    const key = `${item.category}|${item.code}|${item.points}`;
    let u = this.units.get(key);
    if (!u) {
      const record: 'SS' | 'SI' = this.facility.kind === '歯科診療所' ? 'SS' : 'SI';
      u = {
        category: item.category,
        burden: '1',
        lines: [
          ...(item.bundle ?? []).map((code) => ({ record, code })),
          item.drug ? { record: 'IY' as const, code: item.code, quantity: item.drug.quantity } : { record, code: item.code },
        ],
        points: item.points,
        times: 0,
        dayCounts: new Array(31).fill(0),
      };
      this.units.set(key, u);
    }
    u.times += times;
    const counts = u.dayCounts as number[];
    const i = Number(date.slice(8, 10)) - 1;
    counts[i] = (counts[i] ?? 0) + times;
  }

  input(p: Person): ClaimInput {
    const age = ageOn(p.birth, `${this.month}-01`);
    // A 未コード化 diagnosis travels as "0000999:<name>".
    const diagnoses = [...this.diagnoses].map(([key, onset], i) => {
      const [code, name] = key.split(':') as [string, string | undefined];
      return { code, onsetDate: onset, isMain: i === 0, ...(name ? { name } : {}) };
    });
    const dental = this.facility.kind === '歯科診療所';
    return {
      typeCode: claimTypeCode(dental ? '3' : '1', this.span, age, this.inpatient),
      serviceMonth: this.month,
      patient: patient(p),
      admissionDate: this.admission,
      insurance: {
        insurerNumber: this.span.insurer.number,
        kigo: this.span.kigo,
        bango: this.span.bango,
        days: this.days.size,
        mealTimes: this.meals || null,
        mealYen: this.meals ? this.meals * MEAL_YEN : null,
      },
      edaban: this.span.edaban,
      diagnoses,
      units: [...this.units.values()].sort((a, b) => a.category.localeCompare(b.category)),
    };
  }
}

class PharmacyClaim {
  readonly fills: { date: string; rx: Prescription }[] = [];
  constructor(
    readonly pharmacy: Facility,
    readonly prescriber: Facility,
    readonly span: Span,
    readonly month: string,
  ) {}

  input(p: Person): PharmacyClaimInput {
    const age = ageOn(p.birth, `${this.month}-01`);
    const dates = [...new Set(this.fills.map((f) => f.date))].sort();
    const reception = (d: string) => dates.indexOf(d) + 1;
    const additions = pharmacyAdditions(this.pharmacy.code);
    return {
      typeCode: claimTypeCode('4', this.span, age, false),
      serviceMonth: this.month,
      patient: patient(p),
      prescriber: { facilityCode: this.prescriber.code, name: this.prescriber.name },
      insurance: {
        insurerNumber: this.span.insurer.number,
        kigo: this.span.kigo,
        bango: this.span.bango,
        receptions: dates.length,
      },
      edaban: this.span.edaban,
      baseFees: dates.map((d) => ({
        date: d,
        reception: reception(d),
        burden: '1',
        code: PHARMACY_FEES.base.code,
        points: PHARMACY_FEES.base.points,
        additions,
        // 服薬管理指導料 1 for a repeat (chronic, ≥14 days) prescription, 2 otherwise ⚠️ (simplified: the
        // rule is "a prescription within 3 months at this pharmacy, with お薬手帳").
        management: [
          this.fills.some((f) => f.date === d && f.rx.days >= 14) ? PHARMACY_FEES.guidanceRepeat : PHARMACY_FEES.guidanceOther,
        ],
      })),
      prescriptions: this.fills.map(({ date, rx }) => {
        const unit = drugUnitPoints(rx.drugs.reduce((s, d) => s + d.yen, 0));
        const mgmt = managementFee(rx.days);
        const unitDose = unitDoseFee(age, rx.drugs.length, rx.days);
        return {
          dosageForm: 1,
          usage: '001',
          unitDrugPoints: unit,
          dispensings: [
            {
              prescribedDate: date,
              dispensedDate: date,
              reception: reception(date),
              quantity: rx.days,
              burden: '1',
              preparationCode: PHARMACY_FEES.preparation.code,
              preparationPoints: PHARMACY_FEES.preparation.points,
              drugPoints: unit * rx.days,
              managementCode: mgmt.code,
              managementPoints: mgmt.points,
              ...(unitDose ? { unitDose } : {}),
              drugs: rx.drugs.map((d) => ({ code: d.code, quantity: d.perDay ?? 1 })),
            },
          ],
        };
      }),
    };
  }
}

export interface MonthClaims {
  medical: { facility: Facility; claim: ClaimInput }[];
  pharmacy: { facility: Facility; claim: PharmacyClaimInput }[];
  /** DPC stays with a claim in this month (the writer emits that month's claim of the stay). */
  dpc: { facility: Facility; claim: DpcClaimInput }[];
}

const REHAB_GROUPS = new Set(['stroke', 'hip_fracture', 'pneumonia', 'aspiration', 'heart_failure', 'copd']);
const DPC_BY_KEY = new Map(DPC_GROUPS.map((g) => [g.key, g]));
const dpcInputs = new WeakMap<Stay, DpcClaimInput | null>();

/** The DPC claim input of an acute stay in a DPC group (cached per stay), or null (出来高). */
function dpcInput(p: Person, s: Stay): DpcClaimInput | null {
  if (dpcInputs.has(s)) return dpcInputs.get(s) ?? null;
  const g = s.kind === 'acute' && s.group.dpc ? DPC_BY_KEY.get(s.group.dpc) : undefined;
  const span = spanOn(p, s.admit);
  let input: DpcClaimInput | null = null;
  if (g && span) {
    const diag = {
      code: g.diagnosis.code,
      icd10: g.diagnosis.icd10,
      ...(g.diagnosis.code === '0000999' ? { name: g.diagnosis.name } : {}),
    };
    const monthly: DpcClaimInput['monthly'] = {};
    const units: DpcClaimInput['units'] = [];
    const rehab = ageOn(p.birth, s.admit) >= 65 && REHAB_GROUPS.has(s.group.key);
    for (let d = s.admit; d <= s.discharge; d = addDays(d, 1)) {
      const month = d.slice(0, 7);
      const m = monthly[month] ?? { mealTimes: 0, mealYen: 0 };
      monthly[month] = m;
      m.mealTimes = (m.mealTimes ?? 0) + 3;
      m.mealYen = (m.mealYen ?? 0) + 3 * MEAL_YEN;
      const unit = (fee: { category: string; code: string; points: number }, times: number) => {
        let u = units.find((x) => x.month === month && x.lines[0]?.code === fee.code);
        if (!u) {
          u = {
            month,
            category: fee.category,
            burden: '1',
            lines: [{ record: 'SI', code: fee.code }],
            points: fee.points,
            times: 0,
            dayCounts: new Array(31).fill(0),
          };
          units.push(u);
        }
        u.times += times;
        const counts = u.dayCounts as number[];
        const i = Number(d.slice(8, 10)) - 1;
        counts[i] = (counts[i] ?? 0) + times;
      };
      const day = daysSince(s.admit, d);
      // 救急医療管理加算 and リハビリテーション are billed 出来高 on top of the 包括: the former for up to 7
      // days, the latter (after stroke, fracture, pneumonia or heart failure in the old) from day 2 on
      // weekdays, 3 units a day ⚠️ assumed intensity.
      if (s.emergency && day < 7) unit(FEES.emergencyCare, 1);
      // The operation of the group (出来高 outside the 包括) on the 2nd day, or the 1st of a one-day stay.
      const op = g.procedure;
      if (op?.code && day === Math.min(1, daysSince(s.admit, s.discharge))) {
        unit({ category: '50', code: op.code, points: op.points }, 1);
        if (op.anaesthesia) unit(FEES.anaesthesia, 1);
      }
      if (rehab && day >= 1 && new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0)
        unit(s.group.key === 'stroke' ? FEES.rehabStroke : FEES.rehabMotor, 3);
    }
    input = {
      typeCode: claimTypeCode('1', span, ageOn(p.birth, s.admit), true),
      patient: patient(p),
      insurance: { insurerNumber: span.insurer.number, kigo: span.kigo, bango: span.bango },
      edaban: span.edaban,
      admissionDate: s.admit,
      dischargeDate: s.discharge,
      outcome: '2',
      admissionRoute: s.emergency ? 3 : 1,
      dpc: { code: g.code, periodDays: g.periodDays, pointsPerDay: g.pointsPerDay },
      facilityCoefficient: dpcHospitalCoefficient(s.facility.code),
      diagnoses: [
        { ...diag, role: '01' },
        { ...diag, role: '11' },
        { ...diag, role: '21' },
      ],
      units,
      monthly,
    };
  }
  dpcInputs.set(s, input);
  return input;
}

const stayFee = (s: Stay) => (s.kind === 'acute' ? FEES.acuteWard : s.kind === 'post' ? POST_ACUTE_WARD : LONG_STAY_WARD);

/** The claims of one person for every month of a 年度 plan, month by month. */
export function* planClaims(p: Person, plan: YearPlan): Generator<[string, MonthClaims]> {
  for (let m = 0; m < 12; m++) {
    const y = plan.fy + Math.floor((m + 3) / 12);
    const month = `${y}-${pad2(((m + 3) % 12) + 1)}`;
    const medical = new Map<string, MedicalClaim>();
    const pharmacy = new Map<string, PharmacyClaim>();
    const claimAt = (f: Facility, date: string, inpatient: boolean): MedicalClaim | null => {
      const span = spanOn(p, date);
      if (!span) return null;
      const key = `${f.code}|${inpatient ? 'I' : 'O'}|${span.insurer.number}|${span.bango}`;
      let c = medical.get(key);
      if (!c) {
        c = new MedicalClaim(f, span, month, inpatient);
        medical.set(key, c);
      }
      return c;
    };
    const fill = (rx: Prescription, date: string) => {
      const span = spanOn(p, date);
      const ph = rx.prescriber.pharmacy;
      if (!span || !ph || rx.drugs.length === 0) return;
      const key = `${ph.code}|${rx.prescriber.code}|${span.insurer.number}|${span.bango}`;
      let c = pharmacy.get(key);
      if (!c) {
        c = new PharmacyClaim(ph, rx.prescriber, span, month);
        pharmacy.set(key, c);
      }
      c.fills.push({ date, rx });
    };
    for (const v of plan.visits) {
      if (!v.date.startsWith(month)) continue;
      visitInto(p, v, claimAt, fill);
    }
    const dpc: MonthClaims['dpc'] = [];
    for (const s of plan.stays) {
      const first = s.admit > `${month}-01` ? s.admit : `${month}-01`;
      if (!first.startsWith(month) || first > s.discharge) continue;
      const di = dpcInput(p, s);
      if (di) {
        dpc.push({ facility: s.facility, claim: di });
        continue;
      }
      for (let d = first; d.startsWith(month) && d <= s.discharge; d = addDays(d, 1)) {
        const c = claimAt(s.facility, d, true);
        if (!c) continue;
        if (!c.diagnoses.size) c.diagnoses.set(s.group.diagnosis, s.admit < '2015-04-01' ? '2015-04-01' : s.admit);
        c.admission = s.admit;
        c.days.add(Number(d.slice(8, 10)));
        c.meals += 3;
        c.add(stayFee(s), d);
        // 回復期・地域包括ケア: rehabilitation most days (6 units; 脳血管 after a stroke, else 運動器) ⚠️ assumed.
        if (s.kind === 'post' && new Date(`${d}T00:00:00Z`).getUTCDay() !== 0)
          c.add(s.group.key === 'stroke' ? FEES.rehabStroke : FEES.rehabMotor, d, 6);
        const day = daysSince(s.admit, d);
        if (s.emergency && s.kind === 'acute' && day < 7) c.add(FEES.emergencyCare, d);
        if (s.kind === 'acute') {
          // 出来高 acute care ⚠️ assumed intensity: a drip for the first five days, blood tests on
          // admission and then weekly (判断料 once a month), imaging on admission.
          if (day < 5) c.add(FEES.drip, d);
          if (day % 7 === 0) {
            c.add(FEES.cbc, d);
            c.add(FEES.crp, d);
          }
          if (day === 0 || d.endsWith('-01')) {
            c.add(FEES.bloodJudgement, d);
            c.add(FEES.biochemJudgement, d);
          }
          if (day === 0) {
            if (s.group.ct) c.add(FEES.ct, d);
            else {
              c.add(FEES.xrayDiagnosis, d);
              c.add(FEES.xrayDigital, d);
            }
          }
        }
      }
    }
    if (!medical.size && !pharmacy.size && !dpc.length) continue;
    yield [
      month,
      {
        dpc,
        medical: [...medical.values()].filter((c) => c.units.size).map((c) => ({ facility: c.facility, claim: c.input(p) })),
        pharmacy: [...pharmacy.values()].map((c) => ({ facility: c.pharmacy, claim: c.input(p) })),
      },
    ];
  }
}

const daysSince = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function visitInto(
  p: Person,
  v: Visit,
  claimAt: (f: Facility, date: string, inpatient: boolean) => MedicalClaim | null,
  fill: (rx: Prescription, date: string) => void,
): void {
  const c = claimAt(v.facility, v.date, false);
  if (!c) return;
  // Chronic conditions carry a long-standing 診療開始日; acute ones the day of the first visit.
  const onset = v.kind === 'chronic' || v.kind === 'dialysis' ? (p.birth > '2015-04-01' ? p.birth : '2015-04-01') : v.date;
  for (const d of v.diagnoses) if (!c.diagnoses.has(d)) c.diagnoses.set(d, onset);
  if (v.sessions?.length) {
    for (const s of v.sessions) {
      c.add(FEES.dialysis, s);
      c.days.add(Number(s.slice(8, 10)));
    }
  }
  for (const item of v.items) c.add(item, v.date);
  c.days.add(Number(v.date.slice(8, 10)));
  if (v.rx) fill(v.rx, v.date);
}

// ---- emission -----------------------------------------------------------------------------------

interface SpoolFile {
  name: string;
  facility: FacilityInput;
  /** Lines waiting for the next flush (records already joined: far less memory than field arrays). */
  pending: string[];
  started: boolean;
  receiptNo: number;
  count: number;
  points: number;
}

/**
 * Writes the facilities' files (one per facility and 請求月) through a shared spool: records wait in
 * memory up to a global budget of lines, then every file's pending records are appended in one write.
 * Memory stays flat however many files are open (10,000 facility-months at a million members), and no
 * file descriptor is held between flushes.
 */
export class ClaimFiles {
  private readonly spool = new Map<string, SpoolFile>();
  private pendingLines = 0;
  readonly files: string[] = [];
  claims = 0;
  lines = 0;
  bytes = 0;

  constructor(
    private readonly out: string,
    private readonly budgetLines = 400_000,
    /** File-name suffix of a shard of a parallel run ('' otherwise). */
    private readonly suffix = '',
  ) {}

  private file(f: Facility, billing: string): SpoolFile {
    const key = `${f.code}|${billing}`;
    let s = this.spool.get(key);
    if (!s) {
      const pharmacy = f.code.slice(2, 3) === '4';
      const name = `${pharmacy ? 'RECEIPTY' : 'RECEIPTC'}_${f.code}_${billing.replace('-', '')}${this.suffix}.${pharmacy ? 'CYO' : 'UKE'}`;
      const facility: FacilityInput = {
        payerCode: '1',
        facilityCode: f.code,
        name: f.name,
        billingMonth: billing,
        phone: '0300000000',
      };
      s = { name, facility, pending: [headerRecord(facility).join(',')], started: false, receiptNo: 0, count: 0, points: 0 };
      this.pendingLines++;
      this.spool.set(key, s);
      this.files.push(name);
    }
    return s;
  }

  private push(s: SpoolFile, records: string[][]): void {
    for (const r of records) s.pending.push(r.join(','));
    this.pendingLines += records.length;
    this.lines += records.length;
    if (this.pendingLines >= this.budgetLines) this.flush();
  }

  addMonth(month: string, claims: MonthClaims): void {
    const billing = nextMonth(month);
    for (const { facility, claim } of claims.medical) {
      const s = this.file(facility, billing);
      s.receiptNo++;
      s.count++;
      s.points += claimPoints(claim.units)[0] ?? 0;
      this.push(s, claimRecords(claim, s.receiptNo, s.facility));
      this.claims++;
    }
    for (const { facility, claim } of claims.dpc) {
      // The stay's records, cut to this month's claim (each monthly claim starts with its RE).
      const months = dpcMonths(claim);
      const k = months.findIndex((x) => x.serviceMonth === month);
      if (k < 0) continue;
      const all = dpcClaimRecords(claim, 1);
      const starts = all.flatMap((r, i) => (r[0] === 'RE' ? [i] : []));
      const recs = all.slice(starts[k], starts[k + 1] ?? all.length);
      const s = this.file(facility, billing);
      s.receiptNo++;
      s.count++;
      s.points += (months[k] as (typeof months)[number]).totals[0] ?? 0;
      (recs[0] as string[])[1] = String(s.receiptNo);
      this.push(s, recs);
      this.claims++;
    }
    for (const { facility, claim } of claims.pharmacy) {
      const s = this.file(facility, billing);
      s.receiptNo++;
      s.count++;
      s.points += pharmacyClaimPoints(claim);
      this.push(s, pharmacyClaimRecords(claim, s.receiptNo));
      this.claims++;
    }
  }

  /** Appends every file's pending records (CP932) and empties the spool. */
  flush(): void {
    for (const s of this.spool.values()) {
      if (!s.pending.length) continue;
      const buf = encodeText(`${s.pending.join('\r\n')}\r\n`);
      this.bytes += buf.length;
      if (s.started) appendFileSync(join(this.out, s.name), buf);
      else writeFileSync(join(this.out, s.name), buf);
      s.started = true;
      s.pending = [];
    }
    this.pendingLines = 0;
  }

  close(): void {
    for (const s of this.spool.values()) s.pending.push(trailerRecord(s.count, s.points).join(','));
    this.flush();
  }
}
