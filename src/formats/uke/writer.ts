// Writer of レセ電 claim files (.UKE, 医科 / DPC): typed claims → records → CP932 bytes.
// Rules (data-formats.md §1.11): 保険者番号 right-justified with spaces to 8, 受給者番号 zero-padded to
// 7, 傷病名コード 7 digits, 診療識別 only on the head of each group, 点数 only on the last line of a
// billing unit and 回数 on every line, constant comma count per record type, RE numbers from 1, GO
// totals = HO + KO count and main-payer points. Check digits of 医療機関コード and 保険者番号 are
// verified: a writer must never produce a file a 審査支払機関 rejects on receipt.
import { createWriteStream, type WriteStream } from 'node:fs';
import { checkDigit, hasValidCheckDigit } from '../../util/check-digit.js';
import { encodeLines, fieldIndex, get, makeRecord } from './codec.js';
import type { ScoreTable } from './layouts.js';
import { BURDEN_PAYERS } from './reader.js';
import type { UkeClaim } from './types.js';

export interface FacilityInput {
  payerCode: '1' | '2';
  /** 10-digit 医療機関コード (都道府県 2 + 点数表 1 + 7 digits incl. check digit). */
  facilityCode: string;
  name: string;
  /** 請求年月, YYYY-MM. */
  billingMonth: string;
  volume?: string;
  phone?: string;
}

export interface DetailInput {
  /** SS = 歯科診療行為 (dental files only). */
  record: 'SI' | 'IY' | 'TO' | 'SS';
  code: string;
  quantity?: number | null;
}

export interface UnitInput {
  category: string;
  burden: string;
  lines: DetailInput[];
  /** Points of one 算定単位 (× times gives the unit total). */
  points: number;
  times: number;
  /** Per-day counts, 31 entries; their sum must equal times. Defaults to all on day 1. */
  dayCounts?: number[];
  /** Comments written after the unit (CO records). */
  comments?: { code: string; text: string }[];
}

export interface DiagnosisInput {
  /** 歯科 only: 歯式コード (6-character codes, concatenated). */
  toothCodes?: string;
  code: string;
  onsetDate: string;
  outcome?: string;
  modifiers?: string;
  name?: string;
  isMain?: boolean;
}

export interface ClaimInput {
  typeCode: string;
  /** 診療年月, YYYY-MM. */
  serviceMonth: string;
  patient: { name: string; kanaName: string; sex: 1 | 2; birthDate: string };
  admissionDate?: string | null;
  chartNo?: string;
  specialNotes?: string;
  insurance: {
    insurerNumber: string;
    kigo: string;
    bango: string;
    days: number;
    mealTimes?: number | null;
    mealYen?: number | null;
    patientShareYen?: number | null;
  } | null;
  edaban?: string | null;
  publicPayers?: { payerNumber: string; recipientNumber: string; days: number }[];
  diagnoses: DiagnosisInput[];
  units: UnitInput[];
}

export class UkeWriteError extends Error {}

/** The RE identity fields shared by every 点数表 (氏名, 男女区分, 生年月日, カタカナ氏名). */
function patientFields(p: ClaimInput['patient']): Record<string, string | number> {
  return { 氏名: p.name, 男女区分: p.sex, 生年月日: compactDate(p.birthDate), 'カタカナ（氏名）': p.kanaName };
}

/** A 審査支払機関 rejects a file on receipt when these check digits are wrong: never write one. */
function checkFacilityCode(code: string, label: string): void {
  if (!/^\d{10}$/.test(code) || !hasValidCheckDigit(code)) throw new UkeWriteError(`${label}の検証番号が不正です: ${code}`);
}

function checkInsurerNumber(n: string): void {
  if (!/^\d{6}$|^\d{8}$/.test(n) || !hasValidCheckDigit(n)) throw new UkeWriteError(`保険者番号の検証番号が不正です: ${n}`);
}

const compactDate = (iso: string) => iso.replaceAll('-', '').slice(0, 8);
const compactMonth = (iso: string) => iso.replaceAll('-', '').slice(0, 6);

/** 点数表 of a facility from its 10-digit code (3rd digit: 1 医科, 3 歯科, 4 調剤). */
export function tableOf(facilityCode: string): ScoreTable {
  return facilityCode[2] === '3' ? 'shika' : facilityCode[2] === '4' ? 'chozai' : 'ika';
}

export function headerRecord(f: FacilityInput): string[] {
  checkFacilityCode(f.facilityCode, '医療機関コード');
  const table = tableOf(f.facilityCode);
  if (table === 'shika') {
    return makeRecord(
      'UK',
      {
        審査支払機関: f.payerCode,
        都道府県: f.facilityCode.slice(0, 2),
        点数表: '3',
        医療機関コード: f.facilityCode.slice(3),
        医療機関名称: f.name,
        請求年月: compactMonth(f.billingMonth),
        マルチボリューム識別情報: f.volume ?? '00',
      },
      'shika',
    );
  }
  if (table === 'chozai') {
    return makeRecord(
      'YK',
      {
        審査支払機関: f.payerCode,
        都道府県: f.facilityCode.slice(0, 2),
        点数表: '4',
        薬局コード: f.facilityCode.slice(3),
        薬局名称: f.name,
        請求年月: compactMonth(f.billingMonth),
        マルチボリューム識別情報: f.volume ?? '00',
        電話番号: f.phone ?? '',
      },
      'chozai',
    );
  }
  return makeRecord('IR', {
    審査支払機関: f.payerCode,
    都道府県: f.facilityCode.slice(0, 2),
    点数表: f.facilityCode.slice(2, 3),
    医療機関コード: f.facilityCode.slice(3),
    医療機関名称: f.name,
    請求年月: compactMonth(f.billingMonth),
    マルチボリューム識別情報: f.volume ?? '00',
    電話番号: f.phone ?? '',
  });
}

