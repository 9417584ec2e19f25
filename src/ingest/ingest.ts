// `kachi ingest`: detect → read → validate → pseudonymise → load, one transaction per file.
// A file already loaded (same SHA-256) is skipped. A file with a file-level problem (empty,
// truncated, foreign, unreadable) loads nothing. Rejected records go to quarantine with file,
// line, field and reason. Re-submitted claims (same natural key) replace the earlier version.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { detectFormat, type FileFormat } from '../formats/detect.js';
import type { Rejection } from '../formats/uke/types.js';
import type { Store } from '../store/db.js';
import { CANONICAL_TABLES } from '../store/summary.js';
import { convertFile, type FileBatch, type LinkContext } from './convert.js';
import type { Pseudonymizer } from './pseudonymize.js';
import { faultPoint } from '../util/fault.js';

export interface FileReport {
  path: string;
  format: FileFormat;
  status: 'loaded' | 'skipped' | 'failed';
  message: string;
  recordsRead: number;
  loaded: Record<string, number>;
  rejected: number;
  replaced: number;
  warnings: number;
  /** Distinct codes the loaded masters do not know, by master kind (kept, listed in unknown_code). */
  unknownCodes: Record<string, number>;
}

export interface IngestReport {
  runId: string;
  startedAt: string;
  finishedAt: string;
  files: FileReport[];
  totals: { files: number; loaded: number; skipped: number; failed: number; rejected: number };
}

/** Key columns of each canonical table: a row with the same key replaces the stored one. */
const KEYS: Record<string, string[]> = {
  insurer: ['insurer_number'],
  employer: ['employer_id'],
  member: ['member_key'],
  enrollment: ['enrollment_key', 'start_date'],
  facility: ['facility_code'],
  claim: ['claim_id'],
  claim_diagnosis: ['claim_id', 'seq'],
  claim_procedure: ['claim_id', 'seq'],
  claim_drug: ['claim_id', 'seq'],
  claim_device: ['claim_id', 'seq'],
  checkup: ['checkup_id'],
  health_guidance: ['guidance_id'],
  care_certification: ['member_key', 'valid_from'],
  care_claim: ['care_claim_id'],
  adl_assessment: ['member_key', 'assessment_date'],
};
const CLAIM_CHILDREN = ['claim_diagnosis', 'claim_procedure', 'claim_drug', 'claim_device'];
const CARE_TABLES = ['care_certification', 'care_claim', 'adl_assessment'];
/** Load order: parents before children (CANONICAL_TABLES is listed in that order), then the care tables. */
const ORDER: readonly string[] = [
  ...CANONICAL_TABLES,
  ...CARE_TABLES.filter((t) => !(CANONICAL_TABLES as readonly string[]).includes(t)),
];

export async function expandPaths(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of inputs) {
    const abs = resolve(p);
    const st = await stat(abs);
    if (st.isDirectory()) {
      // Hidden entries and `_…` folders (e.g. a generator's `_meta/` with its manifest and ground
      // truth) are not insurer files and are never ingested.
      const entries = (await readdir(abs)).filter((e) => !e.startsWith('.') && !e.startsWith('_')).sort();
      out.push(...(await expandPaths(entries.map((e) => join(abs, e)))));
    } else out.push(abs);
  }
  return out;
}

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Orders files so that reference data (insurers, register) is loaded before claims and checkups. */
const FORMAT_RANK: Record<FileFormat, number> = {
  'insurer-list-csv': 0,
  'facility-list-csv': 0,
  'member-register-csv': 1,
  uke: 2,
  'tokutei-zip': 3,
  'care-certification-csv': 4,
  'care-claims-csv': 5,
  'barthel-csv': 5,
  unknown: 6,
};

