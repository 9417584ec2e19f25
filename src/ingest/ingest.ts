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
};
const CLAIM_CHILDREN = ['claim_diagnosis', 'claim_procedure', 'claim_drug', 'claim_device'];
/** Load order: parents before children (CANONICAL_TABLES is listed in that order). */
const ORDER: readonly string[] = CANONICAL_TABLES;

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
  'member-register-csv': 1,
  uke: 2,
  'tokutei-zip': 3,
  unknown: 4,
};

export async function ingest(
  store: Store,
  pseudo: Pseudonymizer,
  inputs: string[],
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<IngestReport> {
  const runId = randomUUID();
  const startedAt = new Date().toISOString();
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
  };
  const files: FileReport[] = [];
  let i = 0;
  for (const { path, format } of detected) {
    onProgress?.(i++, detected.length, path);
    files.push(await ingestOne(store, runId, path, format, ctx));
    links = null;
  }
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

async function ingestOne(store: Store, runId: string, path: string, format: FileFormat, ctx: LinkContext): Promise<FileReport> {
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
  const already = await store.scalar<number>('select count(*) from ingest_file where ingest_file_id = $1', [fileId]);
  if (already > 0) {
    report.status = 'skipped';
    report.message = '取込済み（同一内容）のためスキップ / already loaded (same content hash)';
    return report;
  }
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
    // Nothing of the file is loaded; the reason is recorded for the operator.
    await quarantine(store, runId, fileId, [batch.fatal]);
    report.rejected = 1;
    report.message = `${batch.fatal.reason} (${path})`;
    return report;
  }
  await store.transaction(async () => {
    report.replaced = await loadRows(store, batch);
    if (batch.rows.claim?.length) report.unknownCodes = await enrichFromMasters(store, fileId);
    for (const t of ORDER) if (batch.rows[t]?.length) report.loaded[t] = batch.rows[t]?.length ?? 0;
    await quarantine(store, runId, fileId, batch.rejections);
    const loadedCount =
      (batch.rows.claim?.length ?? 0) +
      (batch.rows.checkup?.length ?? 0) +
      (batch.rows.enrollment?.length ?? 0) +
      (batch.rows.insurer?.length ?? 0);
    await store.run('insert into ingest_file values ($1, $2, $3, $4, current_timestamp, $5, $6, $7)', [
      fileId,
      runId,
      path,
      format,
      batch.recordsRead,
      loadedCount,
      batch.rejections.length,
    ]);
  });
  report.status = 'loaded';
  report.rejected = batch.rejections.length;
  report.message = batch.rejections.length ? `${batch.rejections.length} 件を隔離 / quarantined` : 'OK';
  return report;
}

async function loadRows(store: Store, batch: FileBatch): Promise<number> {
  let replaced = 0;
  for (const table of ORDER) {
    const rows = dedupe(batch.rows[table] ?? [], KEYS[table] ?? []);
    if (rows.length === 0) continue;
    const keys = KEYS[table] ?? [];
    const stage = `stage_${table}`;
    await store.run(`create temp table if not exists ${stage} as select * from ${table} where false`);
    await store.run(`delete from ${stage}`);
    await store.append(stage, rows);
    const match = keys.map((k) => `t.${k} = s.${k}`).join(' and ');
    if (table === 'claim') {
      replaced += await store.scalar<number>(
        `select count(*) from claim t where exists (select 1 from ${stage} s where ${match})`,
      );
      for (const child of CLAIM_CHILDREN) {
        await store.run(`delete from ${child} where claim_id in (select claim_id from ${stage})`);
      }
    }
    await store.run(`delete from ${table} t where exists (select 1 from ${stage} s where ${match})`);
    await store.run(`insert into ${table} select * from ${stage}`);
  }
  return replaced;
}

/** Claim code columns checked against code_master, by master kind. */
const CODED = [
  { kind: 'b', table: 'claim_diagnosis', column: 'disease_code', skip: "'0000999'" },
  { kind: 's', table: 'claim_procedure', column: 'procedure_code', skip: "''" },
  { kind: 'y', table: 'claim_drug', column: 'drug_code', skip: "''" },
  { kind: 't', table: 'claim_device', column: 'device_code', skip: "'777770000'" },
] as const;

/**
 * Fills ICD-10, YJ (薬価基準収載医薬品コード) and the generic flag from the loaded masters for the claims of
 * one file, and records the codes no loaded master knows (未コード化 codes excepted). Kinds without any
 * loaded master are not checked.
 */
async function enrichFromMasters(store: Store, fileId: string): Promise<Record<string, number>> {
  const ofFile = 'claim_id in (select claim_id from claim where ingest_file_id = $1)';
  await store.run(
    `update claim_diagnosis set icd10 = m.icd10 from code_master m where m.kind = 'b' and m.code = claim_diagnosis.disease_code and claim_diagnosis.${ofFile}`,
    [fileId],
  );
  await store.run(
    `update claim_drug set yj_code = m.yakka_code, is_generic = m.is_generic from code_master m where m.kind = 'y' and m.code = claim_drug.drug_code and claim_drug.${ofFile}`,
    [fileId],
  );
  const unknown: Record<string, number> = {};
  for (const c of CODED) {
    if ((await store.scalar<number>('select count(*) from code_master where kind = $1', [c.kind])) === 0) continue;
    await store.run(`delete from unknown_code where kind = $1 and ingest_file_id = $2`, [c.kind, fileId]);
    await store.run(
      `insert into unknown_code
       select $1, x.${c.column}, $2, count(*) from ${c.table} x
       where x.${ofFile.replace('$1', '$2')} and x.${c.column} <> ${c.skip}
         and not exists (select 1 from code_master m where m.kind = $1 and m.code = x.${c.column})
       group by x.${c.column}`,
      [c.kind, fileId],
    );
    const n = await store.scalar<number>('select count(*) from unknown_code where kind = $1 and ingest_file_id = $2', [
      c.kind,
      fileId,
    ]);
    if (n > 0) unknown[c.kind] = n;
  }
  return unknown;
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