/** Points a claim bills to each payer (0 = 医保, 1–4 = 公費), from its units. */
export function claimPoints(units: UnitInput[]): number[] {
  const totals = [0, 0, 0, 0, 0];
  for (const u of units) {
    if (u.category === '97') continue; // 食事療養: yen, not points
    for (const p of BURDEN_PAYERS[u.burden] ?? []) totals[p] = (totals[p] ?? 0) + u.points * u.times;
  }
  return totals;
}

/** Records of one 医科 or 歯科 claim (歯科: `facility` is needed for the IR written before each claim). */
export function claimRecords(c: ClaimInput, receiptNo: number, facility?: FacilityInput): string[][] {
  const out: string[][] = [];
  const table: ScoreTable = facility ? tableOf(facility.facilityCode) : 'ika';
  const dental = table === 'shika';
  const totals = claimPoints(c.units);
  if (dental && facility) {
    out.push(
      makeRecord(
        'IR',
        {
          審査支払機関: facility.payerCode,
          都道府県: facility.facilityCode.slice(0, 2),
          点数表: '3',
          医療機関コード: facility.facilityCode.slice(3),
          請求年月: compactMonth(facility.billingMonth),
          電話番号: facility.phone ?? '',
        },
        'shika',
      ),
    );
  }
  const firstOnset = c.diagnoses[0]?.onsetDate;
  out.push(
    makeRecord(
      'RE',
      {
        レセプト番号: receiptNo,
        レセプト種別: c.typeCode,
        診療年月: compactMonth(c.serviceMonth),
        ...patientFields(c.patient),
        入院年月日: c.admissionDate ? compactDate(c.admissionDate) : '',
        // 歯科 入院外: 診療開始日 and 転帰 on RE (the first 傷病's).
        ...(dental && !c.admissionDate && firstOnset
          ? { 診療開始日: compactDate(firstOnset), 転帰区分: c.diagnoses[0]?.outcome ?? '1' }
          : {}),
        レセプト特記事項: c.specialNotes ?? '',
        カルテ番号等: c.chartNo ?? '',
      },
      table,
    ),
  );
  if (c.insurance) {
    const ins = c.insurance;
    checkInsurerNumber(ins.insurerNumber);
    out.push(
      makeRecord(
        'HO',
        {
          保険者番号: ins.insurerNumber.padStart(8, ' '),
          被保険者証等の記号: ins.kigo,
          被保険者証等の番号: ins.bango,
          診療実日数: ins.days,
          合計点数: totals[0],
          '食事療養・生活療養回数': ins.mealTimes,
          '食事療養・生活療養合計金額': ins.mealYen,
          '負担金額 医療保険': ins.patientShareYen,
        },
        table,
      ),
    );
  }
  (c.publicPayers ?? []).forEach((p, i) => {
    out.push(
      makeRecord(
        'KO',
        {
          公費負担者番号: p.payerNumber,
          公費受給者番号: p.recipientNumber ? p.recipientNumber.padStart(7, '0') : '',
          診療実日数: p.days,
          合計点数: totals[i + 1],
        },
        table,
      ),
    );
  });
  if (c.insurance) out.push(makeRecord('SN', { 負担者種別: 1, 確認区分: '01', 枝番: c.edaban ?? '' }, table));
  for (const d of c.diagnoses) {
    if (!/^\d{7}$/.test(d.code)) throw new UkeWriteError(`傷病名コードは7桁: ${d.code}`);
    if (dental) {
      out.push(
        makeRecord(
          'HS',
          {
            診療開始日: c.admissionDate ? compactDate(d.onsetDate) : '',
            転帰区分: c.admissionDate ? (d.outcome ?? '1') : '',
            歯式コード: d.toothCodes ?? '',
            傷病名コード: d.code,
            修飾語コード: d.modifiers ?? '',
            傷病名称: d.code === '0000999' ? (d.name ?? '') : '',
            主傷病: d.isMain && c.admissionDate ? '01' : '',
          },
          'shika',
        ),
      );
      continue;
    }
    out.push(
      makeRecord('SY', {
        傷病名コード: d.code,
        診療開始日: compactDate(d.onsetDate),
        転帰区分: d.outcome ?? '1',
        修飾語コード: d.modifiers ?? '',
        傷病名称: d.code === '0000999' ? (d.name ?? '') : '',
        主傷病: d.isMain ? '01' : '',
      }),
    );
  }
  let prevCategory: string | null = null;
  for (const u of c.units) {
    const days = u.dayCounts ?? [u.times, ...new Array(30).fill(0)];
    if (days.length !== 31 || days.reduce((a, b) => a + b, 0) !== u.times) {
      throw new UkeWriteError(`1日〜31日の回数の合計 (${days.reduce((a, b) => a + b, 0)}) が回数 ${u.times} と一致しません`);
    }
    u.lines.forEach((l, i) => {
      const last = i === u.lines.length - 1;
      const codeField =
        l.record === 'SI' || l.record === 'SS' ? '診療行為コード' : l.record === 'IY' ? '医薬品コード' : '特定器材コード';
      const qtyField = l.record === 'SI' ? '数量データ' : l.record === 'SS' ? '数量データ１' : '使用量';
      const rec = makeRecord(
        l.record,
        {
          診療識別: i === 0 && u.category !== prevCategory ? u.category : '',
          負担区分: u.burden,
          [codeField]: l.code,
          [qtyField]: l.quantity ?? '',
          点数: last ? u.points : '',
          回数: u.times,
        },
        table,
      );
      // The 31 per-day counts sit in consecutive columns: set them by position (hot path).
      const day1 = fieldIndex(table, l.record, '1日の情報');
      for (let d = 0; d < 31; d++) if (days[d]) rec[day1 + d] = String(days[d]);
      out.push(rec);
    });
    prevCategory = u.category;
    for (const co of u.comments ?? []) {
      out.push(
        makeRecord('CO', { 診療識別: u.category, 負担区分: u.burden, コメントコード: co.code, 文字データ: co.text }, table),
      );
    }
  }
  return out;
}

