// Data-quality defects on request: post-processes a generated synthetic directory in place with the
// record-level defects an insurer meets in real deliveries (docs/synth-defects.md), and writes a
// ledger `_meta/defects.csv` that predicts what ingest should do with each one.
//
// - Claims (RECEIPTC_*.UKE 医科, RECEIPTY_*.CYO 調剤): duplicated and re-submitted claims, a missing
//   傷病名, unknown codes, malformed lines (truncated, a field short or extra, non-numeric points, a UTF-8
//   line in a CP932 file), and a whole file delivered again under a new name.
// - Member register: empty 性別 / 生年月日, 資格喪失日 before 資格取得日, a wrong 保険者番号 check digit.
// - 特定健診 packages: a document missing one optional (questionnaire / 詳細健診) value.
//
// Every file stays valid as a file (GO totals recomputed from the claims the sender meant to bill), so
// all defects are record-level. Defects never touch the same claim twice, and the claim before a claim
// with a broken RE line is left clean, so each defect's outcome can be predicted on its own.
// Deterministic: the same directory, rate and seed give the same bytes.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { fieldIndex, get, opt, type UkeRecord } from '../formats/uke/codec.js';
import { type ScoreTable, tableOfHead } from '../formats/uke/layouts.js';
import { claimKindOf } from '../formats/uke/reader.js';
import { CHECKUP_ITEMS } from '../terminology/checkup-items.js';
import { SHIPPED_MASTER_DIR } from '../terminology/import.js';
import { readMaster } from '../terminology/masters.js';
import { hasValidCheckDigit, normalizeInsurerNumber } from '../util/check-digit.js';
import { Rng, streamSeed } from './rng.js';

export type DefectKind =
  | 'duplicate_claim'
  | 'duplicate_file'
  | 'resubmitted_claim'
  | 'missing_diagnosis'
  | 'missing_register_sex'
  | 'missing_register_birth'
  | 'missing_checkup_value'
  | 'unknown_code'
  | 'truncated_record'
  | 'field_count_short'
  | 'field_count_extra'
  | 'non_numeric_points'
  | 'mojibake_line'
  | 'loss_before_acquisition'
  | 'bad_insurer_check_digit';

/**
 * What ingest should do:
 * - keep_one: the claim is loaded once (the copy in the later file replaces the earlier one);
 * - skip_file: one of the two identical files is loaded, the other skipped (same SHA-256);
 * - keep_later: the re-submitted version (later 請求月 file, changed points) replaces the first;
 * - load_without_diagnosis: the claim is loaded with no 傷病名 rows;
 * - load_null: the checkup is loaded with `column` empty;
 * - unknown_code: the claim is loaded, its points unchanged, and `code` is listed in unknown_code;
 * - quarantine: the rows in `quarantine` are written and the claim / register row is not loaded.
 */
export type DefectOutcome =
  | 'keep_one'
  | 'skip_file'
  | 'keep_later'
  | 'load_without_diagnosis'
  | 'load_null'
  | 'unknown_code'
  | 'quarantine';

export interface ExpectedQuarantine {
  line: number;
  /** Record type as ingest reports it (RE, SI, CZ, row). */
  record: string;
  field: string | null;
  code: string;
}

export interface DefectEntry {
  kind: DefectKind;
  /** File name inside the directory. */
  file: string;
  /** Line of the defective record (RE line for claim-level defects); null for ZIP entries and whole files. */
  line: number | null;
  /** ZIP entry name of a checkup document. */
  entry: string | null;
  /** First and last line of the claim concerned, in `file`. */
  claimLines: [number, number] | null;
  outcome: DefectOutcome;
  /** Quarantine rows ingest should write for this defect (all in `file`). */
  quarantine: ExpectedQuarantine[];
  /** The other copy: the original claim of a duplicate or re-submission, the original of a re-delivered file. */
  related: { file: string; line: number | null } | null;
  /** 医保 合計点数 of the claim: original and (re-submissions) new. */
  points: { before: number; after: number } | null;
  /** Unknown code written (master kind b 傷病名, s 診療行為, y 医薬品) and the code it replaced. */
  code: { kind: 'b' | 's' | 'y'; code: string; replaced: string } | null;
  /** Checkup column left empty, or register field made invalid. */
  column: string | null;
  detail: string;
  expected: string;
}

export interface DefectLedger {
  seed: number;
  rate: number;
  /** Sizes the rate applies to. */
  pools: {
    /** Claims (RE blocks) in the claim files (歯科 counted, never a target). */
    claims: number;
    /** Distinct natural keys among them (facility, person, 診療年月, kind): what ingest can hold. */
    claimKeys: number;
    claimFiles: number;
    registerRows: number;
    checkups: number;
  };
  counts: Record<DefectKind, number>;
  entries: DefectEntry[];
}

/** Share of each family's defects by kind (claims, register rows, checkup documents). */
const CLAIM_SHARES = {
  resubmitted_claim: 0.14,
  missing_diagnosis: 0.1,
  duplicate_claim: 0.14,
  unknown_code: 0.18,
  mojibake_line: 0.1,
  truncated_record: 0.08,
  field_count_short: 0.08,
  field_count_extra: 0.08,
  non_numeric_points: 0.1,
} as const satisfies Partial<Record<DefectKind, number>>;
const REGISTER_SHARES = {
  missing_register_sex: 0.2,
  missing_register_birth: 0.2,
  loss_before_acquisition: 0.3,
  bad_insurer_check_digit: 0.3,
} as const satisfies Partial<Record<DefectKind, number>>;

