// Readers and writers of the care (介護保険) CSV files a 保険者 or 自治体 holds (docs/formats/care.md):
//   - 要介護認定 (care_certification.csv): 受給者台帳 / 認定結果 — one row per 認定 decision;
//   - 介護給付費明細 (care_claims.csv): 国保連 介護給付費実績 — one row per person × サービス提供年月 ×
//     事業所 × サービス種類コード, with 単位数, 単位数単価, 費用額, 保険給付額, 利用者負担額;
//   - Barthel Index (barthel.csv): ADL assessments reported by 事業所 (LIFE / ADL維持等加算 items).
// Files are UTF-8 (BOM optional) or CP932, detected by their header rows. Parsing is csv-parse; every
// row is validated (codes, dates, arithmetic) and a bad row becomes a rejection with file, line, field
// and reason, never an exception. The writers (used by the synthetic generator) validate each row with
// the same rules and refuse to write what the reader would reject.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { hasValidCheckDigit } from '../../util/check-digit.js';
import { ageOn, parseJpDate } from '../../util/dates.js';
import type { Rejection } from '../uke/types.js';
import { type CsvEvent, sniffEncoding } from './register.js';

// ---- codes ----------------------------------------------------------------------------------------

/** 要介護状態区分コード (認定結果). 06 事業対象者 and 11 経過的要介護 are not 認定 results and are not accepted. */
export const CARE_LEVELS = {
  '01': '非該当',
  '12': '要支援1',
  '13': '要支援2',
  '21': '要介護1',
  '22': '要介護2',
  '23': '要介護3',
  '24': '要介護4',
  '25': '要介護5',
} as const;
export type CareLevelCode = keyof typeof CARE_LEVELS;
export type CareLevel = (typeof CARE_LEVELS)[CareLevelCode];
export const CARE_LEVEL_CODE = Object.fromEntries(Object.entries(CARE_LEVELS).map(([c, l]) => [l, c])) as Record<
  CareLevel,
  CareLevelCode
>;

export const isSupportLevel = (code: string) => code === '12' || code === '13';
export const isCareLevel = (code: string) => /^2[1-5]$/.test(code);

/**
 * サービス種類コード (介護給付費明細書・給付実績). Names as in the 介護給付費単位数等サービスコード表;
 * A1–A9 are 介護予防・日常生活支援総合事業 codes (partly defined by each 市町村).
 */
export const SERVICE_TYPES: Record<string, string> = {
  '11': '訪問介護',
  '12': '訪問入浴介護',
  '13': '訪問看護',
  '14': '訪問リハビリテーション',
  '15': '通所介護',
  '16': '通所リハビリテーション',
  '17': '福祉用具貸与',
  '21': '短期入所生活介護',
  '22': '短期入所療養介護（介護老人保健施設）',
  '23': '短期入所療養介護（病院等）',
  '2A': '短期入所療養介護（介護医療院）',
  '24': '介護予防短期入所生活介護',
  '25': '介護予防短期入所療養介護（介護老人保健施設）',
  '26': '介護予防短期入所療養介護（病院等）',
  '2B': '介護予防短期入所療養介護（介護医療院）',
  '27': '特定施設入居者生活介護（短期利用）',
  '28': '地域密着型特定施設入居者生活介護（短期利用）',
  '31': '居宅療養管理指導',
  '32': '認知症対応型共同生活介護',
  '33': '特定施設入居者生活介護',
  '34': '介護予防居宅療養管理指導',
  '35': '介護予防特定施設入居者生活介護',
  '36': '地域密着型特定施設入居者生活介護',
  '37': '介護予防認知症対応型共同生活介護',
  '38': '認知症対応型共同生活介護（短期利用）',
  '39': '介護予防認知症対応型共同生活介護（短期利用）',
  '43': '居宅介護支援',
  '46': '介護予防支援',
  '51': '介護福祉施設サービス',
  '52': '介護保健施設サービス',
  '53': '介護療養施設サービス',
  '54': '地域密着型介護老人福祉施設入所者生活介護',
  '55': '介護医療院サービス',
  '61': '介護予防訪問介護',
  '62': '介護予防訪問入浴介護',
  '63': '介護予防訪問看護',
  '64': '介護予防訪問リハビリテーション',
  '65': '介護予防通所介護',
  '66': '介護予防通所リハビリテーション',
  '67': '介護予防福祉用具貸与',
  '68': '小規模多機能型居宅介護（短期利用）',
  '69': '介護予防小規模多機能型居宅介護（短期利用）',
  '71': '夜間対応型訪問介護',
  '72': '認知症対応型通所介護',
  '73': '小規模多機能型居宅介護',
  '74': '介護予防認知症対応型通所介護',
  '75': '介護予防小規模多機能型居宅介護',
  '76': '定期巡回・随時対応型訪問介護看護',
  '77': '看護小規模多機能型居宅介護',
  '78': '地域密着型通所介護',
  '79': '看護小規模多機能型居宅介護（短期利用）',
  A1: '訪問型サービス（みなし）',
  A2: '訪問型サービス（独自）',
  A3: '訪問型サービス（独自／定率）',
  A4: '訪問型サービス（独自／定額）',
  A5: '通所型サービス（みなし）',
  A6: '通所型サービス（独自）',
  A7: '通所型サービス（独自／定率）',
  A8: '通所型サービス（独自／定額）',
  A9: 'その他の生活支援サービス',
};