/** The GO record from the claims written: 総件数 = HO + KO records, 総合計点数 = main-payer points. */
export function trailerRecord(count: number, points: number, volume = '99'): string[] {
  return makeRecord('GO', { 総件数: count, 総合計点数: points, マルチボリューム識別情報: volume });
}

/** Builds a whole single-volume file in memory (small files, tests). */
export function buildUkeFile(facility: FacilityInput, claims: ClaimInput[], opts: { eofMark?: boolean } = {}): Buffer {
  const records: string[][] = [headerRecord(facility)];
  let count = 0;
  let points = 0;
  claims.forEach((c, i) => {
    records.push(...claimRecords(c, i + 1, facility));
    const t = claimPoints(c.units);
    count += (c.insurance ? 1 : 0) + (c.publicPayers?.length ?? 0);
    points += c.insurance ? (t[0] ?? 0) : (t[1] ?? 0);
  });
  records.push(trailerRecord(count, points));
  return encodeLines(records, opts);
}

/** Streaming writer for large files: memory stays flat whatever the number of claims. */
export class UkeStreamWriter {
  private readonly out: WriteStream;
  private readonly facility: FacilityInput;
  private receiptNo = 0;
  private count = 0;
  private points = 0;
  bytes = 0;
  lines = 0;

  constructor(path: string, facility: FacilityInput) {
    this.out = createWriteStream(path);
    this.facility = facility;
    this.write([headerRecord(facility)]);
  }

  /** Bytes written so far, including records still buffered (an estimate until close()). */
  get size(): number {
    return this.bytes + this.pendingLines * 80;
  }

  private pending: string[][] = [];
  private pendingLines = 0;

  /** Buffers records and encodes them in blocks of ~4,000 lines: far fewer encoder and write calls. */
  private write(records: string[][], flush = false): boolean {
    for (const r of records) this.pending.push(r);
    this.pendingLines += records.length;
    this.lines += records.length;
    if (!flush && this.pendingLines < 4000) return true;
    const buf = encodeLines(this.pending);
    this.pending = [];
    this.pendingLines = 0;
    this.bytes += buf.length;
    return this.out.write(buf);
  }

  /** Writes one claim; resolves when the stream can take more (back-pressure). */
  async addClaim(c: ClaimInput): Promise<void> {
    this.receiptNo++;
    const t = claimPoints(c.units);
    this.count += (c.insurance ? 1 : 0) + (c.publicPayers?.length ?? 0);
    this.points += c.insurance ? (t[0] ?? 0) : (t[1] ?? 0);
    await this.addRecords(claimRecords(c, this.receiptNo, this.facility));
  }

  /** Writes one 調剤 claim (the writer was opened with a pharmacy's code: RECEIPTY.CYO). */
  async addPharmacyClaim(c: PharmacyClaimInput): Promise<void> {
    this.receiptNo++;
    if (c.insurance) {
      this.count++;
      this.points += pharmacyClaimPoints(c);
    }
    await this.addRecords(pharmacyClaimRecords(c, this.receiptNo));
  }

  /** Writes the monthly claims of one DPC stay (the writer was opened with a 医科 code: RECEIPTD.UKE). */
  async addDpcClaim(c: DpcClaimInput): Promise<void> {
    const recs = dpcClaimRecords(c, this.receiptNo + 1);
    const t = dpcTotals(c);
    this.receiptNo += t.claims;
    this.count += t.count;
    this.points += t.points;
    await this.addRecords(recs);
  }