/** Stream keys (one RNG stream per purpose, so adding a kind does not reshuffle the others). */
const KIND_ID: Record<DefectKind, number> = {
  duplicate_claim: 1,
  duplicate_file: 2,
  resubmitted_claim: 3,
  missing_diagnosis: 4,
  missing_register_sex: 5,
  missing_register_birth: 6,
  missing_checkup_value: 7,
  unknown_code: 8,
  truncated_record: 9,
  field_count_short: 10,
  field_count_extra: 11,
  non_numeric_points: 12,
  mojibake_line: 13,
  loss_before_acquisition: 14,
  bad_insurer_check_digit: 15,
};

/** 特定健診 items a document may lack without being invalid: questionnaire answers and 詳細な健診. */
const OPTIONAL_CHECKUP_COLUMNS = [
  'hist_stroke',
  'hist_heart',
  'hist_kidney',
  'anemia',
  'weight_gain_20',
  'exercise_30min',
  'walking_1h',
  'walking_fast',
  'chewing',
  'eating_speed',
  'late_dinner',
  'snacking',
  'skip_breakfast',
  'drinking_freq',
  'drinking_amount',
  'sleep_ok',
  'improvement_intent',
  'guidance_experience',
  'creatinine',
  'egfr',
  'hemoglobin',
];

const CRLF = Buffer.from('\r\n');

// ---- UKE files as lines and claim blocks --------------------------------------------------------

interface Line {
  raw: Buffer;
  text: string;
}

interface UkeParsed {
  table: ScoreTable;
  facility: string;
  billing: string;
  /** Lines before the first RE (IR / YK). */
  head: Line[];
  /** Claims: each RE and the records up to the next RE or GO (歯科: including the next claim's IR, so
   * 歯科 claims are counted but never edited). */
  claims: Line[][];
  /** GO and anything after it. */
  tail: Line[];
}

const line = (text: string): Line => ({ text, raw: iconv.encode(text, 'cp932') });
const rec = (l: Line, table: ScoreTable): UkeRecord => ({ line: 0, fields: l.text.split(','), table });
const idOf = (l: Line) => l.text.slice(0, l.text.indexOf(','));

function parseUke(buf: Buffer): UkeParsed | null {
  const lines: Line[] = [];
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end === -1) end = buf.length;
    let stop = end;
    if (stop > start && buf[stop - 1] === 0x0d) stop--;
    const raw = buf.subarray(start, stop);
    lines.push({ raw, text: iconv.decode(raw, 'cp932') });
    start = end + 1;
  }
  const headLine = lines[0];
  if (!headLine) return null;
  const headFields = headLine.text.split(',');
  const table = tableOfHead(headFields);
  const h = rec(headLine, table);
  const facility = `${get(h, '都道府県')}${get(h, '点数表')}${opt(h, '医療機関コード') || opt(h, '薬局コード')}`;
  const b = get(h, '請求年月');
  const p: UkeParsed = { table, facility, billing: `${b.slice(0, 4)}-${b.slice(4, 6)}`, head: [], claims: [], tail: [] };
  let i = 0;
  for (; i < lines.length && idOf(lines[i] as Line) !== 'RE'; i++) p.head.push(lines[i] as Line);
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    const id = idOf(l);
    if (id === 'GO') break;
    if (id === 'RE') p.claims.push([l]);
    else p.claims[p.claims.length - 1]?.push(l);
  }
  for (; i < lines.length; i++) p.tail.push(lines[i] as Line);
  return p;
}

function serializeUke(p: UkeParsed): Buffer {
  const parts: Buffer[] = [];
  for (const l of [...p.head, ...p.claims.flat(), ...p.tail]) parts.push(l.raw, CRLF);
  return Buffer.concat(parts);
}

/** The detail record a malformed-line defect hits: 医科 SI with 点数, 調剤 CZ with 薬剤料点数. */
const DETAIL = { ika: { id: 'SI', points: '点数' }, chozai: { id: 'CZ', points: '薬剤料点数' } } as const;

function detailOffsets(block: Line[], table: ScoreTable): number[] {
  if (table === 'shika') return [];
  const d = DETAIL[table];
  const out: number[] = [];
  block.forEach((l, i) => {
    if (idOf(l) === d.id && get(rec(l, table), d.points) !== '') out.push(i);
  });
  return out;
}

function offsetsOf(block: Line[], id: string): number[] {
  const out: number[] = [];
  block.forEach((l, i) => {
    if (idOf(l) === id) out.push(i);
  });
  return out;
}

/** 件数 and 合計点数 a claim adds to GO: HO and KO each one 件; points of the main payer. */
function claimTotals(block: Line[], table: ScoreTable): { count: number; points: number } {
  let count = 0;
  let points: number | null = null;
  for (const l of block) {
    const id = idOf(l);
    if (id !== 'HO' && id !== 'KO') continue;
    count++;
    if (id === 'HO' || points === null) points = Number(get(rec(l, table), '合計点数') || 0);
  }
  return { count, points: points ?? 0 };
}

