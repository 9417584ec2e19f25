// Readers for the CSV files an insurer keeps in its own systems (documented in docs/formats/csv.md):
//   - 被保険者台帳 (member register): identity, 資格 period, employer, 本人/家族, municipality;
//   - 保険者マスタ (insurer list): number, name, type, 業態, prefecture.
// Files may be UTF-8 (with or without BOM) or Shift_JIS (CP932), as exported by 基幹システム.
// Parsing is csv-parse (RFC 4180); each record is validated and a bad row becomes a rejection with
// file, line and field, never an exception.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { InsurerType, Relation } from '../../model/canonical.js';
import { hasValidCheckDigit, normalizeInsurerNumber } from '../../util/check-digit.js';
import { parseJpDate } from '../../util/dates.js';
import type { Rejection } from '../uke/types.js';

export const MEMBER_REGISTER_HEADER = [
  '保険者番号',
  '記号',
  '番号',
  '枝番',
  '氏名',
  '氏名カナ',
  '性別',
  '生年月日',
  '本人家族区分',
  '資格取得日',
  '資格喪失日',
  '事業所番号',
  '事業所名称',
  '業態コード',
  '市区町村コード',
] as const;

export const INSURER_LIST_HEADER = ['保険者番号', '保険者名称', '保険者種別', '業態コード', '都道府県コード'] as const;

export interface RegisterRow {
  line: number;
  insurerNumber: string;
  kigo: string;
  bango: string;
  edaban: string;
  name: string;
  kanaName: string;
  sex: 1 | 2;
  birthDate: string;
  relation: Relation;
  startDate: string;
  /** Last covered day (資格喪失日 − 1), or null while enrolled. */
  endDate: string | null;
  employerId: string | null;
  employerName: string | null;
  industryCode: string | null;
  municipalityCode: string | null;
}

export interface InsurerRow {
  line: number;
  insurerNumber: string;
  name: string;
  insurerType: InsurerType;
  industryCode: string | null;
  prefectureCode: string | null;
}

const INSURER_TYPES: Record<string, InsurerType> = {
  協会けんぽ: 'kyokai',
  健保組合単一: 'kumiai_single',
  健保組合総合: 'kumiai_sogo',
  共済組合: 'kyosai',
  市町村国保: 'kokuho',
  国保組合: 'kokuho_kumiai',
  後期高齢者医療: 'koki',
  船員保険: 'senin',
};

export type CsvEvent<T> = { type: 'row'; row: T } | { type: 'rejection'; rejection: Rejection };

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sniffs the encoding: valid UTF-8 (BOM optional) → utf8, otherwise CP932. */
export async function sniffEncoding(path: string): Promise<'utf8' | 'cp932'> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
      return 'utf8';
    } catch {
      return 'cp932';
    }
  } finally {
    await fh.close();
  }
}

/** Reads the first line of a CSV (decoded) to detect which documented layout it has. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const enc = await sniffEncoding(path);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = iconv.decode(buf.subarray(0, bytesRead), enc).replace(/^\uFEFF/, '');
    return (text.split(/\r?\n/)[0] ?? '').split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
  } finally {
    await fh.close();
  }
}

async function* readCsv<T>(
  path: string,
  header: readonly string[],
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
        const missing = header.filter((h) => !(h in record));
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
        if (!(err instanceof FieldError)) throw err;
        yield {
          type: 'rejection',
          rejection: {
            file: path,
            line: info.lines,
            recordType: 'row',
            field: err.field,
            code: 'BAD_FIELD',
            reason: err.message,
          },
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

export function readMemberRegister(path: string): AsyncGenerator<CsvEvent<RegisterRow>> {
  return readCsv(path, MEMBER_REGISTER_HEADER, (r, line) => {
    const insurerNumber = insurer(r.保険者番号);
    const sex = r.性別;
    if (sex !== '1' && sex !== '2') throw new FieldError('性別', `性別は 1 または 2: "${sex}"`);
    const relation = r.本人家族区分;
    if (relation !== '本人' && relation !== '家族')
      throw new FieldError('本人家族区分', `本人家族区分は 本人 または 家族: "${relation}"`);
    const bango = r.番号 ?? '';
    if (!bango) throw new FieldError('番号', '被保険者番号がありません');
    const start = date(r.資格取得日, '資格取得日');
    const lost = r.資格喪失日 ? date(r.資格喪失日, '資格喪失日') : null;
    if (lost && lost <= start) throw new FieldError('資格喪失日', `資格喪失日 ${lost} が資格取得日 ${start} 以前です`);
    const muni = r.市区町村コード || null;
    if (muni && !/^\d{6}$/.test(muni)) throw new FieldError('市区町村コード', `市区町村コードは6桁: "${muni}"`);
    return {
      line,
      insurerNumber,
      kigo: r.記号 ?? '',
      bango,
      edaban: r.枝番 ?? '',
      name: r.氏名 ?? '',
      kanaName: r.氏名カナ ?? '',
      sex: sex === '1' ? 1 : 2,
      birthDate: date(r.生年月日, '生年月日'),
      relation,
      startDate: start,
      endDate: lost ? dayBefore(lost) : null,
      employerId: r.事業所番号 || null,
      employerName: r.事業所名称 || null,
      industryCode: r.業態コード || null,
      municipalityCode: muni,
    };
  });
}

export function readInsurerList(path: string): AsyncGenerator<CsvEvent<InsurerRow>> {
  return readCsv(path, INSURER_LIST_HEADER, (r, line) => {
    const type = INSURER_TYPES[r.保険者種別 ?? ''];
    if (!type)
      throw new FieldError('保険者種別', `保険者種別が不明: "${r.保険者種別}" (${Object.keys(INSURER_TYPES).join('/')})`);
    if (!r.保険者名称) throw new FieldError('保険者名称', '保険者名称がありません');
    return {
      line,
      insurerNumber: insurer(r.保険者番号),
      name: r.保険者名称,
      insurerType: type,
      industryCode: r.業態コード || null,
      prefectureCode: r.都道府県コード || null,
    };
  });
}

function insurer(raw: string | undefined): string {
  const n = normalizeInsurerNumber(raw ?? '');
  if (!/^\d{6}$|^\d{8}$/.test(n)) throw new FieldError('保険者番号', `保険者番号は6桁または8桁: "${raw ?? ''}"`);
  if (!hasValidCheckDigit(n)) throw new FieldError('保険者番号', `保険者番号の検証番号が不正: "${n}"`);
  return n;
}

function date(raw: string | undefined, field: string): string {
  const s = (raw ?? '').replace(/[-/]/g, '');
  const d = parseJpDate(s);
  if (!d || s.length < 7) throw new FieldError(field, `${field} が日付ではありません: "${raw ?? ''}"`);
  return d;
}

function dayBefore(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Drops a UTF-8 sequence cut at the end of a sniffing buffer so it does not look invalid. */
function trimPartialUtf8(b: Buffer): Buffer {
  const end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i] ?? 0;
    if ((c & 0xc0) === 0xc0) return b.subarray(0, end - i);
    if ((c & 0x80) === 0) break;
  }
  return b.subarray(0, end);
}