  private async addRecords(recs: string[][]): Promise<void> {
    if (!this.write(recs)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }

  async close(): Promise<void> {
    this.write([trailerRecord(this.count, this.points)], true);
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}

/** Recovers the writer input from a read claim (医科): the typed round trip of generated files. */
export function claimInputFromClaim(c: UkeClaim): ClaimInput {
  const units: UnitInput[] = [];
  let current: UnitInput | null = null;
  const comments = [...c.comments];
  for (const d of c.details) {
    current ??= {
      category: d.category ?? '',
      burden: d.burden,
      lines: [],
      points: 0,
      times: d.times ?? 1,
      dayCounts: d.dayCounts,
    };
    current.lines.push({ record: d.record, code: d.code, quantity: d.quantity });
    if (d.points !== null) {
      current.points = d.points;
      const unitLast = d.line;
      const next = c.details.find((x) => x.line > unitLast);
      const mine = comments.filter((co) => co.line > unitLast && (!next || co.line < next.line));
      if (mine.length > 0) current.comments = mine.map((co) => ({ code: co.code, text: co.text }));
      units.push(current);
      current = null;
    }
  }
  const re = c.records.find((r) => r.fields[0] === 'RE');
  return {
    typeCode: c.typeCode,
    serviceMonth: c.serviceMonth.slice(0, 7),
    patient: c.patient,
    admissionDate: c.admissionDate,
    chartNo: re ? get(re, 'カルテ番号等') : '',
    specialNotes: re ? get(re, 'レセプト特記事項') : '',
    insurance: c.insurance && {
      insurerNumber: c.insurance.insurerNumber,
      kigo: c.insurance.kigo,
      bango: c.insurance.bango,
      days: c.insurance.days ?? 0,
      mealTimes: c.insurance.mealTimes,
      mealYen: c.insurance.mealYen,
      patientShareYen: c.insurance.patientShareYen,
    },
    edaban: c.edaban,
    publicPayers: c.publicPayers.map((p) => ({
      payerNumber: p.payerNumber,
      recipientNumber: p.recipientNumber,
      days: p.days ?? 0,
    })),
    diagnoses: c.diagnoses.map((d) => ({
      ...(d.toothCodes !== undefined ? { toothCodes: d.toothCodes } : {}),
      code: d.code,
      onsetDate: d.onsetDate ?? '',
      outcome: d.outcome,
      modifiers: d.modifiers,
      name: d.name,
      isMain: d.isMain,
    })),
    units,
  };
}

/** Appends a check digit (検証番号) to a payload: for generators and fixtures. */
export function withCheckDigit(payload: string): string {
  return `${payload}${checkDigit(payload)}`;
}

// ---- 調剤 (RECEIPTY.CYO) ----------------------------------------------------------------------

export interface DispensingInput {
  prescribedDate: string;
  dispensedDate: string;
  /** 処方箋受付回. */
  reception: number;
  /** 調剤数量: days for 内服, 回数 for 屯服. */
  quantity: number;
  burden: string;
  /** 薬剤調製料 (調剤料) code and points. */
  preparationCode: string;
  preparationPoints: number;
  /** 薬剤料 points for the whole 調剤数量. */
  drugPoints: number;
  /** 調剤管理料 code and points, when 算定. */
  managementCode?: string;
  managementPoints?: number;
  /** 外来服薬支援料2 (一包化): code, total points and 一包化日数. */
  unitDose?: { code: string; points: number; days: number };
  drugs: { code: string; quantity: number }[];
}

export interface PrescriptionInput {
  /** 剤形: 1 内服, 2 内滴, 3 屯服, 4 注射, 5 外用, 6 浸煎, 7 湯, 9 材料. */
  dosageForm: number;
  /** 用法コード. */
  usage: string;
  /** 単位薬剤料 (points per unit: 1 day for 内服). */
  unitDrugPoints: number;
  dispensings: DispensingInput[];
}

export interface PharmacyClaimInput {
  typeCode: string;
  serviceMonth: string;
  patient: ClaimInput['patient'];
  prescriber: { facilityCode: string; name: string };
  insurance: { insurerNumber: string; kigo: string; bango: string; receptions: number; patientShareYen?: number | null } | null;
  edaban?: string | null;
  /** 調剤基本料 per 受付 (KI), with that 受付's 調剤基本料加算 (up to 10) and 薬学管理料 (up to 12). */
  baseFees: {
    date: string;
    reception: number;
    burden: string;
    code: string;
    points: number;
    additions?: KiFee[];
    management?: KiFee[];
  }[];
  prescriptions: PrescriptionInput[];
}

/** A 調剤基本料加算 or 薬学管理料 of a KI record (a quad: 負担区分, コード, 回数, 点数). */
export interface KiFee {
  code: string;
  points: number;
  times?: number;
}

/** Main-payer points of a 調剤 claim: CZ 調製料 + 薬剤料 + 調剤管理料, plus KI 調剤基本料, 加算 and 薬学管理料. */
export function pharmacyClaimPoints(c: PharmacyClaimInput): number {
  let total = 0;
  for (const rx of c.prescriptions)
    for (const d of rx.dispensings)
      total += d.preparationPoints + d.drugPoints + (d.managementPoints ?? 0) + (d.unitDose?.points ?? 0);
  for (const k of c.baseFees) {
    total += k.points;
    for (const a of [...(k.additions ?? []), ...(k.management ?? [])]) total += a.points * (a.times ?? 1);
  }
  return total;
}

function kiQuads(label: string, fees: KiFee[] | undefined, max: number, burden: string): Record<string, string | number> {
  if ((fees?.length ?? 0) > max) throw new Error(`KI: ${label} は ${max} 件まで / at most ${max} ${label}`);
  const out: Record<string, string | number> = {};
  for (const [i, fee] of (fees ?? []).entries()) {
    out[`${label}${i + 1}負担区分`] = burden;
    out[`${label}${i + 1}コード`] = fee.code;
    out[`${label}${i + 1}回数`] = fee.times ?? 1;
    out[`${label}${i + 1}点数`] = fee.points;
  }
  return out;
}

export function pharmacyClaimRecords(c: PharmacyClaimInput, receiptNo: number): string[][] {
  const t = 'chozai';
  const out: string[][] = [];
  const pc = c.prescriber.facilityCode;
  checkFacilityCode(pc, '処方医療機関コード');
  out.push(
    makeRecord(
      'RE',
      {
        レセプト番号: receiptNo,
        レセプト種別: c.typeCode,
        調剤年月: compactMonth(c.serviceMonth),
        ...patientFields(c.patient),
        医療機関都道府県: pc.slice(0, 2),
        医療機関点数表: pc.slice(2, 3),
        医療機関コード: pc.slice(3),
        医療機関名称: c.prescriber.name,
      },
      t,
    ),
  );
  if (c.insurance) {
    const ins = c.insurance;
    checkInsurerNumber(ins.insurerNumber);
    out.push(
      makeRecord(
        'HO',
        {
          保険者番号: ins.insurerNumber.padStart(8, ' '),
          被保険者証等の記号: ins.kigo,
          被保険者証等の番号: ins.bango,
          処方箋受付回数: ins.receptions,
          合計点数: pharmacyClaimPoints(c),
          一部負担金: ins.patientShareYen,
        },
        t,
      ),
    );
    out.push(makeRecord('SN', { 負担者種別: 1, 確認区分: '01', 枝番: c.edaban ?? '' }, t));
  }
  c.prescriptions.forEach((rx, i) => {
    out.push(
      makeRecord(
        'SH',
        { 処方No: String(i + 1).padStart(2, '0'), 剤形: rx.dosageForm, 用法: rx.usage, 単位薬剤料: rx.unitDrugPoints },
        t,
      ),
    );
    for (const d of rx.dispensings) {
      out.push(
        makeRecord(
          'CZ',
          {
            処方月日: compactDate(d.prescribedDate),
            調剤月日: compactDate(d.dispensedDate),
            処方箋受付回: d.reception,
            調剤数量: d.quantity,
            負担区分: d.burden,
            算定区分: 1,
            算定先No: '01',
            薬剤調製料コード: d.preparationCode,
            薬剤調製料点数: d.preparationPoints,
            薬剤料点数: d.drugPoints,
            ...(d.managementCode
              ? {
                  調剤管理料負担区分: d.burden,
                  調剤管理料算定区分: 1,
                  調剤管理料算定先No: '01',
                  調剤管理料コード: d.managementCode,
                  調剤管理料点数: d.managementPoints,
                }
              : {}),
            ...(d.unitDose
              ? {
                  一包化日数: d.unitDose.days,
                  外来服薬支援料2負担区分: d.burden,
                  外来服薬支援料2コード: d.unitDose.code,
                  外来服薬支援料2点数: d.unitDose.points,
                }
              : {}),
          },
          t,
        ),
      );
      for (const drug of d.drugs)
        out.push(makeRecord('IY', { 負担区分: d.burden, 医薬品コード: drug.code, 使用量: drug.quantity }, t));
    }
  });
  for (const k of c.baseFees) {
    out.push(
      makeRecord(
        'KI',
        {
          算定日: compactDate(k.date),
          処方箋受付回: k.reception,
          調剤基本料負担区分: k.burden,
          調剤基本料コード: k.code,
          調剤基本料点数: k.points,
          ...kiQuads('薬学管理料', k.management, 12, k.burden),
          ...kiQuads('調剤基本料加算', k.additions, 10, k.burden),
        },
        t,
      ),
    );
  }
  return out;
}

/** Builds a whole 調剤 file (RECEIPTY.CYO) in memory. */
export function buildPharmacyFile(facility: FacilityInput, claims: PharmacyClaimInput[]): Buffer {
  const records: string[][] = [headerRecord(facility)];
  let points = 0;
  let count = 0;
  claims.forEach((c, i) => {
    records.push(...pharmacyClaimRecords(c, i + 1));
    if (c.insurance) {
      count++;
      points += pharmacyClaimPoints(c);
    }
  });
  records.push(trailerRecord(count, points));
  return encodeLines(records);
}

// ---- DPC (RECEIPTD.UKE) -----------------------------------------------------------------------
// One stay → one claim per calendar month of the stay (the 診療年月 of each claim). Each claim is
// RE (40 columns, レセプト総括区分 0) HO KO* SN BU SB+ KK SK* GA HH+ GT, then the 出来高 units
// (SI/IY/TO/CO), the order of the DPC 記録条件仕様 table (docs/research/uke-layouts-dpc-dental-pharmacy.md
// §3; SN after HO/KO as in 医科 ❓, CD coding data is optional and not written).
// 包括: Σ (入院期間 I/II/III の 1日当たり点数 × その期間に入る当月の入院日数) = 包括小計 (HH, GT); the
// 包括評価点数 is that sum × 医療機関別係数 (GA), rounded half up to whole points ⚠️ (the rounding step
// is not checked against the 算定告示). Days after 入院期間 III are outside the 包括 (出来高: bill them
// as units). 入院日数 count the admission day as day 1 and include the discharge day.

export interface DpcDiagnosisInput {
  /** 7-digit 傷病名コード (0000999 = 未コード化, then `name` is written). */
  code: string;
  /** ICD-10 (SB, 5 characters max, e.g. J189, S7200). */
  icd10: string;
  /** 傷病名区分: 01 医療資源を最も投入した傷病名, 11 主傷病名, 21 入院の契機となった傷病名,
   * 31 医療資源を2番目に投入した傷病名, 02 副傷病名, 41–44 入院時併存傷病名, 51–54 入院後発症傷病名. */
  role: string;
  modifiers?: string;
  name?: string;
}

/** A 診断群分類 of the 診断群分類点数表: its 14-character number, the last day of 入院期間 I, II and
 * III (the admission day is day 1) and the points per day in each period. */
export interface DpcGroupInput {
  code: string;
  periodDays: [number, number, number];
  pointsPerDay: [number, number, number];
}

/** A 出来高 unit of a DPC stay; `month` (YYYY-MM) is the claim month it belongs to (default: the
 * admission month); `dayCounts` are the days of that month. */
export interface DpcUnitInput extends UnitInput {
  month?: string;
}

/** 手術 etc. recorded on SK (診療関連情報): K-code (区分番号), date, optional レセ電 code and name. */
export interface DpcProcedureInput {
  kubun: string;
  date: string;
  code?: string;
  name?: string;
}

export interface DpcClaimInput {
  /** レセプト種別 (医科入院: 1111 本人, 1117 家族, 1118 高齢者7割, …). */
  typeCode: string;
  patient: ClaimInput['patient'];
  chartNo?: string;
  specialNotes?: string;
  insurance: { insurerNumber: string; kigo: string; bango: string } | null;
  edaban?: string | null;
  /** 公費: 実日数 and 合計点数 are computed per month. */
  publicPayers?: { payerNumber: string; recipientNumber: string }[];
  /** 今回入院年月日, YYYY-MM-DD. */
  admissionDate: string;
  /** 今回退院年月日; null or absent while the patient is still in hospital. */
  dischargeDate?: string | null;
  /** Last 診療年月 (YYYY-MM) to bill when there is no discharge date (default: the admission month). */
  billedThroughMonth?: string;
  /** DPC転帰区分 (BU, written on the discharge month): 1 治癒, 2 軽快, 3 寛解, 4 不変, 5 増悪, 6 死亡, 7 外死亡, 9 その他. */
  outcome?: string;
  deathCause?: string;
  /** 予定・緊急入院区分 (KK): 1 予定, 2 緊急, 3 緊急 (救急車等). */
  admissionRoute?: 1 | 2 | 3;
  dpc: DpcGroupInput;
  /** 医療機関別係数 (GA, e.g. 1.4012); default 1. */
  facilityCoefficient?: number;
  /** 負担区分 of the 包括 part (HH, GT); default '1'. */
  bundleBurden?: string;
  /** SB records, in this order, on every monthly claim. Roles 01, 11 and 21 are required. */
  diagnoses: DpcDiagnosisInput[];
  procedures?: DpcProcedureInput[];
  units: DpcUnitInput[];
  /** Per claim month (YYYY-MM): HO 負担金額 and 食事療養 (回数, 円). */
  monthly?: Record<string, { patientShareYen?: number | null; mealTimes?: number | null; mealYen?: number | null }>;
}

/** One monthly claim of a DPC stay, as computed by the writer. */
export interface DpcMonth {
  serviceMonth: string;
  /** First and last day of the stay inside the month (ISO). */
  from: string;
  to: string;
  /** 入院日数 of the month (HO/KO 診療実日数). */
  days: number;
  periods: { period: 1 | 2 | 3; pointsPerDay: number; days: number; subtotal: number }[];
  /** 包括小計点数合算 and 包括評価点数 (× 医療機関別係数). */
  bundleSubtotal: number;
  bundledPoints: number;
  units: DpcUnitInput[];
  /** Points per payer (0 = 医保, 1–4 = 公費): 包括 + 出来高. */
  totals: number[];
}

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(y, m, 0));
};
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(y, m, 1)).slice(0, 7);
};

