// The pipeline contract: a run has an id and ordered stages (ingest → derive → profile → compute → report).
// Each stage records start, end, status, row counts and the rule versions it used.
import { randomUUID } from 'node:crypto';
import { derive } from '../derive/derive.js';
import { runProfile } from '../quality/profile.js';
import { type IngestReport, ingest } from '../ingest/ingest.js';
import type { Pseudonymizer } from '../ingest/pseudonymize.js';
import { computeIndicators } from '../measures/compute.js';
import { INDICATORS } from '../measures/library/index.js';
import { writeSummaryReport } from '../report/summary-html.js';
import type { Store } from '../store/db.js';
import { ensureMasters } from '../terminology/import.js';

export const STAGES = ['ingest', 'derive', 'profile', 'compute', 'report'] as const;
export type StageName = (typeof STAGES)[number];

export interface RunOptions {
  inputs: string[];
  reportsDir: string;
  pseudo: Pseudonymizer;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface RunResult {
  runId: string;
  ingest: IngestReport | null;
  stages: { stage: StageName; status: string; rowCounts: Record<string, number> }[];
  reportPath: string | null;
}

export async function runPipeline(store: Store, opts: RunOptions): Promise<RunResult> {
  const runId = randomUUID();
  await store.run("insert into pipeline_run values ($1, current_timestamp, null, 'running')", [runId]);
  const result: RunResult = { runId, ingest: null, stages: [], reportPath: null };
  const stage = async (name: StageName, ruleVersions: Record<string, string>, fn: () => Promise<Record<string, number>>) => {
    await store.run("insert into pipeline_stage values ($1, $2, current_timestamp, null, 'running', null, $3, null)", [
      runId,
      name,
      JSON.stringify(ruleVersions),
    ]);
    try {
      const rowCounts = await fn();
      await store.run(
        "update pipeline_stage set finished_at = current_timestamp, status = 'done', row_counts = $3 where run_id = $1 and stage = $2",
        [runId, name, JSON.stringify(rowCounts)],
      );
      result.stages.push({ stage: name, status: 'done', rowCounts });
    } catch (err) {
      await store.run(
        "update pipeline_stage set finished_at = current_timestamp, status = 'failed', message = $3 where run_id = $1 and stage = $2",
        [runId, name, (err as Error).message],
      );
      await store.run("update pipeline_run set finished_at = current_timestamp, status = 'failed' where run_id = $1", [runId]);
      throw err;
    }
  };
  if (opts.inputs.length > 0) {
    await stage('ingest', {}, async () => {
      await ensureMasters(store);
      result.ingest = await ingest(store, opts.pseudo, opts.inputs, opts.onProgress);
      const t = result.ingest.totals;
      return { files: t.files, loaded: t.loaded, skipped: t.skipped, failed: t.failed, rejected: t.rejected };
    });
  }
  await stage('derive', {}, () => derive(store));
  await stage('profile', {}, async () => {
    const rows = await runProfile(store);
    return { checks: rows.length, warnings: rows.filter((r) => r.status === 'warn').length };
  });
  const versions = Object.fromEntries(INDICATORS.map((d) => [d.id, d.version]));
  await stage('compute', versions, () => computeIndicators(store, runId));
  await stage('report', {}, async () => {
    result.reportPath = await writeSummaryReport(store, opts.reportsDir);
    return { reports: 1 };
  });
  await store.run("update pipeline_run set finished_at = current_timestamp, status = 'done' where run_id = $1", [runId]);
  return result;
}