/** The last SI line of a 医科 claim when it is a whole 算定単位 on its own (removable by a re-submission). */
function removableUnit(block: Line[], table: ScoreTable): number | null {
  if (table !== 'ika') return null;
  const si = offsetsOf(block, 'SI');
  const last = si[si.length - 1];
  const prev = si[si.length - 2];
  if (last === undefined || prev === undefined) return null;
  const pts = (o: number) => get(rec(block[o] as Line, table), '点数');
  return pts(last) !== '' && pts(prev) !== '' ? last : null;
}

/**
 * Natural key of a claim as ingest builds it: facility, person (カナ氏名・生年月日・性別), 診療年月, kind,
 * 被保険者証 (保険者番号・記号・番号), 入院年月日 and, for 調剤, the prescribing facility (RE 医療機関コード).
 */
function naturalKey(p: UkeParsed, block: Line[]): string {
  const re = rec(block[0] as Line, p.table);
  const dpc = block.some((l) => idOf(l) === 'BU');
  const ho = block.find((l) => idOf(l) === 'HO');
  return [
    p.facility,
    get(re, 'カタカナ（氏名）').replace(/[\s　]/g, ''),
    get(re, '生年月日'),
    get(re, '男女区分'),
    opt(re, '診療年月') || opt(re, '調剤年月'),
    claimKindOf(get(re, 'レセプト種別'), dpc),
    ho ? get(rec(ho, p.table), '保険者番号').trim() : '',
    ho ? opt(rec(ho, p.table), '被保険者証等の記号') : '',
    ho ? opt(rec(ho, p.table), '被保険者証等の番号') : '',
    opt(re, '入院年月日'),
    opt(re, '医療機関コード'),
  ].join('|');
}

interface ClaimInfo {
  file: number;
  block: number;
  table: ScoreTable;
  startLine: number;
  count: number;
  points: number;
  details: number;
  sy: number;
  si: number;
  iy: number;
  resubmittable: boolean;
  reNonAscii: boolean;
  /** Another claim has the same natural key (facility, person, month, kind): never a target. */
  shared: boolean;
}

interface ClaimFileInfo {
  name: string;
  table: ScoreTable;
  facility: string;
  billing: string;
  claims: number;
  first: number;
  /** Files of the same facility with a later 請求月, nearest first. */
  later: number[];
}

// ---- small helpers ------------------------------------------------------------------------------

/** Draws up to n items of pool (partial Fisher–Yates), accepting only those `accept` allows. */
function take(rng: Rng, pool: number[], n: number, accept: (i: number) => boolean = () => true): number[] {
  const a = [...pool];
  const out: number[] = [];
  for (let k = 0; k < a.length && out.length < n; k++) {
    const j = k + rng.int(a.length - k);
    const t = a[k] as number;
    a[k] = a[j] as number;
    a[j] = t;
    if (accept(a[k] as number)) out.push(a[k] as number);
  }
  return out.sort((x, y) => x - y);
}

function howMany(rate: number, base: number, share: number, pool: number): number {
  if (rate <= 0 || pool === 0) return 0;
  return Math.min(pool, Math.max(1, Math.round(rate * base * share)));
}

const digits = (r: Rng, n: number) => Array.from({ length: n }, () => String(r.int(10))).join('');

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function shippedCodes(): Promise<Record<'b' | 's' | 'y', Set<string>>> {
  const out = { b: new Set<string>(), s: new Set<string>(), y: new Set<string>() };
  for (const kind of ['b', 's', 'y'] as const) {
    for await (const e of readMaster(join(SHIPPED_MASTER_DIR, `${kind}_subset.csv`), kind))
      if (e.type === 'row') out[kind].add(e.row.code);
  }
  return out;
}