export async function ingest(
  store: Store,
  pseudo: Pseudonymizer,
  inputs: string[],
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<IngestReport> {
  const runId = randomUUID();
  const startedAt = new Date().toISOString();
  masterLoaded.clear();
  await store.run("insert into ingest_run values ($1, $2::timestamp, null, 'running', null, null, null, null)", [
    runId,
    startedAt,
  ]);
  const paths = await expandPaths(inputs);
  const detected = await Promise.all(paths.map(async (p) => ({ path: p, format: await detectFormat(p) })));
  detected.sort((a, b) => FORMAT_RANK[a.format] - FORMAT_RANK[b.format] || a.path.localeCompare(b.path));
  // enrollment_key → member_key, loaded once and refreshed after each loaded file (a register loaded
  // earlier in the run adds keys). One query per file instead of one per claim or checkup.
  let links: Map<string, string> | null = null;
  const ctx: LinkContext = {
    pseudo,
    lookupMember: async (key) => {
      if (!links) {
        links = new Map();
        for (const r of await store.query<{ k: string; m: string }>(
          'select enrollment_key as k, member_key as m from enrollment',
        ))
          links.set(r.k, r.m);
      }
      return links.get(key) ?? null;
    },
    knownMembers: async (keys) => {
      const found = new Set<string>();
      const unique = [...new Set(keys)];
      if (unique.length === 0) return found;
      await store.run('create temp table if not exists link_member_keys (k varchar)');
      await store.run('delete from link_member_keys');
      await store.append(
        'link_member_keys',
        unique.map((k) => ({ k })),
      );
      for (const r of await store.query<{ k: string }>('select l.k from link_member_keys l join member m on m.member_key = l.k'))
        found.add(r.k);
      return found;
    },
  };
  const files: FileReport[] = [];
  // Converted files wait here and are loaded together in one transaction (a group), which amortises
  // the per-statement cost of the store; a group that fails is retried file by file, so a file that
  // cannot be loaded never takes others with it and never loads half-way.
  let group: Pending[] = [];
  let groupRows = 0;
  // Claim files (UKE) overlap: while one group loads (DuckDB works in its own threads), the next group
  // is converted on this thread. At most one group loads at a time, in file order; every other format
  // waits for its load, because later files link to what it loads (register → enrolments).
  let loading: Promise<void> | null = null;
  const flush = async (overlap: boolean) => {
    if (loading && (overlap || group.length)) await loading;
    loading = null;
    if (group.length) {
      const g = group;
      group = [];
      groupRows = 0;
      loading = loadGroup(store, runId, g).then(() => {
        // Only a register adds enrolments: reload the link map lazily after one.
        if (g.some((x) => x.report.loaded.enrollment)) links = null;
      });
    }
    if (!overlap && loading) {
      await loading;
      loading = null;
    }
  };
  // Files already in the store (same content hash) are skipped; one query for the whole run.
  const seen = new Set((await store.query<{ id: string }>('select ingest_file_id as id from ingest_file')).map((r) => r.id));
  let i = 0;
  for (const { path, format } of detected) {
    onProgress?.(i++, detected.length, path);
    // Reference files (insurers, register, facilities) must be in the store before the files that link to them.
    if (group.length && group[0]?.format !== format) await flush(false);
    if (loading && format !== 'uke') await flush(false);
    const pending = await convertOne(path, format, ctx, seen);
    files.push(pending.report);
    if (pending.fatal) {
      if (loading) await loading;
      loading = null;
      await quarantine(store, runId, pending.fileId, [pending.fatal]);
    }
    if (!pending.batch) continue;
    group.push(pending);
    groupRows += Object.values(pending.batch.rows).reduce((n, r) => n + (r?.length ?? 0), 0);
    if (groupRows >= GROUP_ROWS || group.length >= GROUP_FILES) await flush(format === 'uke');
  }
  await flush(false);
  onProgress?.(detected.length, detected.length, '');
  const totals = {
    files: files.length,
    loaded: files.filter((f) => f.status === 'loaded').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    failed: files.filter((f) => f.status === 'failed').length,
    rejected: files.reduce((s, f) => s + f.rejected, 0),
  };
  const finishedAt = new Date().toISOString();
  await store.run(
    "update ingest_run set finished_at = $2::timestamp, status = 'done', files_total = $3, files_loaded = $4, files_skipped = $5, files_failed = $6 where run_id = $1",
    [runId, finishedAt, totals.files, totals.loaded, totals.skipped, totals.failed],
  );
  return { runId, startedAt, finishedAt, files, totals };
}

/** Rows (all tables) and files per load group: a group is one transaction. */
const GROUP_ROWS = 100_000;
const GROUP_FILES = 200;

interface Pending {
  path: string;
  format: FileFormat;
  fileId: string;
  report: FileReport;
  batch: FileBatch | null;
  /** A file-level problem: nothing of the file is loaded, the reason goes to quarantine. */
  fatal?: Rejection;
}

/** Hashes and converts one file; a skipped or fatally broken file is settled here (batch null). */
async function convertOne(path: string, format: FileFormat, ctx: LinkContext, seen: Set<string>): Promise<Pending> {
  const report: FileReport = {
    path,
    format,
    status: 'failed',
    message: '',
    recordsRead: 0,
    loaded: {},
    rejected: 0,
    replaced: 0,
    warnings: 0,
    unknownCodes: {},
  };
  const fileId = await sha256File(path);
  if (seen.has(fileId)) {
    report.status = 'skipped';
    report.message = '取込済み（同一内容）のためスキップ / already loaded (same content hash)';
    return { path, format, fileId, report, batch: null };
  }
  seen.add(fileId);
  let batch: FileBatch;
  try {
    batch = await convertFile(path, format, fileId, ctx);
  } catch (err) {
    batch = {
      rows: {},
      rejections: [],
      warnings: [],
      recordsRead: 0,
      fatal: {
        file: path,
        line: null,
        recordType: null,
        field: null,
        code: 'READ_ERROR',
        reason: `読み込みエラー / read error: ${(err as Error).message}`,
      },
    };
  }
  report.recordsRead = batch.recordsRead;
  report.warnings = batch.warnings.length;
  if (batch.fatal) {
    // Nothing of the file is loaded; the reason is recorded for the operator (by the caller).
    seen.delete(fileId);
    report.rejected = 1;
    report.message = `${batch.fatal.reason} (${path})`;
    return { path, format, fileId, report, batch: null, fatal: batch.fatal };
  }
  return { path, format, fileId, report, batch };
}

/** Loads a group of converted files in one transaction; on failure, file by file. */
async function loadGroup(store: Store, runId: string, group: Pending[]): Promise<void> {
  try {
    await store.transaction(async () => {
      const merged: FileBatch = { rows: {}, rejections: [], warnings: [], recordsRead: 0, fatal: null };
      // A claim sent again in a later file of the same group (re-submission): only the last file's
      // version counts, with its own detail lines (the earlier version's lines must not survive).
      const lastFile = new Map<string, number>();
      group.forEach((p, i) => {
        for (const c of p.batch?.rows.claim ?? []) lastFile.set(String(c.claim_id), i);
      });
      const resentInGroup = new Set<string>();
      const superseded: Record<string, unknown>[] = [];
      group.forEach((p, i) => {
        const b = p.batch as FileBatch;
        for (const [t, rows] of Object.entries(b.rows)) {
          if (!rows?.length) continue;
          const into = merged.rows[t] ?? [];
          const claimRows = t === 'claim' || CLAIM_CHILDREN.includes(t);
          for (const r of rows) {
            if (claimRows && lastFile.get(String(r.claim_id)) !== i) {
              if (t === 'claim') {
                resentInGroup.add(String(r.claim_id));
                superseded.push(r);
              }
              continue;
            }
            into.push(r);
          }
          merged.rows[t] = into;
        }
        if (b.facilityMaster) merged.facilityMaster = true;
      });
      const replacedIds = new Set([...(await loadRows(store, merged)), ...resentInGroup]);
      faultPoint('ingest.group.loaded');
      if (superseded.length) await logSupersededInGroup(store, superseded, merged.rows.claim ?? []);
      const fileIds = group.map((p) => p.fileId);
      const unknown = await unknownByFile(store, fileIds);
      for (const p of group) {
        const b = p.batch as FileBatch;
        const r = p.report;
        for (const t of ORDER) if (b.rows[t]?.length) r.loaded[t] = b.rows[t]?.length ?? 0;
        r.replaced = (b.rows.claim ?? []).filter((c) => replacedIds.has(String(c.claim_id))).length;
        r.unknownCodes = unknown.get(p.fileId) ?? {};
        await quarantine(store, runId, p.fileId, b.rejections);
        const loadedCount =
          (b.rows.claim?.length ?? 0) +
          (b.rows.checkup?.length ?? 0) +
          (b.rows.enrollment?.length ?? 0) +
          (b.rows.insurer?.length ?? 0) +
          (b.facilityMaster ? (b.rows.facility?.length ?? 0) : 0) +
          CARE_TABLES.reduce((n, t) => n + (b.rows[t]?.length ?? 0), 0);
        await store.run('insert into ingest_file values ($1, $2, $3, $4, current_timestamp, $5, $6, $7)', [
          p.fileId,
          runId,
          p.path,
          p.format,
          b.recordsRead,
          loadedCount,
          b.rejections.length,
        ]);
      }
    });
    for (const p of group) {
      const n = p.batch?.rejections.length ?? 0;
      p.report.status = 'loaded';
      p.report.rejected = n;
      p.report.message = n ? `${n} 件を隔離 / quarantined` : 'OK';
    }
  } catch (err) {
    if (group.length > 1) {
      for (const p of group) await loadGroup(store, runId, [p]);
      return;
    }
    const p = group[0] as Pending;
    p.report.loaded = {};
    p.report.status = 'failed';
    p.report.message = `取込エラー（何も取り込んでいません） / load error, nothing loaded: ${(err as Error).message} (${p.path})`;
  }
}

/** Logs the earlier versions of claims sent again within one load group (they never reach the store). */
async function logSupersededInGroup(store: Store, superseded: Record<string, unknown>[], kept: Record<string, unknown>[]) {
  const last = new Map(kept.map((c) => [String(c.claim_id), c]));
  const rows = superseded.flatMap((old) => {
    const now = last.get(String(old.claim_id));
    return now
      ? [
          {
            claim_id: old.claim_id,
            previous_file_id: old.ingest_file_id,
            previous_source_line: old.source_line,
            previous_points: old.points,
            new_file_id: now.ingest_file_id,
            new_source_line: now.source_line,
            new_points: now.points,
          },
        ]
      : [];
  });
  await store.run('create temp table if not exists stage_claim_replacement as select * from claim_replacement where false');
  await store.run('delete from stage_claim_replacement');
  await store.append('stage_claim_replacement', rows);
  await store.run('insert or ignore into claim_replacement select * from stage_claim_replacement');
}

/**
 * Loads a file's rows through temp staging tables. Every statement touches only the file's rows: rows
 * go in with INSERT … ON CONFLICT (the primary-key index finds an earlier version without scanning the
 * table), codes are enriched on the stage before they are inserted, and a re-sent claim's old detail
 * rows are deleted only when a claim was actually replaced. Cost per file is independent of the store's
 * size, so loading stays linear however much is already there.
 */
async function loadRows(store: Store, batch: FileBatch): Promise<string[]> {
  let replacedIds: string[] = [];
  // Detail lines need deduping only when a claim occurs twice in the batch (a claim sent twice in one
  // file): key-building every line of every claim costs more than the load itself.
  const claimIds = new Set<string>();
  let repeated = false;
  for (const c of batch.rows.claim ?? []) {
    const id = String(c.claim_id);
    if (claimIds.has(id)) repeated = true;
    claimIds.add(id);
  }
  for (const table of ORDER) {
    const all = batch.rows[table] ?? [];
    const rows = CLAIM_CHILDREN.includes(table) && !repeated ? all : dedupe(all, KEYS[table] ?? []);
    if (rows.length === 0) continue;
    const keys = KEYS[table] ?? [];
    const stage = `stage_${table}`;
    await store.run(`create temp table if not exists ${stage} as select * from ${table} where false`);
    await store.run(`delete from ${stage}`);
    await store.append(stage, rows);
    const match = keys.map((k) => `t.${k} = s.${k}`).join(' and ');
    if (table === 'facility' && !batch.facilityMaster) {
      // Facilities seen in claims (UKE IR/YK) only add unknown codes and fill missing values, so that a
      // later claim file never erases what the facility list says (種別, 病床数, 機能).
      const cols = (await store.columns('facility')).map((c) => c.name).filter((c) => c !== 'facility_code');
      await store.run(
        `update facility set ${cols.map((c) => `${c} = coalesce(facility.${c}, s.${c})`).join(', ')} from ${stage} s where s.facility_code = facility.facility_code`,
      );
      await store.run(`insert into facility select * from ${stage} s where not exists (select 1 from facility t where ${match})`);
      continue;
    }
    if (table === 'claim') {
      const inserted = new Set(
        (
          await store.query<{ claim_id: string }>(
            `insert into claim select * from ${stage} on conflict do nothing returning claim_id`,
          )
        ).map((r) => r.claim_id),
      );
      replacedIds = rows.map((r) => String(r.claim_id)).filter((id) => !inserted.has(id));
      if (replacedIds.length) {
        // A re-sent claim (same natural key): its new version replaces the row and all its detail lines.
        await store.run('create temp table if not exists stage_replaced (claim_id varchar)');
        await store.run('delete from stage_replaced');
        await store.append(
          'stage_replaced',
          replacedIds.map((claim_id) => ({ claim_id })),
        );
        await store.run(
          `insert or ignore into claim_replacement
           select c.claim_id, c.ingest_file_id, c.source_line, c.points, s.ingest_file_id, s.source_line, s.points
           from claim c join ${stage} s using (claim_id) where c.claim_id in (select claim_id from stage_replaced)`,
        );
        for (const child of CLAIM_CHILDREN)
          await store.run(`delete from ${child} where claim_id in (select claim_id from stage_replaced)`);
        await store.run(
          `insert or replace into claim select * from ${stage} where claim_id in (select claim_id from stage_replaced)`,
        );
      }
      continue;
    }
    if (table === 'claim_diagnosis')
      await store.run(
        `update ${stage} set icd10 = m.icd10 from code_master m where m.kind = 'b' and m.code = ${stage}.disease_code`,
      );
    if (table === 'claim_drug')
      await store.run(
        `update ${stage} set yj_code = m.yakka_code, is_generic = m.is_generic from code_master m where m.kind = 'y' and m.code = ${stage}.drug_code`,
      );
    const coded = CODED.find((c) => c.table === table);
    if (coded) await unknownCodes(store, coded, stage);
    // Detail lines of a claim never meet an earlier copy: a replaced claim's lines were deleted above,
    // so a plain INSERT (no conflict handling) is enough — and a conflict would be a bug worth failing on.
    await store.run(`insert ${CLAIM_CHILDREN.includes(table) ? '' : 'or replace '}into ${table} select * from ${stage}`);
  }
  return replacedIds;
}

/** Claim code columns checked against code_master, by master kind. */
const CODED = [
  { kind: 'b', table: 'claim_diagnosis', column: 'disease_code', skip: "'0000999'" },
  // 医科診療行為 only (1xxxxxxxx): 歯科 (3…) and 調剤行為 (4…) codes have masters of their own, not shipped.
  { kind: 's', table: 'claim_procedure', column: 'procedure_code', skip: "'' and x.procedure_code like '1%'" },
  { kind: 'y', table: 'claim_drug', column: 'drug_code', skip: "''" },
  { kind: 't', table: 'claim_device', column: 'device_code', skip: "'777770000'" },
] as const;

const masterLoaded = new Map<string, boolean>();

/**
 * Records the codes of a file's staged claim lines that no loaded master knows (未コード化 codes
 * excepted), with counts. Kinds without any loaded master are not checked.
 */
async function unknownCodes(store: Store, c: (typeof CODED)[number], stage: string): Promise<void> {
  let loaded = masterLoaded.get(c.kind);
  if (loaded === undefined) {
    loaded = (await store.scalar<number>('select count(*) from code_master where kind = $1', [c.kind])) > 0;
    masterLoaded.set(c.kind, loaded);
  }
  if (!loaded) return;
  // The group's files are new (content hash), so their unknown_code rows are too: insert, never update.
  await store.run(
    `insert or replace into unknown_code
     select $1, x.${c.column}, k.ingest_file_id, count(*) from ${stage} x join stage_claim k using (claim_id)
     where x.${c.column} <> ${c.skip}
       and not exists (select 1 from code_master m where m.kind = $1 and m.code = x.${c.column})
     group by x.${c.column}, k.ingest_file_id`,
    [c.kind],
  );
}

/** Unknown codes per file of a group, by master kind. */
async function unknownByFile(store: Store, fileIds: string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (!fileIds.length) return out;
  const list = fileIds.map((f) => `'${f.replace(/'/g, '')}'`).join(',');
  for (const r of await store.query<{ f: string; kind: string; n: number }>(
    `select ingest_file_id as f, kind, count(*)::integer as n from unknown_code where ingest_file_id in (${list}) group by 1, 2`,
  )) {
    const m = out.get(r.f) ?? {};
    m[r.kind] = Number(r.n);
    out.set(r.f, m);
  }
  return out;
}

function dedupe(rows: Record<string, unknown>[], keys: string[]): Record<string, unknown>[] {
  if (keys.length === 0) return rows;
  const m = new Map<string, Record<string, unknown>>();
  for (const r of rows) m.set(keys.map((k) => String(r[k])).join('\u001f'), r);
  return [...m.values()];
}

async function quarantine(store: Store, runId: string, fileHash: string, rejections: Rejection[]): Promise<void> {
  if (rejections.length === 0) return;
  await store.append(
    'quarantine',
    rejections.map((r) => ({
      run_id: runId,
      file_path: r.file,
      file_hash: fileHash,
      line: r.line,
      record_type: r.recordType,
      field: r.field,
      reason_code: r.code,
      reason: r.reason,
      raw: null, // raw records can hold names and 記号・番号: never stored
    })),
  );
}