/** The monthly claims of a stay: days, 入院期間 split and points. */
export function dpcMonths(c: DpcClaimInput): DpcMonth[] {
  const [p1, p2, p3] = c.dpc.periodDays;
  if (!/^[0-9A-Za-z]{14}$/.test(c.dpc.code)) throw new UkeWriteError(`診断群分類番号は14桁: ${c.dpc.code}`);
  if (!(p1 >= 1 && p1 <= p2 && p2 <= p3)) throw new UkeWriteError(`入院期間 I ≤ II ≤ III ではありません: ${c.dpc.periodDays}`);
  const start = dayNumber(c.admissionDate);
  const lastMonth = c.dischargeDate ? c.dischargeDate.slice(0, 7) : (c.billedThroughMonth ?? c.admissionDate.slice(0, 7));
  const end = c.dischargeDate ? dayNumber(c.dischargeDate) : dayNumber(monthEnd(lastMonth));
  if (!(end >= start)) throw new UkeWriteError(`退院日が入院日より前です: ${c.admissionDate} → ${c.dischargeDate}`);
  const coefficient = c.facilityCoefficient ?? 1;
  const burden = c.bundleBurden ?? '1';
  const months: DpcMonth[] = [];
  for (let month = c.admissionDate.slice(0, 7); month <= lastMonth; month = nextMonth(month)) {
    const from = Math.max(start, dayNumber(`${month}-01`));
    const to = Math.min(end, dayNumber(monthEnd(month)));
    // Day k of the stay (1-based) for the first and last day of this month.
    const k0 = (from - start) / DAY_MS + 1;
    const k1 = (to - start) / DAY_MS + 1;
    const periods: DpcMonth['periods'] = [];
    let lo = 1;
    [p1, p2, p3].forEach((hi, i) => {
      const days = Math.max(0, Math.min(k1, hi) - Math.max(k0, lo) + 1);
      const pointsPerDay = c.dpc.pointsPerDay[i] as number;
      if (days > 0) periods.push({ period: (i + 1) as 1 | 2 | 3, pointsPerDay, days, subtotal: days * pointsPerDay });
      lo = hi + 1;
    });
    const bundleSubtotal = periods.reduce((a, p) => a + p.subtotal, 0);
    const bundledPoints = Math.round(bundleSubtotal * coefficient);
    const units = c.units.filter((u) => (u.month ?? c.admissionDate.slice(0, 7)) === month);
    const totals = claimPoints(units);
    for (const p of BURDEN_PAYERS[burden] ?? []) totals[p] = (totals[p] ?? 0) + bundledPoints;
    months.push({
      serviceMonth: month,
      from: isoDay(from),
      to: isoDay(to),
      days: k1 - k0 + 1,
      periods,
      bundleSubtotal,
      bundledPoints,
      units,
      totals,
    });
  }
  const stray = c.units.find((u) => !months.some((m) => m.units.includes(u)));
  if (stray) throw new UkeWriteError(`出来高の月 ${stray.month} が入院期間の外です`);
  return months;
}