/** A plausible code of the kind that no shipped master row has (9 digits 診療行為 1…/医薬品 6…, 7 digits 傷病名). */
function unknownCode(kind: 'b' | 's' | 'y', r: Rng, known: Set<string>): string {
  for (;;) {
    const c =
      kind === 's'
        ? `1${1 + r.int(9)}${digits(r, 7)}`
        : kind === 'y'
          ? `6${1 + r.int(9)}${digits(r, 7)}`
          : `${1 + r.int(8)}${digits(r, 6)}`;
    if (!known.has(c)) {
      known.add(c);
      return c;
    }
  }
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// ---- ZIP (特定健診 packages) -------------------------------------------------------------------------

interface ZipItem {
  name: string;
  mtime: Date;
  compress: boolean;
  data: Buffer | null;
}

function readZip(path: string, withData: boolean): Promise<ZipItem[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${path}`));
      const items: ZipItem[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(items));
      zip.on('entry', (e: yauzl.Entry) => {
        const item: ZipItem = { name: e.fileName, mtime: e.getLastModDate(), compress: e.compressionMethod === 8, data: null };
        items.push(item);
        if (!withData) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2 ?? new Error(`cannot read ${e.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            item.data = Buffer.concat(chunks);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function writeZip(items: ZipItem[]): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const it of items) z.addBuffer(it.data ?? Buffer.alloc(0), it.name, { mtime: it.mtime, compress: it.compress });
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('error', reject);
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const isCheckupData = (name: string) => /(^|\/)DATA\/h[^/]*\.xml$/i.test(name);

// ---- the injector -----------------------------------------------------------------------------------

interface Draft {
  kind: DefectKind;
  claim: number;
  /** Destination file of a copied claim (duplicate, re-submission). */
  copy?: { file: number };
  offset: number | null;
  quarantine: { offset: number; record: string; field: string | null; code: string }[];
  outcome: DefectOutcome;
  points: DefectEntry['points'];
  code: DefectEntry['code'];
  detail: string;
  expected: string;
}

/**
 * Injects record-level defects into a directory written by writeSynthPopulation, in place, at `rate`
 * defects per claim (and per register row, checkup document and claim file), and writes the ledger
 * `_meta/defects.csv`. Run it once per generated directory.
 */
export async function injectDefects(dir: string, opts: { rate: number; seed: number }): Promise<DefectLedger> {
  const { rate, seed } = opts;
  if (!(rate >= 0 && rate <= 0.3)) throw new RangeError(`rate は 0〜0.3 / rate must be within [0, 0.3]: ${rate}`);
  const ledgerPath = join(dir, '_meta', 'defects.csv');
  const previous = await readFile(ledgerPath, 'utf8').catch(() => '');
  if (previous.split('\n').filter((l) => l.trim()).length > 1)
    throw new Error(`欠陥は注入済みです / defects already injected: ${ledgerPath}`);

  const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && !n.startsWith('_')).sort();
  const counts = Object.fromEntries(Object.keys(KIND_ID).map((k) => [k, 0])) as Record<DefectKind, number>;
  const entries: DefectEntry[] = [];

  // ---- claims: scan ----
  const files: ClaimFileInfo[] = [];
  const claims: ClaimInfo[] = [];
  const keys: string[] = [];
  const keyCount = new Map<string, number>();
  for (const name of names.filter((n) => /\.(UKE|CYO)$/i.test(n))) {
    const p = parseUke(await readFile(join(dir, name)));
    if (!p) continue;
    const fileIdx = files.length;
    files.push({
      name,
      table: p.table,
      facility: p.facility,
      billing: p.billing,
      claims: p.claims.length,
      first: claims.length,
      later: [],
    });
    let lineNo = p.head.length + 1;
    p.claims.forEach((block, b) => {
      const t = claimTotals(block, p.table);
      const key = naturalKey(p, block);
      keys.push(key);
      keyCount.set(key, (keyCount.get(key) ?? 0) + 1);
      claims.push({
        file: fileIdx,
        block: b,
        table: p.table,
        startLine: lineNo,
        count: t.count,
        points: t.points,
        details: detailOffsets(block, p.table).length,
        sy: offsetsOf(block, 'SY').length,
        si: offsetsOf(block, 'SI').length,
        iy: offsetsOf(block, 'IY').length,
        resubmittable: removableUnit(block, p.table) !== null,
        // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
        reNonAscii: /[^\x00-\x7f]/.test((block[0] as Line).text),
        shared: false,
      });
      lineNo += block.length;
    });
  }
  claims.forEach((c, i) => {
    c.shared = (keyCount.get(keys[i] as string) ?? 0) > 1;
  });
  for (const f of files) {
    f.later = files
      .map((g, i) => ({ g, i }))
      .filter(({ g }) => g.facility === f.facility && g.billing > f.billing)
      .sort((a, b) => a.g.billing.localeCompare(b.g.billing))
      .map(({ i }) => i);
  }

  // ---- claims: choose targets (one defect per claim) ----
  const rng = new Rng(streamSeed(seed, 0xdefec7));
  const used = new Uint8Array(claims.length);
  const drafts: Draft[] = [];
  const edits = new Map<number, Map<number, Draft>>();
  const copies = new Map<number, Draft[]>();
  const choose = (kind: keyof typeof CLAIM_SHARES, ok: (c: ClaimInfo) => boolean, accept?: (i: number) => boolean) => {
    const pool: number[] = [];
    claims.forEach((c, i) => {
      if (!used[i] && !c.shared && c.table !== 'shika' && ok(c)) pool.push(i);
    });
    const picked = take(rng, pool, howMany(rate, claims.length, CLAIM_SHARES[kind], pool.length), (i) => {
      if (used[i] || (accept && !accept(i))) return false;
      used[i] = 1;
      return true;
    });
    return picked;
  };
  const hasLater = (c: ClaimInfo) => (files[c.file] as ClaimFileInfo).later.length > 0;
  const addEdit = (d: Draft) => {
    const c = claims[d.claim] as ClaimInfo;
    const m = edits.get(c.file) ?? new Map<number, Draft>();
    m.set(c.block, d);
    edits.set(c.file, m);
    drafts.push(d);
  };
  const addCopy = (d: Draft) => {
    const c = claims[d.claim] as ClaimInfo;
    const r = new Rng(streamSeed(seed, KIND_ID[d.kind], d.claim, 1));
    const later = (files[c.file] as ClaimFileInfo).later.slice(0, 3);
    const dest = later[r.int(later.length)] as number;
    const list = copies.get(dest) ?? [];
    d.copy = { file: dest };
    list.push(d);
    copies.set(dest, list);
    drafts.push(d);
  };
  const blank = (kind: DefectKind, claim: number, outcome: DefectOutcome): Draft => ({
    kind,
    claim,
    offset: null,
    quarantine: [],
    outcome,
    points: null,
    code: null,
    detail: '',
    expected: '',
  });

  for (const i of choose('resubmitted_claim', (c) => c.resubmittable && hasLater(c)))
    addCopy(blank('resubmitted_claim', i, 'keep_later'));
  for (const i of choose('missing_diagnosis', (c) => c.table === 'ika' && c.sy > 0))
    addEdit(blank('missing_diagnosis', i, 'load_without_diagnosis'));
  for (const i of choose('duplicate_claim', hasLater)) addCopy(blank('duplicate_claim', i, 'keep_one'));
  for (const i of choose('unknown_code', (c) => c.si + c.sy + c.iy > 0)) addEdit(blank('unknown_code', i, 'unknown_code'));
  // A broken RE line: keep the claim before it clean (how a reader recovers must not touch other defects).
  const reservePredecessor = (i: number) => {
    if ((claims[i] as ClaimInfo).block === 0) return true;
    if (used[i - 1]) return false;
    used[i - 1] = 1;
    return true;
  };
  for (const i of choose('mojibake_line', (c) => c.reNonAscii, reservePredecessor))
    addEdit(blank('mojibake_line', i, 'quarantine'));
  for (const kind of ['truncated_record', 'field_count_short', 'field_count_extra', 'non_numeric_points'] as const)
    for (const i of choose(kind, (c) => c.details > 0)) addEdit(blank(kind, i, 'quarantine'));

  // ---- claims: rewrite ----
  const known = await shippedCodes();
  // Blocks copied into later files, taken from their (unchanged) source files.
  const sources = new Map<number, Draft[]>();
  for (const list of copies.values())
    for (const d of list) {
      const f = (claims[d.claim] as ClaimInfo).file;
      sources.set(f, [...(sources.get(f) ?? []), d]);
    }
  const copyBlocks = new Map<Draft, Line[]>();
  for (const [f, list] of [...sources].sort(([a], [b]) => a - b)) {
    const p = parseUke(await readFile(join(dir, (files[f] as ClaimFileInfo).name))) as UkeParsed;
    for (const d of list) {
      const c = claims[d.claim] as ClaimInfo;
      let block = [...(p.claims[c.block] as Line[])];
      if (d.kind === 'resubmitted_claim') {
        const o = removableUnit(block, c.table) as number;
        const si = rec(block[o] as Line, c.table);
        const removed = Number(get(si, '点数')) * Number(get(si, '回数') || 1);
        const after = c.points - removed;
        block = block
          .filter((_, k) => k !== o)
          .map((l) => {
            if (idOf(l) !== 'HO') return l;
            const fields = l.text.split(',');
            fields[fieldIndex(c.table, 'HO', '合計点数')] = String(after);
            return line(fields.join(','));
          });
        d.points = { before: c.points, after };
        d.detail = `返戻後の再請求: 診療行為 ${get(si, '診療行為コード')} (${removed} 点) を削除し 合計点数 ${c.points} → ${after} / re-submitted without one unit`;
        d.expected = `後の請求月の版 (${after} 点) だけが残る / only the later version is kept (${after} points)`;
      } else {
        d.points = { before: c.points, after: c.points };
        d.detail = '同じレセプトを別の請求月ファイルに重複して送付 / the same claim delivered again in another file';
        d.expected = 'レセプトは 1 件だけ（後のファイルの版） / one claim kept';
      }
      copyBlocks.set(d, block);
    }
  }

  const finalStart = new Map<string, number>();
  const copyStart = new Map<Draft, number>();
  const touched = [...new Set([...edits.keys(), ...copies.keys()])].sort((a, b) => a - b);
  for (const f of touched) {
    const info = files[f] as ClaimFileInfo;
    const path = join(dir, info.name);
    const p = parseUke(await readFile(path)) as UkeParsed;
    const t = p.table;
    let count = 0;
    let points = 0;
    p.claims = p.claims.map((block, b) => {
      const c = claims[info.first + b] as ClaimInfo;
      count += c.count;
      points += c.points;
      const d = edits.get(f)?.get(b);
      if (d) d.points ??= { before: c.points, after: c.points };
      return d ? editClaim(d, block, t, new Rng(streamSeed(seed, KIND_ID[d.kind], d.claim)), known) : block;
    });
    const appended = copies.get(f) ?? [];
    const reNo = fieldIndex(t, 'RE', 'レセプト番号');
    for (const d of appended) {
      const src = copyBlocks.get(d) as Line[];
      const fields = (src[0] as Line).text.split(',');
      fields[reNo] = String(p.claims.length + 1);
      const block = [line(fields.join(',')), ...src.slice(1)];
      const tot = claimTotals(block, t);
      count += tot.count;
      points += tot.points;
      p.claims.push(block);
    }
    // GO: the totals of every claim the sender meant to bill (a malformed record does not change them).
    p.tail = p.tail.map((l) => {
      if (idOf(l) !== 'GO') return l;
      const fields = l.text.split(',');
      fields[fieldIndex(t, 'GO', '総件数')] = String(count);
      fields[fieldIndex(t, 'GO', '総合計点数')] = String(points);
      return line(fields.join(','));
    });
    let lineNo = p.head.length + 1;
    p.claims.forEach((block, b) => {
      if (b < info.claims) finalStart.set(`${f}:${b}`, lineNo);
      else copyStart.set(appended[b - info.claims] as Draft, lineNo);
      lineNo += block.length;
    });
    await writeFile(path, serializeUke(p));
    for (const [b, d] of edits.get(f) ?? []) {
      const block = p.claims[b] as Line[];
      const start = finalStart.get(`${f}:${b}`) as number;
      entries.push(toEntry(d, info.name, start, block.length, null));
    }
  }
  const startOf = (i: number) => {
    const c = claims[i] as ClaimInfo;
    return finalStart.get(`${c.file}:${c.block}`) ?? c.startLine;
  };
  for (const d of drafts) {
    if (!d.copy) continue;
    const c = claims[d.claim] as ClaimInfo;
    const block = copyBlocks.get(d) as Line[];
    entries.push(
      toEntry(d, (files[d.copy.file] as ClaimFileInfo).name, copyStart.get(d) as number, block.length, {
        file: (files[c.file] as ClaimFileInfo).name,
        line: startOf(d.claim),
      }),
    );
  }

  // ---- whole claim files delivered again under a new name ----
  const touchedSet = new Set(touched);
  const untouched = files.map((_, i) => i).filter((i) => !touchedSet.has(i));
  const rf = new Rng(streamSeed(seed, KIND_ID.duplicate_file));
  for (const i of take(rf, untouched, howMany(rate, files.length, 1, untouched.length))) {
    const name = (files[i] as ClaimFileInfo).name;
    const copy = name.replace(/\.(UKE|CYO)$/i, '_resend.$1');
    await writeFile(join(dir, copy), await readFile(join(dir, name)));
    entries.push({
      kind: 'duplicate_file',
      file: copy,
      line: null,
      entry: null,
      claimLines: null,
      outcome: 'skip_file',
      quarantine: [],
      related: { file: name, line: null },
      points: null,
      code: null,
      column: null,
      detail: `${name} と同一内容のファイルを別名で再送 / the same file delivered again under a new name`,
      expected: '2 つのうち 1 つだけ取り込み、もう 1 つはスキップ（同一 SHA-256） / one loaded, the other skipped (same hash)',
    });
  }

  // ---- member register ----
  let registerRows = 0;
  if (names.includes('member_register.csv')) {
    const path = join(dir, 'member_register.csv');
    const text = iconv.decode(await readFile(path), 'cp932');
    const rows = text.split('\r\n');
    const eligible: number[] = [];
    rows.forEach((r, i) => {
      if (i > 0 && r !== '') {
        registerRows++;
        if (!r.includes('"') && r.split(',').length === 15) eligible.push(i);
      }
    });
    const rr = new Rng(streamSeed(seed, 0x5e6));
    const usedRows = new Set<number>();
    let changed = false;
    for (const [kind, share] of Object.entries(REGISTER_SHARES) as [keyof typeof REGISTER_SHARES, number][]) {
      const pool = eligible.filter((i) => !usedRows.has(i));
      for (const i of take(rr, pool, howMany(rate, registerRows, share, pool.length))) {
        usedRows.add(i);
        const r = new Rng(streamSeed(seed, KIND_ID[kind], i));
        const f = (rows[i] as string).split(',');
        let field: string;
        let detail: string;
        if (kind === 'missing_register_sex') {
          field = '性別';
          f[6] = '';
          detail = '性別が空欄 / 性別 empty';
        } else if (kind === 'missing_register_birth') {
          field = '生年月日';
          f[7] = '';
          detail = '生年月日が空欄 / 生年月日 empty';
        } else if (kind === 'loss_before_acquisition') {
          field = '資格喪失日';
          const lost = addDaysIso(f[9] as string, -(1 + r.int(365)));
          detail = `資格喪失日 ${lost} が資格取得日 ${f[9]} より前 / loss date before acquisition date`;
          f[10] = lost;
        } else {
          field = '保険者番号';
          const n = f[0] as string;
          let bad = n;
          while (hasValidCheckDigit(normalizeInsurerNumber(bad)))
            bad = `${n.slice(0, -1)}${(Number(n.slice(-1)) + 1 + r.int(9)) % 10}`;
          detail = `保険者番号 ${n} の検証番号を誤記 → ${bad} / wrong check digit`;
          f[0] = bad;
        }
        rows[i] = f.join(',');
        changed = true;
        entries.push({
          kind,
          file: 'member_register.csv',
          line: i + 1,
          entry: null,
          claimLines: null,
          outcome: 'quarantine',
          quarantine: [{ line: i + 1, record: 'row', field, code: 'BAD_FIELD' }],
          related: null,
          points: null,
          code: null,
          column: field,
          detail,
          expected: `この行を隔離 (BAD_FIELD ${field})、他の行は取り込む / row quarantined`,
        });
      }
    }
    if (changed) await writeFile(path, iconv.encode(rows.join('\r\n'), 'cp932'));
  }

  // ---- 特定健診 packages ----
  const zips = names.filter((n) => /^kenshin_.*\.zip$/i.test(n));
  const docs: { zip: number; entry: string }[] = [];
  for (const [z, name] of zips.entries())
    for (const it of await readZip(join(dir, name), false)) if (isCheckupData(it.name)) docs.push({ zip: z, entry: it.name });
  const optionalCodes = new Map<string, string>();
  for (const item of CHECKUP_ITEMS)
    if (OPTIONAL_CHECKUP_COLUMNS.includes(item.column)) for (const code of item.codes) optionalCodes.set(code, item.column);
  const rk = new Rng(streamSeed(seed, 0xc4e));
  const docTargets = take(
    rk,
    docs.map((_, i) => i),
    howMany(rate, docs.length, 1, docs.length),
  );
  const byZip = new Map<number, number[]>();
  for (const i of docTargets) {
    const z = (docs[i] as { zip: number }).zip;
    byZip.set(z, [...(byZip.get(z) ?? []), i]);
  }
  for (const [z, targets] of [...byZip].sort(([a], [b]) => a - b)) {
    const name = zips[z] as string;
    const items = await readZip(join(dir, name), true);
    for (const i of targets) {
      const doc = docs[i] as { entry: string };
      const it = items.find((x) => x.name === doc.entry) as ZipItem;
      const xml = (it.data as Buffer).toString('utf8');
      const found: { start: number; end: number; code: string }[] = [];
      for (const m of xml.matchAll(/<entry>((?:(?!<\/entry>)[\s\S])*)<\/entry>/g)) {
        const code = /<code code="([^"]+)"/.exec(m[1] ?? '')?.[1];
        if (code && optionalCodes.has(code)) found.push({ start: m.index, end: m.index + m[0].length, code });
      }
      if (found.length === 0) continue;
      const hit = found[new Rng(streamSeed(seed, KIND_ID.missing_checkup_value, i)).int(found.length)] as (typeof found)[number];
      it.data = Buffer.from(xml.slice(0, hit.start) + xml.slice(hit.end), 'utf8');
      const column = optionalCodes.get(hit.code) as string;
      entries.push({
        kind: 'missing_checkup_value',
        file: name,
        line: null,
        entry: doc.entry,
        claimLines: null,
        outcome: 'load_null',
        quarantine: [],
        related: null,
        points: null,
        code: null,
        column,
        detail: `任意項目 ${hit.code} (${column}) の記録なし / optional item missing`,
        expected: `健診は取り込み、${column} は空 (null) / checkup loaded with ${column} null`,
      });
    }
    await writeFile(join(dir, name), await writeZip(items));
  }

  for (const e of entries) counts[e.kind]++;
  entries.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.entry ?? '').localeCompare(b.entry ?? ''),
  );
  const ledger: DefectLedger = {
    seed,
    rate,
    pools: { claims: claims.length, claimKeys: keyCount.size, claimFiles: files.length, registerRows, checkups: docs.length },
    counts,
    entries,
  };
  await mkdir(join(dir, '_meta'), { recursive: true });
  await writeFile(ledgerPath, ledgerCsv(ledger));
  return ledger;
}

