// Reader and writer of the facility list (医療機関等一覧, docs/formats/care.md §医療機関等一覧): one row
// per 医療機関・薬局・健診機関・介護事業所 with its kind, place, beds and functions. UTF-8 or CP932.
// 医療機関コード (10 digits: 都道府県2 + 点数表1 + 郡市区2 + 番号4 + 検証番号1) must carry a valid 検証番号;
// 介護事業所 carry their 10-digit 介護保険事業所番号 (not checked for a 検証番号). Bad rows are rejections
// with file, line and field, never exceptions.
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { hasValidCheckDigit } from '../../util/check-digit.js';
import { CsvFieldError, csvLine, readDocumentedCsv, SERVICE_TYPES } from './care.js';
import type { CsvEvent } from './register.js';

export const FACILITY_LIST_HEADER = [
  '医療機関コード',
  '名称',
  '種別',
  '都道府県コード',
  '市区町村コード',
  '病床数',
  '機能',
] as const;

export const FACILITY_TYPES = ['医科診療所', '病院', '歯科診療所', '薬局', '健診機関', '介護事業所'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Canonical facility_kind (001_core.sql) of each 種別; 病院 and 医科診療所 differ by 病床数 (医療法: 20床以上 = 病院). */
export const FACILITY_KIND: Record<FacilityType, string> = {
  医科診療所: '医科',
  病院: '医科',
  歯科診療所: '歯科',
  薬局: '調剤',
  健診機関: '健診',
  介護事業所: '介護',
};

/** 点数表 digit (3rd) of the 医療機関コード by 種別 (健診機関: any). */
const SCORE_TABLE: Partial<Record<FacilityType, string>> = { 医科診療所: '1', 病院: '1', 歯科診療所: '3', 薬局: '4' };

/**
 * 機能 of 医療機関・薬局 (`;`-separated). 介護事業所 list their サービス種類コード instead (e.g. `15;43`).
 * A closed vocabulary so that a typo is a rejection, not a silent new category; extend it here.
 */
export const FACILITY_FUNCTIONS = [
  'DPC',
  '救急告示',
  '高度急性期',
  '急性期',
  '回復期',
  '慢性期',
  '透析',
  '在宅療養支援診療所',
  '在宅療養支援病院',
  '在宅療養後方支援病院',
  'かかりつけ',
  '地域医療支援病院',
  '特定機能病院',
  '地域包括ケア病棟',
  'がん診療連携拠点病院',
  '訪問診療',
  '訪問看護',
  '特定健診',
  '特定保健指導',
  '健康サポート薬局',
  '地域連携薬局',
  '専門医療機関連携薬局',
  '夜間休日',
] as const;
const FUNCTION_SET = new Set<string>(FACILITY_FUNCTIONS);

export interface FacilityRow {
  line: number;
  code: string;
  name: string;
  type: FacilityType;
  prefectureCode: string;
  /** 全国地方公共団体コード (6 digits incl. 検証番号), or null. */
  municipalityCode: string | null;
  beds: number | null;
  functions: string[];
}
export type FacilityInput = Omit<FacilityRow, 'line'>;

/** 検証番号 of a 全国地方公共団体コード (総務省): weights 6,5,4,3,2, 11 − (sum mod 11), last digit kept. */
export function municipalityCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(payload[i]) * (6 - i);
  return (11 - (sum % 11)) % 10;
}