/** Age in whole years and months on a date (入院時年齢・月齢). */
function ageAt(birth: string, on: string): { years: number; months: number } {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  return { years: Math.floor(months / 12), months };
}

const DPC_REQUIRED_ROLES: [string, string][] = [
  ['01', '医療資源を最も投入した傷病名'],
  ['11', '主傷病名'],
  ['21', '入院の契機となった傷病名'],
];

/** Records of the monthly claims of one DPC stay; receipt numbers receiptNo, receiptNo + 1, …. */
export function dpcClaimRecords(c: DpcClaimInput, receiptNo: number): string[][] {
  for (const [role, label] of DPC_REQUIRED_ROLES) {
    if (!c.diagnoses.some((d) => d.role === role)) throw new UkeWriteError(`DPC の${label} (傷病名区分 ${role}) がありません`);
  }
  const months = dpcMonths(c);
  const age = ageAt(c.patient.birthDate, c.admissionDate);
  const burden = c.bundleBurden ?? '1';
  const out: string[][] = [];
  months.forEach((m, i) => {
    const last = i === months.length - 1;
    const ym = compactMonth(m.serviceMonth);
    const monthly = c.monthly?.[m.serviceMonth];
    out.push(
      makeRecord(
        'RE',
        {
          レセプト番号: receiptNo + i,
          レセプト種別: c.typeCode,
          診療年月: ym,
          ...patientFields(c.patient),
          入院年月日: compactDate(c.admissionDate),
          レセプト特記事項: c.specialNotes ?? '',
          カルテ番号等: c.chartNo ?? '',
          レセプト総括区分: 0,
        },
        'ika',
        'RE_DPC',
      ),
    );
    if (c.insurance) {
      checkInsurerNumber(c.insurance.insurerNumber);
      // DPC HO carries one more column than 医科 (標準負担額, left empty ⚠️), as in the dpc.UKE fixture.
      out.push([
        ...makeRecord('HO', {
          保険者番号: c.insurance.insurerNumber.padStart(8, ' '),
          被保険者証等の記号: c.insurance.kigo,
          被保険者証等の番号: c.insurance.bango,
          診療実日数: m.days,
          合計点数: m.totals[0],
          '食事療養・生活療養回数': monthly?.mealTimes,
          '食事療養・生活療養合計金額': monthly?.mealYen,
          '負担金額 医療保険': monthly?.patientShareYen,
        }),
        '',
      ]);
    }
    (c.publicPayers ?? []).forEach((p, j) => {
      out.push(
        makeRecord('KO', {
          公費負担者番号: p.payerNumber,
          公費受給者番号: p.recipientNumber ? p.recipientNumber.padStart(7, '0') : '',
          診療実日数: m.days,
          合計点数: m.totals[j + 1],
        }),
      );
    });
    if (c.insurance) out.push(makeRecord('SN', { 負担者種別: 1, 確認区分: '01', 枝番: c.edaban ?? '' }));
    out.push(
      makeRecord('BU', {
        診断群分類番号: c.dpc.code,
        今回入院年月日: compactDate(c.admissionDate),
        今回退院年月日: last && c.dischargeDate ? compactDate(c.dischargeDate) : '',
        DPC転帰区分: last && c.dischargeDate ? (c.outcome ?? '') : '',
        死因: last && c.dischargeDate ? (c.deathCause ?? '') : '',
      }),
    );
    for (const d of c.diagnoses) {
      if (!/^\d{7}$/.test(d.code)) throw new UkeWriteError(`傷病名コードは7桁: ${d.code}`);
      if (!/^\d{2}$/.test(d.role)) throw new UkeWriteError(`傷病名区分は2桁: ${d.role}`);
      out.push(
        makeRecord('SB', {
          傷病名コード: d.code,
          修飾語コード: d.modifiers ?? '',
          傷病名称: d.code === '0000999' ? (d.name ?? '') : '',
          ICD10コード: d.icd10,
          傷病名区分: d.role,
        }),
      );
    }
    out.push(
      makeRecord('KK', {
        '予定・緊急入院区分': c.admissionRoute ?? '',
        入院時年齢: age.years,
        入院時月齢: age.years === 0 ? age.months : '',
      }),
    );
    for (const p of c.procedures ?? []) {
      if (p.date.slice(0, 7) !== m.serviceMonth) continue;
      out.push(
        makeRecord('SK', {
          診療行為コード: p.code ?? '',
          区分番号: p.kubun,
          実施年月日: compactDate(p.date),
          診療名称: p.name ?? '',
        }),
      );
    }
    out.push(
      makeRecord('GA', {
        診療年月: ym,
        請求調整区分: 2,
        外泊等: '0'.repeat(Number(monthEnd(m.serviceMonth).slice(8, 10))),
        医療機関別係数: (c.facilityCoefficient ?? 1).toFixed(4),
      }),
    );
    for (const p of m.periods) {
      out.push(
        makeRecord('HH', {
          診療年月: ym,
          請求調整区分: 2,
          自他保険区分: 1,
          負担区分: burden,
          入院期間区分: p.period,
          '1日当たり点数': p.pointsPerDay,
          入院日数: p.days,
          包括小計点数: p.subtotal,
        }),
      );
    }
    out.push(
      makeRecord('GT', {
        診療年月: ym,
        請求調整区分: 2,
        自他保険区分: 1,
        負担区分: burden,
        包括小計点数合算: m.bundleSubtotal,
        包括評価点数: m.bundledPoints,
        今月包括合計点数: m.bundledPoints,
        診療識別: '93',
      }),
    );
    out.push(...claimRecords(dpcAsClaim(c, m), receiptNo + i).filter((r) => r[0] !== 'RE'));
  });
  return out;
}