/** 施設サービス: only for 要介護 (介護保険法 第8条). */
const FACILITY_SERVICES = new Set(['51', '52', '53', '54', '55']);
/** ケアマネジメント: 10割給付, no 利用者負担. */
export const CARE_MANAGEMENT_SERVICES = new Set(['43', '46']);

/**
 * 1単位の単価 (円) by 地域区分 and 人件費割合: 10 × (1 + 上乗せ割合 × 人件費割合), rounded to 0.01.
 * 上乗せ割合 1級地 20%, 2級地 16%, 3級地 15%, 4級地 12%, 5級地 10%, 6級地 6%, 7級地 3%, その他 0%;
 * 人件費割合 70% / 55% / 45% (居宅療養管理指導・福祉用具貸与 are always 10.00).
 */
export const AREA_GRADES = [0.2, 0.16, 0.15, 0.12, 0.1, 0.06, 0.03, 0] as const;
export const LABOUR_SHARES = [0.7, 0.55, 0.45] as const;
export function unitPrice(grade: number, labourShare: number): number {
  const uplift = AREA_GRADES[grade - 1] ?? 0;
  return Math.round(1000 * (1 + uplift * labourShare)) / 100;
}
/** All valid 単位数単価 in hundredths of a yen (1000 = 10.00 円 … 1140 = 11.40 円). */
export const UNIT_PRICE_CENTS: ReadonlySet<number> = new Set(
  AREA_GRADES.flatMap((_, g) => LABOUR_SHARES.map((s) => Math.round(unitPrice(g + 1, s) * 100))),
);

/** 費用額 = 単位数 × 単価, 1円未満切り捨て; 保険給付額 = 費用額 × 給付率, 1円未満切り捨て (公費のないとき). */
export function careClaimAmounts(
  units: number,
  price: number,
  benefitRate: number,
  publicYen = 0,
): { costYen: number; benefitYen: number; patientShareYen: number } {
  const costYen = Math.floor((units * Math.round(price * 100)) / 100);
  const benefitYen = Math.floor((costYen * benefitRate) / 100);
  return { costYen, benefitYen, patientShareYen: costYen - benefitYen - publicYen };
}

export const BARTHEL_ITEMS = [
  { key: 'feeding', label: '食事', values: [0, 5, 10] },
  { key: 'transfer', label: '移乗', values: [0, 5, 10, 15] },
  { key: 'grooming', label: '整容', values: [0, 5] },
  { key: 'toileting', label: 'トイレ動作', values: [0, 5, 10] },
  { key: 'bathing', label: '入浴', values: [0, 5] },
  { key: 'mobility', label: '移動', values: [0, 5, 10, 15] },
  { key: 'stairs', label: '階段昇降', values: [0, 5, 10] },
  { key: 'dressing', label: '更衣', values: [0, 5, 10] },
  { key: 'bowels', label: '排便コントロール', values: [0, 5, 10] },
  { key: 'bladder', label: '排尿コントロール', values: [0, 5, 10] },
] as const;
export type BarthelKey = (typeof BARTHEL_ITEMS)[number]['key'];
export type BarthelItems = Record<BarthelKey, number>;

