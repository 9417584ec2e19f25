// Claims of the synthetic population, step 3a: monthly chronic care. A person with a treated condition
// (conditions.ts) visits their usual clinic once a month: 再診料, 生活習慣病管理料（Ⅱ）, 処方箋料, and for
// diabetes HbA1c with its 判断料 every three months; the prescription (28 days) is dispensed at the
// pharmacy next to the clinic. Drug choice follows the generic share (数量ベース ~80%, ⚠️ 2023 年度 実績
// rounded). Acute care, admissions, dental and costs calibrated by age are the next steps.
// Codes and points: the shipped master subset (src/terminology/data), 2024 revision.
import { join } from 'node:path';
import { type ClaimInput, type PharmacyClaimInput, UkeStreamWriter } from '../formats/uke/writer.js';
import { checkDigit } from '../util/check-digit.js';
import { type Conditions, conditionScores, conditionsFrom, metabolicFactor, personLatent } from './conditions.js';
import { PHARMACY_FEES } from './data/pharmacy-fees.js';
import type { Person, Span } from './population.js';
import { ageOn } from './population.js';
import { Rng, streamSeed } from './rng.js';

/** 10-digit codes with valid check digits: clinics (点数表 1) and pharmacies (点数表 4) in 東京都. */
const code10 = (payload: string) => `${payload}${checkDigit(payload)}`;
export const CLINICS = ['かち内科クリニック', '架空駅前医院', '架空ファミリークリニック', '架空中央診療所', '架空みなみ内科'].map(
  (name, i) => ({
    code: code10(`1310${i + 1}${String(3000 + i * 7).padStart(4, '0')}`),
    name,
  }),
);
export const PHARMACIES = CLINICS.map((c, i) => ({
  code: code10(`1340${i + 1}${String(5000 + i * 3).padStart(4, '0')}`),
  name: `架空薬局 ${c.name.replace(/クリニック|医院|診療所|内科/g, '')}店`,
}));

export const DIAGNOSIS = { hypertension: '8840107', diabetes: '2500015', dyslipidemia: '8844446' } as const;

/** Drugs by condition: [brand, generic] レセ電 codes with 薬価 (yen per tablet), 1 tablet a day. */
export const DRUGS: Record<keyof Conditions, { brand: [string, number]; generic: [string, number] }> = {
  hypertension: { brand: ['612170710', 13.7], generic: ['620007853', 10.4] }, // ノルバスク錠5mg / アムロジピン錠5mg「あすか」
  diabetes: { brand: ['622412701', 10.4], generic: ['622412701', 10.4] }, // メトホルミン塩酸塩錠250mgMT「トーワ」 (後発品=0 in the master)
  dyslipidemia: { brand: ['610443014', 24.5], generic: ['622186701', 10.4] }, // リピトール錠10mg / アトルバスタチン錠10mg「YD」
};

/** 薬剤料 of one 調剤単位 (1日分): 15円以下は1点, 以下10円またはその端数を増すごとに1点. */
export function drugUnitPoints(yen: number): number {
  return yen <= 15 ? 1 : 1 + Math.ceil((yen - 15) / 10);
}

export interface ChronicVisit {
  person: Person;
  span: Span;
  month: string; // YYYY-MM
  day: number;
  clinic: (typeof CLINICS)[number];
  pharmacy: (typeof PHARMACIES)[number];
  conditions: Conditions;
  hba1cTest: boolean;
  drugs: { code: string; yen: number }[];
}

/** The chronic-care visits of a person in the window's months (deterministic per person). */
export function chronicVisits(seed: number, p: Person, months: string[]): ChronicVisit[] {
  const lat = personLatent(seed, p);
  // Usual clinic and its neighbouring pharmacy: a stable hash of the person (ids are household × 100 + n,
  // so a plain modulo would send every household head to the same clinic).
  const k = streamSeed(seed, p.id, 0xc11) % CLINICS.length;
  const clinic = CLINICS[k] as (typeof CLINICS)[number];
  const pharmacy = PHARMACIES[k] as (typeof PHARMACIES)[number];
  const out: ChronicVisit[] = [];
  let cachedFy = -1;
  let g = 0;
  for (const month of months) {
    const first = `${month}-01`;
    if (p.death && p.death < first) break;
    const span = p.spans.find((s) => s.start <= first && (s.end === null || s.end >= first));
    if (!span) continue;
    const y = Number(month.slice(0, 4));
    const fy = Number(month.slice(5, 7)) >= 4 ? y : y - 1;
    if (fy !== cachedFy) {
      g = metabolicFactor(seed, p, lat, fy);
      cachedFy = fy;
    }
    const conditions = conditionsFrom(conditionScores(lat, g), ageOn(p.birth, first), p.sex);
    if (!conditions.hypertension && !conditions.diabetes && !conditions.dyslipidemia) continue;
    const r = new Rng(streamSeed(seed, p.id, Number(month.replace('-', ''))));
    // The person keeps to brand or generic (persistent preference; ~80% generic ⚠️).
    const generic = (lat.z.generic as number) < 0.84;
    const drugs = (Object.keys(DRUGS) as (keyof Conditions)[])
      .filter((k) => conditions[k])
      .map((k) => {
        const [code, yen] = generic ? DRUGS[k].generic : DRUGS[k].brand;
        return { code, yen };
      });
    out.push({
      person: p,
      span,
      month,
      day: 1 + r.int(27),
      clinic,
      pharmacy,
      conditions,
      hba1cTest: conditions.diabetes && Number(month.slice(5, 7)) % 3 === 0,
      drugs,
    });
  }
  return out;
}

// ---- emission -----------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const nextMonth = (m: string) => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${pad2(mo + 1)}`;
};