/** The 出来高 part of one month as a 医科 ClaimInput without payers or diagnoses: claimRecords then
 * writes RE (dropped) and the SI/IY/TO/CO records of its units. */
function dpcAsClaim(c: DpcClaimInput, m: DpcMonth): ClaimInput {
  return {
    typeCode: c.typeCode,
    serviceMonth: m.serviceMonth,
    patient: c.patient,
    insurance: null,
    diagnoses: [],
    units: m.units,
  };
}

/** Main-payer points and 件数 (HO + KO) of each monthly claim: for GO. */
function dpcTotals(c: DpcClaimInput): { count: number; points: number; claims: number } {
  const months = dpcMonths(c);
  let count = 0;
  let points = 0;
  for (const m of months) {
    count += (c.insurance ? 1 : 0) + (c.publicPayers?.length ?? 0);
    points += c.insurance ? (m.totals[0] ?? 0) : (m.totals[1] ?? 0);
  }
  return { count, points, claims: months.length };
}

/** Builds a whole DPC file (RECEIPTD.UKE) in memory: IR, the monthly claims of each stay, GO. */
export function buildDpcFile(facility: FacilityInput, stays: DpcClaimInput[], opts: { eofMark?: boolean } = {}): Buffer {
  if (tableOf(facility.facilityCode) !== 'ika') throw new UkeWriteError('DPC は医科の医療機関コードで書きます');
  const records: string[][] = [headerRecord(facility)];
  let receiptNo = 1;
  let count = 0;
  let points = 0;
  for (const c of stays) {
    records.push(...dpcClaimRecords(c, receiptNo));
    const t = dpcTotals(c);
    receiptNo += t.claims;
    count += t.count;
    points += t.points;
  }
  records.push(trailerRecord(count, points));
  return encodeLines(records, opts);
}

