// Record-level codec of UKE lines: field access by name, validation against the layouts, and
// serialisation back to CP932 bytes. Readers and writers both go through here.
import iconv from 'iconv-lite';
import { type FieldSpec, LAYOUTS, layoutKey, type ScoreTable } from './layouts.js';

/** One UKE record as it stands in the file: fields[0] is the record id; `table` selects the layout. */
export interface UkeRecord {
  line: number;
  fields: string[];
  table: ScoreTable;
}

export interface FieldIssue {
  field: string;
  code: string;
  reason: string;
}

const INDEX = new Map<string, Map<string, number>>();
/** The same indexes by table then layout key (no string building on the hot path). */
const INDEX_BY_TABLE: Record<string, Record<string, Map<string, number>>> = {};
for (const [table, layouts] of Object.entries(LAYOUTS)) {
  INDEX_BY_TABLE[table] = {};
  for (const [key, layout] of Object.entries(layouts)) {
    const m = new Map(layout.map((spec, i) => [spec.name, i + 1]));
    INDEX.set(`${table}:${key}`, m);
    (INDEX_BY_TABLE[table] as Record<string, Map<string, number>>)[key] = m;
  }
}

export function layoutOf(rec: UkeRecord): FieldSpec[] | undefined {
  const type = rec.fields[0] ?? '';
  return LAYOUTS[rec.table][layoutKey(rec.table, type, rec.fields.length)];
}

// Readers ask for many fields of the same record in a row: remember the last record's index.
let memoRec: UkeRecord | null = null;
let memoIdx: Map<string, number> | undefined;

function indexOf(rec: UkeRecord): Map<string, number> | undefined {
  if (rec === memoRec) return memoIdx;
  const type = rec.fields[0] ?? '';
  memoRec = rec;
  memoIdx = INDEX_BY_TABLE[rec.table]?.[layoutKey(rec.table, type, rec.fields.length)];
  return memoIdx;
}

/** Column of a named field in this record (for loops over repeated fields such as the 31 days). */
export function colOf(rec: UkeRecord, name: string): number {
  const i = indexOf(rec)?.get(name);
  if (i === undefined) throw new Error(`UKE layout ${rec.table}:${rec.fields[0]} has no field ${name}`);
  return i;
}

/** Value of a named field; throws when the record's layout has no such field (a programming error). */
export function get(rec: UkeRecord, name: string): string {
  const i = indexOf(rec)?.get(name);
  if (i === undefined) throw new Error(`UKE layout ${rec.table}:${rec.fields[0]} has no field ${name}`);
  return rec.fields[i] ?? '';
}

/** Value of a named field, or '' when this record's layout does not have it. */
export function opt(rec: UkeRecord, name: string): string {
  const i = indexOf(rec)?.get(name);
  return i === undefined ? '' : (rec.fields[i] ?? '');
}

/** Column of a named field in a layout (1-based; column 0 is the record id). */
export function fieldIndex(table: ScoreTable, key: string, name: string): number {
  const i = INDEX.get(`${table}:${key}`)?.get(name);
  if (i === undefined) throw new Error(`UKE layout ${table}:${key} has no field ${name}`);
  return i;
}

/** Builds a record of `type` from named values; unnamed fields stay empty, as the spec requires. */
export function makeRecord(
  type: string,
  values: Record<string, string | number | null | undefined>,
  table: ScoreTable = 'ika',
  key = type,
): string[] {
  const layout = LAYOUTS[table][key];
  const index = INDEX.get(`${table}:${key}`);
  if (!layout || !index) throw new Error(`unknown UKE record type ${table}:${key}`);
  const fields: string[] = new Array(layout.length + 1).fill('');
  fields[0] = type;
  for (const name in values) {
    const v = values[name];
    if (v === null || v === undefined) continue;
    const i = index.get(name);
    if (i === undefined) throw new Error(`UKE layout ${table}:${key} has no field ${name}`);
    fields[i] = typeof v === 'string' ? v : String(v);
  }
  return fields;
}

/** Byte length in Shift_JIS: ASCII and half-width katakana 1 byte, every other character 2. */
export function sjisByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
  }
  return n;
}

const FULL_WIDTH_ONLY = (s: string) => sjisByteLength(s) === 2 * s.length;
/** 英数 = JIS X 0201: ASCII and half-width katakana. */
const HALF_WIDTH_ONLY = (s: string) => /^[\x20-\x7e\uff61-\uff9f]*$/.test(s);

const DECIMAL = /^\d{1,8}(\.\d{1,5})?$/;
const SIGNED = /^-?\d+$/;

