// `npm run demo`: a synthetic population written as real files (generated once per seed and size,
// then reused), a fresh demo store, the whole pipeline, an HTML summary, then the web app.
// `--fixture` uses the small hand-checked fixture of the tests instead.
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kachiPaths } from '../config.js';
import { Pseudonymizer } from '../ingest/pseudonymize.js';
import { runPipeline } from '../pipeline/run.js';
import { buildServer } from '../server/app.js';
import { Store } from '../store/db.js';
import { writeSynthParallel } from '../synth/parallel.js';

/** Worker threads for the demo's population (the output is fixed for a seed and this count). */
const DEMO_WORKERS = 2;

import { formatIngestReport } from './main.js';

export const DEMO_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'demo');

export interface DemoOptions {
  port: number;
  serve: boolean;
  extraInputs?: string[];
  /** Use the hand-made test fixture instead of a generated population. */
  fixture?: boolean;
  members?: number;
  fromFy?: number;
  toFy?: number;
  seed?: number;
}

/** The demo's synthetic population: generated into `dir` unless a manifest with the same settings is there. */
async function demoPopulation(
  dir: string,
  o: Required<Pick<DemoOptions, 'members' | 'fromFy' | 'toFy' | 'seed'>>,
): Promise<string> {
  const manifest = join(dir, '_meta', 'manifest.json');
  const want = { members: o.members, window: { start: `${o.fromFy}-04-01`, end: `${o.toFy + 1}-03-31` }, seed: o.seed };
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
      seed: number;
      window: { start: string; end: string };
      requested?: number;
    };
    if (
      m.seed === want.seed &&
      m.window.start === want.window.start &&
      m.window.end === want.window.end &&
      m.requested === o.members
    ) {
      console.log(`合成母集団（再利用） / synthetic population (reused): ${dir}`);
      return dir;
    }
  }
  await rm(dir, { recursive: true, force: true });
  const t = Date.now();
  console.log(
    `合成母集団を生成中 / generating a synthetic population: ${o.members.toLocaleString()} 人 × ${o.fromFy}–${o.toFy} 年度 …`,
  );
  const m = await writeSynthParallel(
    { members: o.members, fromFy: o.fromFy, toFy: o.toFy, seed: o.seed, out: dir },
    DEMO_WORKERS,
  );
  console.log(
    `  ${m.persons.toLocaleString()} 人・レセプト ${m.claims.toLocaleString()} 件・${m.files.length} ファイル (${((Date.now() - t) / 1000).toFixed(0)} s)`,
  );
  return dir;
}

export async function runDemo(opts: DemoOptions): Promise<void> {
  const t0 = Date.now();
  const p = kachiPaths(process.env.KACHI_HOME ?? join('data', 'demo'));
  const source = opts.fixture
    ? DEMO_FIXTURE
    : await demoPopulation(join(dirname(p.store), 'synth'), {
        members: opts.members ?? 10_000,
        fromFy: opts.fromFy ?? 2022,
        toFy: opts.toFy ?? 2024,
        seed: opts.seed ?? 20_261_123,
      });
  await rm(p.store, { force: true });
  await rm(`${p.store}.wal`, { force: true });
  const store = await Store.open(p.store);
  const pseudo = Pseudonymizer.fromSecretFile(p.secret);
  console.log(`デモ用ストア / demo store: ${p.store}`);
  const res = await runPipeline(store, { inputs: [source, ...(opts.extraInputs ?? [])], reportsDir: p.reports, pseudo });
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