/** レセプト種別 of an outpatient claim (医科 1xxx / 調剤 4xxx), data-formats.md §2.8. */
export function claimType(table: '1' | '4', v: ChronicVisit): { type: string; notes: string } {
  const age = ageOn(v.person.birth, `${v.month}-01`);
  if (v.span.insurer.type === 'koki') return { type: `${table}318`, notes: '41' }; // 後期単独 一般 外来, 特記 41 (区カ)
  if (age >= 70) return { type: `${table}118`, notes: '29' }; // 高齢受給者 一般, 特記 29 (区エ)
  if (age < 6) return { type: `${table}114`, notes: '' }; // 未就学者
  return { type: v.span.relation === '家族' ? `${table}116` : `${table}112`, notes: '' };
}

function patient(v: ChronicVisit) {
  const p = v.person;
  return { name: `${p.surname}　${p.given}`, kanaName: `${p.surnameKana}${p.givenKana}`, sex: p.sex, birthDate: p.birth };
}

const oneDay = (day: number) => Array.from({ length: 31 }, (_, i) => (i === day - 1 ? 1 : 0));

export function clinicClaim(v: ChronicVisit): ClaimInput {
  const { type, notes } = claimType('1', v);
  const onset = v.person.birth > '2015-04-01' ? v.person.birth : '2015-04-01';
  const conds = (Object.keys(DIAGNOSIS) as (keyof Conditions)[]).filter((k) => v.conditions[k]);
  const days = oneDay(v.day);
  const units: ClaimInput['units'] = [
    { category: '12', burden: '1', lines: [{ record: 'SI', code: '112007410' }], points: 75, times: 1, dayCounts: days },
    { category: '13', burden: '1', lines: [{ record: 'SI', code: '113707110' }], points: 333, times: 1, dayCounts: days },
  ];
  if (v.hba1cTest) {
    units.push({
      category: '60',
      burden: '1',
      lines: [{ record: 'SI', code: '160010010' }],
      points: 49,
      times: 1,
      dayCounts: days,
    });
    units.push({
      category: '60',
      burden: '1',
      lines: [{ record: 'SI', code: '160061810' }],
      points: 125,
      times: 1,
      dayCounts: days,
    });
  }
  units.push({
    category: '80',
    burden: '1',
    lines: [{ record: 'SI', code: '120002910' }],
    points: 60,
    times: 1,
    dayCounts: days,
  });
  return {
    typeCode: type,
    serviceMonth: v.month,
    patient: patient(v),
    specialNotes: notes,
    insurance: { insurerNumber: v.span.insurer.number, kigo: v.span.kigo, bango: v.span.bango, days: 1 },
    edaban: v.span.edaban,
    diagnoses: conds.map((k, i) => ({ code: DIAGNOSIS[k], onsetDate: onset, isMain: i === 0 })),
    units,
  };
}

export function pharmacyClaim(v: ChronicVisit): PharmacyClaimInput {
  const { type, notes } = claimType('4', v);
  const date = `${v.month}-${pad2(v.day)}`;
  const unitPoints = drugUnitPoints(v.drugs.reduce((s, d) => s + d.yen, 0));
  void notes;
  return {
    typeCode: type,
    serviceMonth: v.month,
    patient: patient(v),
    prescriber: { facilityCode: v.clinic.code, name: v.clinic.name },
    insurance: { insurerNumber: v.span.insurer.number, kigo: v.span.kigo, bango: v.span.bango, receptions: 1 },
    edaban: v.span.edaban,
    baseFees: [{ date, reception: 1, burden: '1', code: PHARMACY_FEES.base.code, points: PHARMACY_FEES.base.points }],
    prescriptions: [
      {
        dosageForm: 1,
        usage: '001',
        unitDrugPoints: unitPoints,
        dispensings: [
          {
            prescribedDate: date,
            dispensedDate: date,
            reception: 1,
            quantity: 28,
            burden: '1',
            preparationCode: PHARMACY_FEES.preparation.code,
            preparationPoints: PHARMACY_FEES.preparation.points,
            drugPoints: unitPoints * 28,
            managementCode: PHARMACY_FEES.management28.code,
            managementPoints: PHARMACY_FEES.management28.points,
            drugs: v.drugs.map((d) => ({ code: d.code, quantity: 1 })),
          },
        ],
      },
    ],
  };
}

/** Writes the clinics' UKE (streaming, one file per clinic and 請求月) and the pharmacies' CYO files. */
export class ClaimFiles {
  /** One streaming writer per facility and 請求月 (clinics write RECEIPTC …UKE, pharmacies RECEIPTY …CYO). */
  private readonly writers = new Map<string, UkeStreamWriter>();
  readonly files: string[] = [];
  claims = 0;

  constructor(private readonly out: string) {}

  private writer(facility: { code: string; name: string }, billing: string, prefix: string, ext: string): UkeStreamWriter {
    const key = `${facility.code}|${billing}`;
    let w = this.writers.get(key);
    if (!w) {
      const name = `${prefix}_${facility.code}_${billing.replace('-', '')}.${ext}`;
      w = new UkeStreamWriter(join(this.out, name), {
        payerCode: '1',
        facilityCode: facility.code,
        name: facility.name,
        billingMonth: billing,
        phone: '0300000000',
      });
      this.writers.set(key, w);
      this.files.push(name);
    }
    return w;
  }

  async add(v: ChronicVisit): Promise<void> {
    const billing = nextMonth(v.month);
    await this.writer(v.clinic, billing, 'RECEIPTC', 'UKE').addClaim(clinicClaim(v));
    await this.writer(v.pharmacy, billing, 'RECEIPTY', 'CYO').addPharmacyClaim(pharmacyClaim(v));
    this.claims += 2;
  }

  async close(): Promise<void> {
    for (const w of this.writers.values()) await w.close();
  }
}