// ---- headers and rows -----------------------------------------------------------------------------

export const CARE_CERTIFICATION_HEADER = [
  '介護保険者番号',
  '介護被保険者番号',
  '氏名',
  '氏名カナ',
  '性別',
  '生年月日',
  '申請区分',
  '認定年月日',
  '要介護状態区分コード',
  '認定有効期間開始日',
  '認定有効期間終了日',
] as const;

export const CARE_CLAIM_HEADER = [
  '介護保険者番号',
  '介護被保険者番号',
  '氏名カナ',
  '性別',
  '生年月日',
  '要介護状態区分コード',
  'サービス提供年月',
  '事業所番号',
  'サービス種類コード',
  'サービス実日数',
  '単位数',
  '単位数単価',
  '費用額',
  '給付率',
  '保険給付額',
  '公費負担額',
  '利用者負担額',
] as const;

export const BARTHEL_HEADER = [
  '介護保険者番号',
  '介護被保険者番号',
  '氏名カナ',
  '性別',
  '生年月日',
  '評価日',
  '事業所番号',
  ...BARTHEL_ITEMS.map((i) => i.label),
  '合計点',
] as const;

/** Columns that may be absent (the file is still detected and read). */
const OPTIONAL = new Set(['申請区分', '要介護状態区分コード', 'サービス実日数', '公費負担額']);
export const CARE_CERTIFICATION_REQUIRED = CARE_CERTIFICATION_HEADER.filter((h) => !OPTIONAL.has(h));
export const CARE_CLAIM_REQUIRED = CARE_CLAIM_HEADER.filter((h) => !OPTIONAL.has(h));
export const BARTHEL_REQUIRED = [...BARTHEL_HEADER];

export type ApplicationKind = '新規' | '更新' | '区分変更';

/** Identity of the insured person as the care files carry it (clear text: the ingest pseudonymises it). */
export interface CareIdentity {
  /** 介護保険者番号 (6 digits incl. 検証番号). */
  careInsurerNumber: string;
  /** 介護被保険者番号 (10 digits). */
  insuredNumber: string;
  kanaName: string;
  sex: 1 | 2;
  birthDate: string;
}

export interface CareCertificationRow extends CareIdentity {
  line: number;
  name: string;
  applicationKind: ApplicationKind | null;
  decisionDate: string;
  levelCode: CareLevelCode;
  /** 認定有効期間; null only for 非該当 (01). */
  validFrom: string | null;
  validTo: string | null;
}

export interface CareClaimRow extends CareIdentity {
  line: number;
  levelCode: CareLevelCode | null;
  /** サービス提供年月, ISO first day of the month. */
  serviceMonth: string;
  providerCode: string;
  serviceType: string;
  serviceDays: number | null;
  units: number;
  /** 単位数単価 (円, 2 decimals). */
  unitPrice: number;
  costYen: number;
  /** 給付率 (%): 90, 80, 70; 100 for ケアマネジメント (43, 46). */
  benefitRate: number;
  benefitYen: number;
  publicYen: number;
  patientShareYen: number;
}

export interface BarthelRow extends CareIdentity {
  line: number;
  assessmentDate: string;
  providerCode: string;
  items: BarthelItems;
  total: number;
}

export type CareCertificationInput = Omit<CareCertificationRow, 'line'>;
export type CareClaimInput = Omit<CareClaimRow, 'line'>;
export type BarthelInput = Omit<BarthelRow, 'line'>;

// ---- generic documented-CSV reader ------------------------------------------------------------------

/** A field-level problem: becomes a rejection with the field name and a reason code. */
export class CsvFieldError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a documented CSV (UTF-8 or CP932, header row, RFC 4180) and maps each record; a missing
 * required column rejects the file (BAD_HEADER), a CsvFieldError rejects the row. Mirrors the member
 * register reader (register.ts).
 */