function toEntry(d: Draft, file: string, start: number, length: number, related: DefectEntry['related']): DefectEntry {
  return {
    kind: d.kind,
    file,
    line: d.offset === null ? start : start + d.offset,
    entry: null,
    claimLines: [start, start + length - 1],
    outcome: d.outcome,
    quarantine: d.quarantine.map((q) => ({ line: start + q.offset, record: q.record, field: q.field, code: q.code })),
    related,
    points: d.points,
    code: d.code,
    column: null,
    detail: d.detail,
    expected: d.expected,
  };
}

/** Applies a claim-level defect to one claim block; fills the draft's detail and predictions. */
function editClaim(d: Draft, block: Line[], table: ScoreTable, r: Rng, known: Record<'b' | 's' | 'y', Set<string>>): Line[] {
  const out = [...block];
  const incomplete = { offset: 0, record: 'RE', field: null, code: 'CLAIM_INCOMPLETE' };
  switch (d.kind) {
    case 'missing_diagnosis': {
      const n = offsetsOf(block, 'SY').length;
      d.detail = `傷病名レコード (SY) ${n} 件がない / claim without its ${n} SY record(s)`;
      d.expected = 'レセプトは取り込まれ、傷病名は 0 件 / claim loaded with no diagnosis';
      return out.filter((l) => idOf(l) !== 'SY');
    }
    case 'unknown_code': {
      const all: { id: string; field: string; kind: 'b' | 's' | 'y' }[] = [
        { id: 'SI', field: '診療行為コード', kind: 's' },
        { id: 'IY', field: '医薬品コード', kind: 'y' },
        { id: 'SY', field: '傷病名コード', kind: 'b' },
      ];
      const options = all.filter((o) => offsetsOf(block, o.id).length > 0);
      const o = options[r.int(options.length)] as (typeof options)[number];
      const offs = offsetsOf(block, o.id);
      const at = offs[r.int(offs.length)] as number;
      const fields = (out[at] as Line).text.split(',');
      const col = fieldIndex(table, o.id, o.field);
      const replaced = fields[col] as string;
      const code = unknownCode(o.kind, r, known[o.kind]);
      fields[col] = code;
      out[at] = line(fields.join(','));
      d.offset = at;
      d.code = { kind: o.kind, code, replaced };
      d.detail = `${o.field} ${replaced} → ${code}（マスターにないコード、点数は不変） / code in no master, points unchanged`;
      d.expected = `取り込み、unknown_code に ${o.kind}:${code} / claim loaded, code listed in unknown_code`;
      return out;
    }
    case 'mojibake_line': {
      const re = out[0] as Line;
      const raw = Buffer.from(re.text, 'utf8');
      const code = iconv.decode(Buffer.concat([raw, CRLF]), 'cp932').includes('\uFFFD') ? 'UNDECODABLE' : 'WRONG_ENCODING';
      out[0] = { text: re.text, raw };
      d.offset = 0;
      d.quarantine = [{ offset: 0, record: 'RE', field: null, code }, incomplete];
      d.detail = 'RE レコードが UTF-8 で書かれている（CP932 ファイル内の文字化け行） / RE line encoded in UTF-8';
      d.expected = `このレセプトを隔離 (${code} と CLAIM_INCOMPLETE)、次の RE までのレコードはどのレセプトにも入らない / claim quarantined, its records not loaded`;
      return out;
    }
    default:
      break;
  }
  // Malformed detail lines: 医科 SI with 点数, 調剤 CZ with 薬剤料点数.
  if (table === 'shika') return out;
  const spec = DETAIL[table];
  const offs = detailOffsets(block, table);
  const at = offs[r.int(offs.length)] as number;
  const fields = (out[at] as Line).text.split(',');
  const n = fields.length;
  d.offset = at;
  if (d.kind === 'truncated_record') {
    const k = 3 + r.int(Math.min(10, n - 4));
    const kept = fields.slice(0, k);
    const last = kept[k - 1] as string;
    if (last.length >= 2) kept[k - 1] = last.slice(0, Math.ceil(last.length / 2));
    out[at] = line(kept.join(','));
    d.quarantine = [{ offset: at, record: spec.id, field: 'field_count', code: 'FIELD_COUNT' }, incomplete];
    d.detail = `${spec.id} レコードが途中で切れている（${n} 項目中 ${k} 項目） / record cut after ${k} of ${n} fields`;
  } else if (d.kind === 'field_count_short') {
    const empties = fields.map((v, i) => (i > 0 && v === '' ? i : -1)).filter((i) => i > 0);
    const drop = empties.length > 0 ? (empties[r.int(empties.length)] as number) : n - 1;
    fields.splice(drop, 1);
    out[at] = line(fields.join(','));
    d.quarantine = [{ offset: at, record: spec.id, field: 'field_count', code: 'FIELD_COUNT' }, incomplete];
    d.detail = `${spec.id} レコードの項目が 1 つ足りない（第 ${drop} 項目の空欄が欠落） / one field missing`;
  } else if (d.kind === 'field_count_extra') {
    fields.splice(fieldIndex(table, spec.id, spec.points), 0, '');
    out[at] = line(fields.join(','));
    d.quarantine = [{ offset: at, record: spec.id, field: 'field_count', code: 'FIELD_COUNT' }, incomplete];
    d.detail = `${spec.id} レコードの ${spec.points} の前に余分な項目（以降が 1 つずれる） / one extra field before ${spec.points}`;
  } else {
    const col = fieldIndex(table, spec.id, spec.points);
    const v = fields[col] as string;
    const variant = r.int(3);
    const bad =
      variant === 0 || !/[01]/.test(v)
        ? v.replace(/\d/g, (x) => String.fromCharCode(0xff10 + Number(x)))
        : variant === 1
          ? `${v}点`
          : v.replace(/[01]/, (x) => (x === '0' ? 'O' : 'l'));
    fields[col] = bad;
    out[at] = line(fields.join(','));
    d.quarantine = [{ offset: at, record: spec.id, field: spec.points, code: 'BAD_NUMBER' }, incomplete];
    d.detail = `${spec.points} が数字でない: "${bad}"（元 ${v}） / non-numeric points`;
  }
  // 調剤: drug and device lines after a rejected CZ have no 調剤 to belong to unless an earlier CZ of the
  // claim was read; each is then rejected as NO_CZ (same claim, own line).
  if (table === 'chozai' && !block.slice(0, at).some((l) => idOf(l) === 'CZ')) {
    for (let k = at + 1; k < block.length && idOf(block[k] as Line) !== 'CZ'; k++) {
      const id = idOf(block[k] as Line);
      if (id === 'IY' || id === 'TO') d.quarantine.push({ offset: k, record: id, field: 'record_order', code: 'NO_CZ' });
    }
  }
  d.expected = 'このレセプトを隔離（不正行と RE 行を行番号つきで）、他は取り込む / claim quarantined with line numbers';
  return out;
}

function ledgerCsv(l: DefectLedger): string {
  const head = 'file,line_or_entry,kind,outcome,detail,expected,quarantine,related';
  const rows = l.entries.map((e) =>
    [
      e.file,
      e.entry ?? e.line,
      e.kind,
      e.outcome,
      e.detail,
      e.expected,
      e.quarantine.map((q) => `${q.line}:${q.record}:${q.code}${q.field ? `:${q.field}` : ''}`).join(' '),
      e.related ? `${e.related.file}${e.related.line !== null ? `:${e.related.line}` : ''}` : '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}
