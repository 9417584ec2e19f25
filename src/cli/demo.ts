// `npm run demo`: a fresh demo store from the shipped real-format fixture, the whole pipeline,
// an HTML summary, then the web app.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kachiPaths } from '../config.js';
import { Pseudonymizer } from '../ingest/pseudonymize.js';
import { runPipeline } from '../pipeline/run.js';
import { buildServer } from '../server/app.js';
import { Store } from '../store/db.js';
import { formatIngestReport } from './main.js';

export const DEMO_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'demo');

export async function runDemo(opts: { port: number; serve: boolean; extraInputs?: string[] }): Promise<void> {
  const t0 = Date.now();
  const p = kachiPaths(process.env.KACHI_HOME ?? join('data', 'demo'));
  await rm(p.store, { force: true });
  await rm(`${p.store}.wal`, { force: true });
  const store = await Store.open(p.store);
  const pseudo = Pseudonymizer.fromSecretFile(p.secret);
  console.log(`デモ用ストア / demo store: ${p.store}`);
  const res = await runPipeline(store, { inputs: [DEMO_FIXTURE, ...(opts.extraInputs ?? [])], reportsDir: p.reports, pseudo });
  if (res.ingest) console.log(formatIngestReport(res.ingest));
  const rates = await store.query<{ period: string; value: number | null; numerator: number; denominator: number }>(
    "select period, value, numerator, denominator from indicator_result where indicator_id = 'tokutei_kenshin_rate' and entity_type = 'all' and stratum = 'all' order by period",
  );
  console.log('特定健診受診率 / checkup participation:');
  for (const r of rates)
    console.log(`  ${r.period}: ${r.value === null ? '×' : `${r.value.toFixed(1)}%`} (${r.numerator}/${r.denominator})`);
  console.log(`HTML サマリー / summary: ${res.reportPath}`);
  console.log(`準備完了 / set up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!opts.serve) {
    await store.close();
    return;
  }
  const app = await buildServer(store);
  const url = await app.listen({ port: opts.port, host: '127.0.0.1' });
  console.log(`Web アプリ / web app: ${url}   API: ${url}/api/docs   (Ctrl+C で終了)`);
}