export async function* readDocumentedCsv<T>(
  path: string,
  required: readonly string[],
  mapRow: (rec: Record<string, string>, line: number) => T,
): AsyncGenerator<CsvEvent<T>> {
  const enc = await sniffEncoding(path);
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(enc, { stripBOM: true }))
    .pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }));
  let first = true;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const { record, info } = item;
      if (first) {
        first = false;
        const missing = required.filter((h) => !(h in record));
        if (missing.length > 0) {
          yield {
            type: 'rejection',
            rejection: {
              file: path,
              line: 1,
              recordType: 'header',
              field: missing.join(','),
              code: 'BAD_HEADER',
              reason: `必須列がありません: ${missing.join(', ')} / missing columns`,
            },
          };
          return;
        }
      }
      try {
        yield { type: 'row', row: mapRow(record, info.lines) };
      } catch (err) {
        if (!(err instanceof CsvFieldError)) throw err;
        yield {
          type: 'rejection',
          rejection: { file: path, line: info.lines, recordType: 'row', field: err.field, code: err.code, reason: err.message },
        };
      }
    }
  } catch (err) {
    yield {
      type: 'rejection',
      rejection: {
        file: path,
        line: null,
        recordType: null,
        field: null,
        code: 'CSV_SYNTAX',
        reason: `CSV として読めません / unreadable CSV: ${(err as Error).message}`,
      },
    };
  }
}

// ---- field parsers (throw CsvFieldError) -----------------------------------------------------------

export function fieldDate(raw: string | undefined, field: string): string {
  const s = (raw ?? '').replace(/[-/]/g, '');
  const d = s.length >= 7 ? parseJpDate(s) : null;
  if (!d) throw new CsvFieldError(field, 'BAD_DATE', `${field} が日付ではありません: "${raw ?? ''}"`);
  return d;
}

function fieldMonth(raw: string | undefined, field: string): string {
  const s = (raw ?? '').replace(/[-/]/g, '');
  const d = s.length === 6 || s.length === 5 ? parseJpDate(s) : null;
  if (!d) throw new CsvFieldError(field, 'BAD_DATE', `${field} は年月 (YYYY-MM) です: "${raw ?? ''}"`);
  return d;
}

export function fieldInt(raw: string | undefined, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const s = (raw ?? '').replace(/,/g, '');
  if (!/^-?\d+$/.test(s)) throw new CsvFieldError(field, 'BAD_NUMBER', `${field} は整数です: "${raw ?? ''}"`);
  const n = Number(s);
  if (n < min || n > max) throw new CsvFieldError(field, 'BAD_NUMBER', `${field} は ${min}〜${max}: ${n}`);
  return n;
}