export function isValidMunicipalityCode(code: string): boolean {
  return /^\d{6}$/.test(code) && municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

function mapFacility(r: Record<string, string>, line: number): FacilityRow {
  const type = r.種別 as FacilityType;
  if (!FACILITY_TYPES.includes(type))
    throw new CsvFieldError('種別', 'BAD_CODE', `種別が不明: "${r.種別 ?? ''}" (${FACILITY_TYPES.join('・')})`);
  const code = r.医療機関コード ?? '';
  if (!/^\d{10}$/.test(code)) throw new CsvFieldError('医療機関コード', 'BAD_CODE', `医療機関コードは10桁: "${code}"`);
  if (type !== '介護事業所') {
    if (!hasValidCheckDigit(code))
      throw new CsvFieldError('医療機関コード', 'BAD_CODE', `医療機関コードの検証番号が不正: "${code}"`);
    const table = SCORE_TABLE[type];
    if (table && code[2] !== table)
      throw new CsvFieldError('医療機関コード', 'BAD_CODE', `${type} の医療機関コードの3桁目 (点数表) は ${table}: "${code}"`);
  }
  const name = r.名称 ?? '';
  if (!name) throw new CsvFieldError('名称', 'BAD_FIELD', '名称がありません');
  const pref = r.都道府県コード ?? '';
  if (!/^\d{2}$/.test(pref) || Number(pref) < 1 || Number(pref) > 47)
    throw new CsvFieldError('都道府県コード', 'BAD_CODE', `都道府県コードは 01〜47: "${pref}"`);
  if (code.slice(0, 2) !== pref)
    throw new CsvFieldError('都道府県コード', 'BAD_CODE', `医療機関コード ${code} の都道府県 ${code.slice(0, 2)} ≠ ${pref}`);
  const muni = r.市区町村コード || null;
  if (muni !== null) {
    if (!isValidMunicipalityCode(muni))
      throw new CsvFieldError('市区町村コード', 'BAD_CODE', `市区町村コードは検証番号つき6桁: "${muni}"`);
    if (muni.slice(0, 2) !== pref)
      throw new CsvFieldError('市区町村コード', 'BAD_CODE', `市区町村コード ${muni} が都道府県 ${pref} にありません`);
  }
  let beds: number | null = null;
  if (r.病床数) {
    if (!/^\d+$/.test(r.病床数)) throw new CsvFieldError('病床数', 'BAD_NUMBER', `病床数は整数: "${r.病床数}"`);
    beds = Number(r.病床数);
  }
  if (type === '病院' && (beds === null || beds < 20))
    throw new CsvFieldError('病床数', 'BAD_NUMBER', `病院は 20 床以上 (医療法第1条の5): "${r.病床数 ?? ''}"`);
  if ((type === '医科診療所' || type === '歯科診療所') && beds !== null && beds > 19)
    throw new CsvFieldError('病床数', 'BAD_NUMBER', `診療所の病床は 19 床以下 (医療法第1条の5): ${beds}`);
  if ((type === '薬局' || type === '健診機関' || type === '介護事業所') && beds)
    throw new CsvFieldError('病床数', 'BAD_NUMBER', `${type} に病床数は書きません: ${beds}`);
  const functions = (r.機能 ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const f of functions) {
    const ok = type === '介護事業所' ? Boolean(SERVICE_TYPES[f]) : FUNCTION_SET.has(f);
    if (!ok)
      throw new CsvFieldError(
        '機能',
        'BAD_CODE',
        type === '介護事業所'
          ? `介護事業所の機能はサービス種類コード (例 15;43): "${f}"`
          : `機能が不明: "${f}" (${FACILITY_FUNCTIONS.join('・')})`,
      );
  }
  return { line, code, name, type, prefectureCode: pref, municipalityCode: muni, beds, functions };
}

export function readFacilityList(path: string): AsyncGenerator<CsvEvent<FacilityRow>> {
  return readDocumentedCsv(path, FACILITY_LIST_HEADER, mapFacility);
}

export function facilityLine(f: FacilityInput): string {
  const fields = [
    f.code,
    f.name,
    f.type,
    f.prefectureCode,
    f.municipalityCode ?? '',
    f.beds === null ? '' : String(f.beds),
    f.functions.join(';'),
  ];
  const rec: Record<string, string> = {};
  FACILITY_LIST_HEADER.forEach((h, i) => {
    rec[h] = fields[i] ?? '';
  });
  try {
    mapFacility(rec, 0);
  } catch (err) {
    if (err instanceof CsvFieldError) throw new Error(`書き出せません / refusing to write: ${err.field}: ${err.message}`);
    throw err;
  }
  return csvLine(fields);
}

/** Whole-file text (exact header, CRLF). */
export function facilityListText(rows: FacilityInput[]): string {
  return `${[FACILITY_LIST_HEADER.join(','), ...rows.map(facilityLine)].join('\r\n')}\r\n`;
}

export async function writeFacilityList(
  path: string,
  rows: FacilityInput[],
  encoding: 'cp932' | 'utf8' = 'cp932',
): Promise<void> {
  const text = facilityListText(rows);
  await writeFile(path, encoding === 'cp932' ? iconv.encode(text, 'cp932') : text);
}