/** Recovers a writer input from the monthly claims of one DPC stay as read (in month order): the typed
 * round trip of generated files. 入院期間 boundaries the stay never reached cannot be read back and
 * are set to the last day seen (their points to 0): the records come out the same. */
export function dpcClaimInputFromClaims(claims: UkeClaim[]): DpcClaimInput {
  const first = claims[0];
  const lastClaim = claims[claims.length - 1];
  if (!first?.dpc || !lastClaim?.dpc) throw new UkeWriteError('DPC レセプト (BU) がありません');
  const recs = (type: string) => first.records.filter((r) => r.fields[0] === type);
  const re = recs('RE')[0];
  const kk = recs('KK')[0];
  const ga = recs('GA')[0];
  const bu = lastClaim.records.find((r) => r.fields[0] === 'BU');
  const pointsPerDay: [number, number, number] = [0, 0, 0];
  const daysIn = [0, 0, 0];
  let burden = '1';
  const procedures: DpcProcedureInput[] = [];
  const units: DpcUnitInput[] = [];
  const monthly: NonNullable<DpcClaimInput['monthly']> = {};
  for (const c of claims) {
    const month = c.serviceMonth.slice(0, 7);
    for (const r of c.records) {
      if (r.fields[0] === 'HH') {
        const i = Number(get(r, '入院期間区分')) - 1;
        pointsPerDay[i] = Number(get(r, '1日当たり点数'));
        daysIn[i] = (daysIn[i] ?? 0) + Number(get(r, '入院日数'));
        burden = get(r, '負担区分');
      } else if (r.fields[0] === 'SK') {
        const code = get(r, '診療行為コード');
        const name = get(r, '診療名称');
        procedures.push({
          kubun: get(r, '区分番号'),
          date: `${get(r, '実施年月日').replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')}`,
          ...(code ? { code } : {}),
          ...(name ? { name } : {}),
        });
      }
    }
    for (const u of claimInputFromClaim(c).units) units.push({ ...u, month });
    const ins = c.insurance;
    if (ins && (ins.patientShareYen !== null || ins.mealTimes !== null || ins.mealYen !== null)) {
      monthly[month] = { patientShareYen: ins.patientShareYen, mealTimes: ins.mealTimes, mealYen: ins.mealYen };
    }
  }
  const d1 = daysIn[0] ?? 0;
  const d2 = d1 + (daysIn[1] ?? 0);
  const d3 = d2 + (daysIn[2] ?? 0);
  const route = kk ? get(kk, '予定・緊急入院区分') : '';
  const coefficient = ga ? get(ga, '医療機関別係数') : '';
  return {
    typeCode: first.typeCode,
    patient: first.patient,
    chartNo: re ? get(re, 'カルテ番号等') : '',
    specialNotes: re ? get(re, 'レセプト特記事項') : '',
    insurance: first.insurance && {
      insurerNumber: first.insurance.insurerNumber,
      kigo: first.insurance.kigo,
      bango: first.insurance.bango,
    },
    edaban: first.edaban,
    publicPayers: first.publicPayers.map((p) => ({ payerNumber: p.payerNumber, recipientNumber: p.recipientNumber })),
    admissionDate: first.dpc.admissionDate ?? '',
    dischargeDate: lastClaim.dpc.dischargeDate,
    ...(lastClaim.dpc.dischargeDate ? {} : { billedThroughMonth: lastClaim.serviceMonth.slice(0, 7) }),
    outcome: lastClaim.dpc.outcome,
    deathCause: bu ? get(bu, '死因') : '',
    ...(route ? { admissionRoute: Number(route) as 1 | 2 | 3 } : {}),
    dpc: { code: first.dpc.code, periodDays: [Math.max(d1, 1), Math.max(d2, 1), Math.max(d3, 1)], pointsPerDay },
    ...(coefficient ? { facilityCoefficient: Number(coefficient) } : {}),
    bundleBurden: burden,
    diagnoses: first.diagnoses.map((d) => ({
      code: d.code,
      icd10: d.icd10 ?? '',
      role: d.dpcRole ?? '',
      modifiers: d.modifiers,
      name: d.name,
    })),
    procedures,
    units,
    monthly,
  };
}