function optionalInt(raw: string | undefined, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | null {
  return raw ? fieldInt(raw, field, min, max) : null;
}

function fieldSex(raw: string | undefined): 1 | 2 {
  if (raw !== '1' && raw !== '2') throw new CsvFieldError('性別', 'BAD_CODE', `性別は 1 または 2: "${raw ?? ''}"`);
  return raw === '1' ? 1 : 2;
}

export function careInsurer(raw: string | undefined, field = '介護保険者番号'): string {
  const s = raw ?? '';
  if (!/^\d{6}$/.test(s)) throw new CsvFieldError(field, 'BAD_CODE', `${field}は6桁: "${s}"`);
  if (!hasValidCheckDigit(s)) throw new CsvFieldError(field, 'BAD_CODE', `${field}の検証番号が不正: "${s}"`);
  return s;
}

/** 介護保険事業所番号: 10 digits (not checked for a 検証番号: not every 指定権者 assigns one). */
export function careProvider(raw: string | undefined, field = '事業所番号'): string {
  const s = raw ?? '';
  if (!/^\d{10}$/.test(s)) throw new CsvFieldError(field, 'BAD_CODE', `${field}は10桁: "${s}"`);
  return s;
}

function identity(r: Record<string, string>): CareIdentity {
  const careInsurerNumber = careInsurer(r.介護保険者番号);
  const insuredNumber = r.介護被保険者番号 ?? '';
  if (!/^\d{10}$/.test(insuredNumber))
    throw new CsvFieldError('介護被保険者番号', 'BAD_CODE', `介護被保険者番号は10桁: "${insuredNumber}"`);
  return {
    careInsurerNumber,
    insuredNumber,
    kanaName: r.氏名カナ ?? '',
    sex: fieldSex(r.性別),
    birthDate: fieldDate(r.生年月日, '生年月日'),
  };
}

function levelCode(raw: string | undefined, field = '要介護状態区分コード'): CareLevelCode {
  const s = raw ?? '';
  if (!(s in CARE_LEVELS))
    throw new CsvFieldError(field, 'BAD_CODE', `${field}が不正: "${s}" (01 非該当, 12/13 要支援1/2, 21〜25 要介護1〜5)`);
  return s as CareLevelCode;
}

// ---- row mappers ----------------------------------------------------------------------------------

function mapCertification(r: Record<string, string>, line: number): CareCertificationRow {
  const id = identity(r);
  const code = levelCode(r.要介護状態区分コード);
  const decisionDate = fieldDate(r.認定年月日, '認定年月日');
  if (decisionDate < id.birthDate)
    throw new CsvFieldError('認定年月日', 'BAD_DATE', `認定年月日 ${decisionDate} が生年月日より前です`);
  if (ageOn(id.birthDate, decisionDate) < 40)
    throw new CsvFieldError(
      '認定年月日',
      'BAD_DATE',
      `認定年月日 ${decisionDate} に 40 歳未満です（介護保険の被保険者ではありません）`,
    );
  const kind = r.申請区分 || null;
  if (kind !== null && kind !== '新規' && kind !== '更新' && kind !== '区分変更')
    throw new CsvFieldError('申請区分', 'BAD_CODE', `申請区分は 新規・更新・区分変更: "${kind}"`);
  let validFrom: string | null = null;
  let validTo: string | null = null;
  if (code !== '01' || r.認定有効期間開始日 || r.認定有効期間終了日) {
    validFrom = fieldDate(r.認定有効期間開始日, '認定有効期間開始日');
    validTo = fieldDate(r.認定有効期間終了日, '認定有効期間終了日');
    if (validTo < validFrom)
      throw new CsvFieldError('認定有効期間終了日', 'BAD_DATE', `認定有効期間終了日 ${validTo} が開始日 ${validFrom} より前です`);
  }
  return { line, ...id, name: r.氏名 ?? '', applicationKind: kind, decisionDate, levelCode: code, validFrom, validTo };
}

function mapClaim(r: Record<string, string>, line: number): CareClaimRow {
  const id = identity(r);
  const level = r.要介護状態区分コード ? levelCode(r.要介護状態区分コード) : null;
  if (level === '01') throw new CsvFieldError('要介護状態区分コード', 'BAD_CODE', '非該当 (01) の者に給付はありません');
  const serviceType = r.サービス種類コード ?? '';
  if (!SERVICE_TYPES[serviceType])
    throw new CsvFieldError('サービス種類コード', 'BAD_CODE', `サービス種類コードが不明: "${serviceType}"`);
  if (level && FACILITY_SERVICES.has(serviceType) && !isCareLevel(level))
    throw new CsvFieldError('サービス種類コード', 'BAD_CODE', `施設サービス ${serviceType} は要介護者のみ (区分 ${level})`);
  if (level && serviceType === '43' && !isCareLevel(level))
    throw new CsvFieldError('サービス種類コード', 'BAD_CODE', `居宅介護支援 (43) は要介護者のみ (区分 ${level})`);
  if (level && serviceType === '46' && !isSupportLevel(level))
    throw new CsvFieldError('サービス種類コード', 'BAD_CODE', `介護予防支援 (46) は要支援者のみ (区分 ${level})`);
  const units = fieldInt(r.単位数, '単位数');
  const priceRaw = r.単位数単価 ?? '';
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(priceRaw))
    throw new CsvFieldError('単位数単価', 'BAD_NUMBER', `単位数単価は円 (例 11.40): "${priceRaw}"`);
  const cents = Math.round(Number(priceRaw) * 100);
  if (!UNIT_PRICE_CENTS.has(cents))
    throw new CsvFieldError('単位数単価', 'BAD_CODE', `単位数単価 ${priceRaw} は地域区分の単価ではありません (10.00〜11.40)`);
  const benefitRate = fieldInt(r.給付率, '給付率');
  const careManagement = CARE_MANAGEMENT_SERVICES.has(serviceType);
  if (careManagement ? benefitRate !== 100 : ![70, 80, 90].includes(benefitRate))
    throw new CsvFieldError(
      '給付率',
      'BAD_CODE',
      careManagement ? `ケアマネジメント (${serviceType}) の給付率は 100: ${benefitRate}` : `給付率は 90・80・70: ${benefitRate}`,
    );
  const costYen = fieldInt(r.費用額, '費用額');
  const expectedCost = Math.floor((units * cents) / 100);
  if (costYen !== expectedCost)
    throw new CsvFieldError(
      '費用額',
      'ARITHMETIC',
      `費用額 ${costYen} ≠ 単位数 ${units} × 単価 ${priceRaw} (切り捨て) = ${expectedCost}`,
    );
  const benefitYen = fieldInt(r.保険給付額, '保険給付額');
  const publicYen = r.公費負担額 ? fieldInt(r.公費負担額, '公費負担額') : 0;
  const patientShareYen = fieldInt(r.利用者負担額, '利用者負担額');
  if (publicYen === 0) {
    const expectedBenefit = Math.floor((costYen * benefitRate) / 100);
    if (benefitYen !== expectedBenefit)
      throw new CsvFieldError(
        '保険給付額',
        'ARITHMETIC',
        `保険給付額 ${benefitYen} ≠ 費用額 ${costYen} × ${benefitRate}% (切り捨て) = ${expectedBenefit}`,
      );
  }
  if (benefitYen + publicYen + patientShareYen !== costYen)
    throw new CsvFieldError(
      '利用者負担額',
      'ARITHMETIC',
      `保険給付額 ${benefitYen} + 公費負担額 ${publicYen} + 利用者負担額 ${patientShareYen} ≠ 費用額 ${costYen}`,
    );
  return {
    line,
    ...id,
    levelCode: level,
    serviceMonth: fieldMonth(r.サービス提供年月, 'サービス提供年月'),
    providerCode: careProvider(r.事業所番号),
    serviceType,
    serviceDays: optionalInt(r.サービス実日数, 'サービス実日数', 0, 31),
    units,
    unitPrice: cents / 100,
    costYen,
    benefitRate,
    benefitYen,
    publicYen,
    patientShareYen,
  };
}