/** True when every character is an ASCII digit (faster than a regular expression on hot paths). */
function allDigits(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function checkField(spec: FieldSpec, v: string): FieldIssue | null {
  switch (spec.mode) {
    case 'N': {
      const ok = spec.decimal ? DECIMAL.test(v) : spec.signed ? SIGNED.test(v) : allDigits(v);
      if (!ok)
        return { field: spec.name, code: 'BAD_NUMBER', reason: `${spec.name} は数字でなければなりません: "${v.slice(0, 20)}"` };
      break;
    }
    case 'A':
      if (!HALF_WIDTH_ONLY(v))
        return {
          field: spec.name,
          code: 'BAD_MODE',
          reason: `${spec.name} は英数（半角）でなければなりません: "${v.slice(0, 20)}"`,
        };
      break;
    case 'K':
      if (!FULL_WIDTH_ONLY(v))
        return { field: spec.name, code: 'BAD_MODE', reason: `${spec.name} は漢字（全角）でなければなりません` };
      break;
    case 'X':
      if (!HALF_WIDTH_ONLY(v) && !FULL_WIDTH_ONLY(v)) {
        return { field: spec.name, code: 'MIXED_MODE', reason: `${spec.name} に半角と全角が混在しています` };
      }
      break;
    default:
      break;
  }
  return null;
}

const NO_ISSUES: FieldIssue[] = Object.freeze([]) as unknown as FieldIssue[];
const VALID = Object.freeze({ errors: NO_ISSUES, warnings: NO_ISSUES });
/** Detail records whose field count must match the layout exactly. */
const STRICT_COUNT = new Set(['SI', 'IY', 'TO', 'SS', 'CZ', 'SY']);

/**
 * Validates a record against its layout. Errors make the record unusable; warnings (byte length
 * beyond the 2013-era maximum) are reported but do not reject it.
 */
export function validateRecord(rec: UkeRecord): { errors: FieldIssue[]; warnings: FieldIssue[] } {
  const layout = layoutOf(rec);
  if (!layout) return VALID;
  const fields = rec.fields;
  if (fields.length < layout.length + 1 || (fields.length > layout.length + 1 && STRICT_COUNT.has(fields[0] as string))) {
    // Too many fields in a detail record is as fatal as too few: every later field (点数, 回数, the 31
    // day counts) would be read one place off. Header and insurance records keep the lenient rule: some
    // carry trailing fields the layouts here do not list (DPC HO ⚠️).
    const reason =
      fields.length < layout.length + 1
        ? `項目数 ${fields.length} (必要 ${layout.length + 1}) / too few fields`
        : `項目数 ${fields.length} (規定 ${layout.length + 1}) / too many fields`;
    return { errors: [{ field: 'field_count', code: 'FIELD_COUNT', reason }], warnings: NO_ISSUES };
  }
  let errors = NO_ISSUES;
  let warnings = NO_ISSUES;
  for (let i = 0; i < layout.length; i++) {
    const v = fields[i + 1] as string;
    if (v === '') continue;
    const spec = layout[i] as FieldSpec;
    const issue = checkField(spec, v);
    if (issue) {
      if (errors === NO_ISSUES) errors = [];
      errors.push(issue);
      continue;
    }
    if (spec.bytes === undefined) continue;
    if (spec.fixed && spec.mode === 'N') {
      if (v.length !== spec.bytes) {
        if (errors === NO_ISSUES) errors = [];
        errors.push({ field: spec.name, code: 'BAD_LENGTH', reason: `${spec.name} は ${spec.bytes} 桁固定: "${v}"` });
      }
    } else if (v.length * 2 > spec.bytes) {
      // Only strings that could exceed the maximum need their Shift_JIS length computed.
      const len = sjisByteLength(v);
      if (len > spec.bytes) {
        if (warnings === NO_ISSUES) warnings = [];
        warnings.push({
          field: spec.name,
          code: 'TOO_LONG',
          reason: `${spec.name} が最大 ${spec.bytes} バイトを超えています (${len})`,
        });
      }
    }
  }
  return errors === NO_ISSUES && warnings === NO_ISSUES ? VALID : { errors, warnings };
}

/** Serialises records to a UKE byte stream: CP932, CRLF, optional trailing EOF mark 0x1A. */
export function encodeLines(records: string[][], opts: { eofMark?: boolean } = {}): Buffer {
  let text = '';
  for (const r of records) text += `${r.join(',')}\r\n`;
  return encodeText(text, opts);
}

/** Encodes UKE text (lines already joined with CRLF) to CP932 bytes. */
export function encodeText(text: string, opts: { eofMark?: boolean } = {}): Buffer {
  // ASCII runs (most of a file) are copied byte for byte; only runs of Japanese text (names,
  // 医療機関名称, comments) go through the CP932 encoder. Same bytes, a fraction of the work.
  const parts: Buffer[] = [];
  const runs = text.split(NON_ASCII_RUN);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as string;
    if (run) parts.push(i % 2 === 0 ? Buffer.from(run, 'latin1') : iconv.encode(run, 'cp932'));
  }
  if (opts.eofMark) parts.push(Buffer.from([0x1a]));
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

/** Runs of characters outside ASCII (captured, so split() alternates ASCII and non-ASCII runs). */
const NON_ASCII_RUN = /([^\x00-\x7f]+)/;

/** True when the text survives CP932 encoding (no character outside Shift_JIS + vendor extensions). */
export function isCp932Encodable(s: string): boolean {
  return iconv.decode(iconv.encode(s, 'cp932'), 'cp932') === s;
}
