// The public レセ電 code masters (支払基金 基本マスター / 診療報酬情報提供サービス): column layouts and a
// streaming reader for the full CSV files a user downloads (quoted, comma-separated, CP932, CRLF, no
// header; UTF-8 copies are accepted too). Column positions (0-based) from data-formats.md §2.2–2.9,
// checked on real rows (../shared/external/receiptisan/masters-2022) and, for the comment master,
// against receiptisan's master/treatment/comment.rb (its column 2 is 区分, the code is column 22).
// Files gain trailing columns with each 改定: read by index and tolerate extra columns.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { sniffEncoding } from '../formats/csv/register.js';
import type { Rejection } from '../formats/uke/types.js';

export type MasterKind = 'b' | 'z' | 's' | 'y' | 't' | 'c';

export const MASTER_LABEL_JA: Record<MasterKind, string> = {
  b: '傷病名マスター',
  z: '修飾語マスター',
  s: '医科診療行為マスター',
  y: '医薬品マスター',
  t: '特定器材マスター',
  c: 'コメントマスター',
};

/** Column of each master field; `minColumns` is the shortest row accepted. */
const LAYOUT = {
  b: {
    type: 'B',
    minColumns: 24,
    code: 2,
    name: 5,
    kana: 9,
    icd10a: 15,
    icd10b: 16,
    icd10OldA: 13,
    icd10OldB: 14,
    changed: 22,
    abolished: 23,
  },
  z: { type: 'Z', minColumns: 19, code: 2, name: 6, kana: 9, changed: 14, abolished: 15, category: 18 },
  s: { type: 'S', minColumns: 88, code: 2, name: 4, pointType: 10, points: 11, changed: 86, abolished: 87 },
  y: {
    type: 'Y',
    minColumns: 32,
    code: 2,
    name: 4,
    unit: 9,
    priceType: 10,
    price: 11,
    generic: 16,
    dosageForm: 27,
    changed: 29,
    abolished: 30,
    yakka: 31,
  },
  t: { type: 'T', minColumns: 30, code: 2, name: 4, unit: 9, priceType: 10, price: 11, changed: 27, abolished: 29 },
  c: { type: 'C', minColumns: 23, code: 22, name: 6, kana: 8, pattern: 3, changed: 20, abolished: 21 },
} as const;

export interface MasterRow {
  kind: MasterKind;
  line: number;
  /** 変更区分: 0 変更なし, 1 抹消, 3 新規, 5 変更, 9 廃止. */
  changeType: string;
  code: string;
  name: string;
  kana: string | null;
  /** ICD-10 (2013 columns first, older columns as fallback); 傷病名 only. */
  icd10: string | null;
  /** 点数 (s) or 金額 in yen (y, t). */
  value: number | null;
  unit: string | null;
  /** 後発品 (y). */
  isGeneric: boolean | null;
  /** 剤形 (y): 1 内用薬, 3 その他, 4 注射薬, 6 外用薬, 8 歯科用薬剤. */
  dosageForm: string | null;
  /** 薬価基準収載医薬品コード (y), 12 characters; its first 4 digits are the 薬効分類. */
  yakkaCode: string | null;
  /** 修飾語区分 (z) or コメントパターン (c). */
  category: string | null;
  changedOn: string | null;
  /** null while valid (廃止年月日 99999999). */
  abolishedOn: string | null;
}

export type MasterEvent = { type: 'row'; row: MasterRow } | { type: 'rejection'; rejection: Rejection };

const isoOrNull = (s: string | undefined) =>
  s && /^\d{8}$/.test(s) && s !== '99999999' && s !== '00000000' ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
const numOrNull = (s: string | undefined) => (s !== undefined && s !== '' && Number.isFinite(Number(s)) ? Number(s) : null);

/** Detects the master kind from the マスター種別 column of the first row. */
export async function detectMasterKind(path: string): Promise<MasterKind | null> {
  for await (const e of readRows(path, 1)) {
    const t = e.fields[1] ?? '';
    const kind = (Object.keys(LAYOUT) as MasterKind[]).find((k) => LAYOUT[k].type === t);
    return kind ?? null;
  }
  return null;
}

async function* readRows(path: string, limit = Number.POSITIVE_INFINITY): AsyncGenerator<{ fields: string[]; line: number }> {
  const enc = await sniffEncoding(path);
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(enc, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, skip_empty_lines: true, info: true, relax_quotes: true }));
  let n = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { fields: item.record, line: item.info.lines };
    if (++n >= limit) break;
  }
}

export async function* readMaster(path: string, kind: MasterKind): AsyncGenerator<MasterEvent> {
  const l = LAYOUT[kind];
  const reject = (line: number | null, field: string | null, code: string, reason: string): MasterEvent => ({
    type: 'rejection',
    rejection: { file: path, line, recordType: l.type, field, code, reason },
  });
  try {
    for await (const { fields: f, line } of readRows(path)) {
      if (f.length < l.minColumns) {
        yield reject(line, 'column_count', 'FIELD_COUNT', `列数 ${f.length} (必要 ${l.minColumns}) / too few columns`);
        continue;
      }
      if (f[1] !== l.type) {
        yield reject(line, 'マスター種別', 'WRONG_MASTER', `マスター種別 "${f[1]}" は ${l.type} ではありません`);
        continue;
      }
      const code = f[l.code] ?? '';
      const codeOk = kind === 'b' ? /^\d{7}$/.test(code) : kind === 'z' ? /^\d{4}$/.test(code) : /^\d{9}$/.test(code);
      if (!codeOk) {
        yield reject(line, 'コード', 'BAD_CODE', `コードが不正: "${code}"`);
        continue;
      }
      const get = (k: string) => {
        const i = (l as Record<string, number | string>)[k];
        return typeof i === 'number' ? f[i] : undefined;
      };
      yield {
        type: 'row',
        row: {
          kind,
          line,
          changeType: f[0] ?? '',
          code,
          name: get('name') ?? '',
          kana: get('kana') ?? null,
          icd10: get('icd10a') || get('icd10b') || get('icd10OldA') || get('icd10OldB') || null,
          value: numOrNull(get('points') ?? get('price')),
          unit: get('unit') || null,
          isGeneric: kind === 'y' ? get('generic') === '1' : null,
          dosageForm: get('dosageForm') || null,
          yakkaCode: get('yakka') || null,
          category: get('category') ?? get('pattern') ?? null,
          changedOn: isoOrNull(get('changed')),
          abolishedOn: isoOrNull(get('abolished')),
        },
      };
    }
  } catch (err) {
    yield reject(null, null, 'CSV_SYNTAX', `CSV として読めません / unreadable CSV: ${(err as Error).message}`);
  }
}