function mapBarthel(r: Record<string, string>, line: number): BarthelRow {
  const id = identity(r);
  const assessmentDate = fieldDate(r.評価日, '評価日');
  if (assessmentDate < id.birthDate)
    throw new CsvFieldError('評価日', 'BAD_DATE', `評価日 ${assessmentDate} が生年月日より前です`);
  const items = {} as BarthelItems;
  let sum = 0;
  for (const it of BARTHEL_ITEMS) {
    const v = fieldInt(r[it.label], it.label);
    if (!(it.values as readonly number[]).includes(v))
      throw new CsvFieldError(it.label, 'BAD_CODE', `${it.label} は ${it.values.join('・')} のいずれか: ${v}`);
    items[it.key] = v;
    sum += v;
  }
  const total = fieldInt(r.合計点, '合計点', 0, 100);
  if (total !== sum) throw new CsvFieldError('合計点', 'ARITHMETIC', `合計点 ${total} ≠ 10 項目の和 ${sum}`);
  return { line, ...id, assessmentDate, providerCode: careProvider(r.事業所番号), items, total };
}

export function readCareCertifications(path: string): AsyncGenerator<CsvEvent<CareCertificationRow>> {
  return readDocumentedCsv(path, CARE_CERTIFICATION_REQUIRED, mapCertification);
}

