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
  /** 調剤基本料 per 受付 (KI). */
  baseFees: { date: string; reception: number; burden: string; code: string; points: number }[];
  prescriptions: PrescriptionInput[];
}

/** Main-payer points of a 調剤 claim: CZ 調製料 + 薬剤料 + 調剤管理料, plus KI 調剤基本料. */
export function pharmacyClaimPoints(c: PharmacyClaimInput): number {
  let total = 0;
  for (const rx of c.prescriptions)
    for (const d of rx.dispensings) total += d.preparationPoints + d.drugPoints + (d.managementPoints ?? 0);
  for (const k of c.baseFees) total += k.points;
  return total;
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
