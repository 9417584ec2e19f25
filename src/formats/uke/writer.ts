// Writer of レセ電 claim files (.UKE, 医科 / DPC): typed claims → records → CP932 bytes.
// Rules (data-formats.md §1.11): 保険者番号 right-justified with spaces to 8, 受給者番号 zero-padded to
// 7, 傷病名コード 7 digits, 診療識別 only on the head of each group, 点数 only on the last line of a
// billing unit and 回数 on every line, constant comma count per record type, RE numbers from 1, GO
// totals = HO + KO count and main-payer points. Check digits of 医療機関コード and 保険者番号 are
// verified: a writer must never produce a file a 審査支払機関 rejects on receipt.
import { createWriteStream, type WriteStream } from 'node:fs';
import { checkDigit, hasValidCheckDigit } from '../../util/check-digit.js';
import { encodeLines, get, makeRecord } from './codec.js';
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
  record: 'SI' | 'IY' | 'TO';
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

const compactDate = (iso: string) => iso.replaceAll('-', '').slice(0, 8);
const compactMonth = (iso: string) => iso.replaceAll('-', '').slice(0, 6);

export function headerRecord(f: FacilityInput): string[] {
  if (!/^\d{10}$/.test(f.facilityCode) || !hasValidCheckDigit(f.facilityCode)) {
    throw new UkeWriteError(`医療機関コードの検証番号が不正です: ${f.facilityCode}`);
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

export function claimRecords(c: ClaimInput, receiptNo: number): string[][] {
  const out: string[][] = [];
  const totals = claimPoints(c.units);
  out.push(
    makeRecord('RE', {
      レセプト番号: receiptNo,
      レセプト種別: c.typeCode,
      診療年月: compactMonth(c.serviceMonth),
      氏名: c.patient.name,
      男女区分: c.patient.sex,
      生年月日: compactDate(c.patient.birthDate),
      入院年月日: c.admissionDate ? compactDate(c.admissionDate) : '',
      レセプト特記事項: c.specialNotes ?? '',
      カルテ番号等: c.chartNo ?? '',
      'カタカナ（氏名）': c.patient.kanaName,
    }),
  );
  if (c.insurance) {
    const ins = c.insurance;
    if (!/^\d{6}$|^\d{8}$/.test(ins.insurerNumber) || !hasValidCheckDigit(ins.insurerNumber)) {
      throw new UkeWriteError(`保険者番号の検証番号が不正です: ${ins.insurerNumber}`);
    }
    out.push(
      makeRecord('HO', {
        保険者番号: ins.insurerNumber.padStart(8, ' '),
        被保険者証等の記号: ins.kigo,
        被保険者証等の番号: ins.bango,
        診療実日数: ins.days,
        合計点数: totals[0],
        '食事療養・生活療養回数': ins.mealTimes,
        '食事療養・生活療養合計金額': ins.mealYen,
        '負担金額 医療保険': ins.patientShareYen,
      }),
    );
  }
  (c.publicPayers ?? []).forEach((p, i) => {
    out.push(
      makeRecord('KO', {
        公費負担者番号: p.payerNumber,
        公費受給者番号: p.recipientNumber ? p.recipientNumber.padStart(7, '0') : '',
        診療実日数: p.days,
        合計点数: totals[i + 1],
      }),
    );
  });
  if (c.insurance) out.push(makeRecord('SN', { 負担者種別: 1, 確認区分: '01', 枝番: c.edaban ?? '' }));
  for (const d of c.diagnoses) {
    if (!/^\d{7}$/.test(d.code)) throw new UkeWriteError(`傷病名コードは7桁: ${d.code}`);
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
    const dayValues = Object.fromEntries(days.map((n, i) => [`${i + 1}日の情報`, n === 0 ? '' : n]));
    u.lines.forEach((l, i) => {
      const last = i === u.lines.length - 1;
      const codeField = l.record === 'SI' ? '診療行為コード' : l.record === 'IY' ? '医薬品コード' : '特定器材コード';
      const qtyField = l.record === 'SI' ? '数量データ' : '使用量';
      out.push(
        makeRecord(l.record, {
          診療識別: i === 0 && u.category !== prevCategory ? u.category : '',
          負担区分: u.burden,
          [codeField]: l.code,
          [qtyField]: l.quantity ?? '',
          点数: last ? u.points : '',
          回数: u.times,
          ...dayValues,
        }),
      );
    });
    prevCategory = u.category;
    for (const co of u.comments ?? []) {
      out.push(makeRecord('CO', { 診療識別: u.category, 負担区分: u.burden, コメントコード: co.code, 文字データ: co.text }));
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
    records.push(...claimRecords(c, i + 1));
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
  private receiptNo = 0;
  private count = 0;
  private points = 0;
  bytes = 0;
  lines = 0;

  constructor(path: string, facility: FacilityInput) {
    this.out = createWriteStream(path);
    this.write([headerRecord(facility)]);
  }

  private write(records: string[][]): boolean {
    const buf = encodeLines(records);
    this.bytes += buf.length;
    this.lines += records.length;
    return this.out.write(buf);
  }

  /** Writes one claim; resolves when the stream can take more (back-pressure). */
  async addClaim(c: ClaimInput): Promise<void> {
    this.receiptNo++;
    const t = claimPoints(c.units);
    this.count += (c.insurance ? 1 : 0) + (c.publicPayers?.length ?? 0);
    this.points += c.insurance ? (t[0] ?? 0) : (t[1] ?? 0);
    if (!this.write(claimRecords(c, this.receiptNo))) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }

  async close(): Promise<void> {
    this.write([trailerRecord(this.count, this.points)]);
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
  return {
    typeCode: c.typeCode,
    serviceMonth: c.serviceMonth.slice(0, 7),
    patient: c.patient,
    admissionDate: c.admissionDate,
    chartNo: c.records[0] ? get(c.records[0], 'カルテ番号等') : '',
    specialNotes: c.records[0] ? get(c.records[0], 'レセプト特記事項') : '',
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