export function readCareClaims(path: string): AsyncGenerator<CsvEvent<CareClaimRow>> {
  return readDocumentedCsv(path, CARE_CLAIM_REQUIRED, mapClaim);
}

export function readBarthel(path: string): AsyncGenerator<CsvEvent<BarthelRow>> {
  return readDocumentedCsv(path, BARTHEL_REQUIRED, mapBarthel);
}

// ---- writers ----------------------------------------------------------------------------------------

/** One CSV record (RFC 4180 quoting when needed), without the line end. */
export function csvLine(fields: readonly (string | number | null)[]): string {
  return fields
    .map((f) => {
      const s = f === null ? '' : String(f);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/** Validates the formatted fields with the reader's own rules; a writer never emits what the reader rejects. */
function checked<T>(header: readonly string[], fields: string[], map: (r: Record<string, string>, line: number) => T): string {
  const rec: Record<string, string> = {};
  header.forEach((h, i) => {
    rec[h] = fields[i] ?? '';
  });
  try {
    map(rec, 0);
  } catch (err) {
    if (err instanceof CsvFieldError) throw new Error(`書き出せません / refusing to write: ${err.field}: ${err.message}`);
    throw err;
  }
  return csvLine(fields);
}

const idFields = (r: CareIdentity) => [r.careInsurerNumber, r.insuredNumber];
const personFields = (r: CareIdentity) => [r.kanaName, String(r.sex), r.birthDate];

export function careCertificationLine(r: CareCertificationInput): string {
  const fields = [
    ...idFields(r),
    r.name,
    ...personFields(r),
    r.applicationKind ?? '',
    r.decisionDate,
    r.levelCode,
    r.validFrom ?? '',
    r.validTo ?? '',
  ];
  return checked(CARE_CERTIFICATION_HEADER, fields, mapCertification);
}

export function careClaimLine(r: CareClaimInput): string {
  const fields = [
    ...idFields(r),
    ...personFields(r),
    r.levelCode ?? '',
    r.serviceMonth.slice(0, 7),
    r.providerCode,
    r.serviceType,
    r.serviceDays === null ? '' : String(r.serviceDays),
    String(r.units),
    r.unitPrice.toFixed(2),
    String(r.costYen),
    String(r.benefitRate),
    String(r.benefitYen),
    String(r.publicYen),
    String(r.patientShareYen),
  ];
  return checked(CARE_CLAIM_HEADER, fields, mapClaim);
}

export function barthelLine(r: BarthelInput): string {
  const fields = [
    ...idFields(r),
    ...personFields(r),
    r.assessmentDate,
    r.providerCode,
    ...BARTHEL_ITEMS.map((i) => String(r.items[i.key])),
    String(r.total),
  ];
  return checked(BARTHEL_HEADER, fields, mapBarthel);
}

export const CARE_FILES = {
  certification: { header: CARE_CERTIFICATION_HEADER, line: careCertificationLine },
  claims: { header: CARE_CLAIM_HEADER, line: careClaimLine },
  barthel: { header: BARTHEL_HEADER, line: barthelLine },
} as const;

/** Whole-file text (header + rows, CRLF) of one care file. */
export function careCsvText(kind: 'certification', rows: CareCertificationInput[]): string;
export function careCsvText(kind: 'claims', rows: CareClaimInput[]): string;
export function careCsvText(kind: 'barthel', rows: BarthelInput[]): string;
export function careCsvText(kind: keyof typeof CARE_FILES, rows: unknown[]): string {
  const f = CARE_FILES[kind];
  const line = f.line as (r: unknown) => string;
  return `${[csvLine(f.header), ...rows.map(line)].join('\r\n')}\r\n`;
}

/** Writes one care file, CP932 (default, as 基幹システム export) or UTF-8. */
export async function writeCareCsv(
  path: string,
  kind: keyof typeof CARE_FILES,
  rows: unknown[],
  encoding: 'cp932' | 'utf8' = 'cp932',
): Promise<void> {
  const text = careCsvText(kind as 'certification', rows as CareCertificationInput[]);
  await writeFile(path, encoding === 'cp932' ? iconv.encode(text, 'cp932') : text);
}

export type { CsvEvent, Rejection };
