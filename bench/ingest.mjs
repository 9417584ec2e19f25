// bench/ingest: the real files of a synthetic population ingested into a fresh file store and derived,
// in a child process so that its peak memory (maxRSS) is its own. Target (integrated data platform
// issue): 100,000 members × 3 年度 ingested and derived in ≤ 10 min with ≤ 3 GiB on 2 cores.
// Usage: npm run build:server && node bench/ingest.mjs [members=100000] [years=2022-2024] [data=/tmp/kachi-ingest-bench]
// Generates the population first when <data>/synth holds none (2 workers, seed 1; not timed).
// Writes bench/results/ingest-<members>-<years>.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'child') {
  const [input, storePath] = args;
  const { Store } = await import('../dist/store/db.js');
  const { Pseudonymizer } = await import('../dist/ingest/pseudonymize.js');
  const { ingest } = await import('../dist/ingest/ingest.js');
  const { derive } = await import('../dist/derive/derive.js');
  const { runProfile } = await import('../dist/quality/profile.js');
  const { ensureMasters } = await import('../dist/terminology/import.js');
  const { randomBytes } = await import('node:crypto');
  const store = await Store.open(storePath);
  await ensureMasters(store);
  const t0 = process.hrtime.bigint();
  const report = await ingest(store, Pseudonymizer.fromKey(randomBytes(32)), [input]);
  const t1 = process.hrtime.bigint();
  const derived = await derive(store);
  const t2 = process.hrtime.bigint();
  const profile = await runProfile(store);
  const t3 = process.hrtime.bigint();
  const rows = Object.values(report.files).reduce((s, f) => s + Object.values(f.loaded ?? {}).reduce((a, b) => a + b, 0), 0);
  const claims = await store.scalar('select count(*) from claim');
  const lines = await store.scalar(
    'select (select count(*) from claim_procedure) + (select count(*) from claim_drug) + (select count(*) from claim_diagnosis) + (select count(*) from claim_device)',
  );
  await store.close();
  const s = (a, b) => Number(b - a) / 1e9;
  process.stdout.write(
    JSON.stringify({
      ingestSecs: s(t0, t1),
      deriveSecs: s(t1, t2),
      profileSecs: s(t2, t3),
      files: report.totals.files,
      failed: report.totals.failed,
      rejected: report.totals.rejected,
      rowsLoaded: rows,
      claims: Number(claims),
      detailRows: Number(lines),
      derived,
      warnings: profile.filter((r) => r.status === 'warn').map((r) => `${r.check_id} ${r.stratum}`),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else {
  const members = mode ?? '100000';
  const years = args[0] ?? '2022-2024';
  const data = args[1] ?? '/tmp/kachi-ingest-bench';
  const synth = join(data, 'synth');
  if (!existsSync(join(synth, '_meta', 'manifest.json'))) {
    const [fromFy, toFy] = years.split('-').map(Number);
    const { writeSynthParallel } = await import('../dist/synth/parallel.js');
    rmSync(synth, { recursive: true, force: true });
    await writeSynthParallel({ members: Number(members), fromFy, toFy, seed: 1, out: synth }, 2);
  }
  const storePath = join(data, 'kachi.duckdb');
  rmSync(storePath, { force: true });
  rmSync(`${storePath}.wal`, { force: true });
  const r = JSON.parse(
    execFileSync(process.execPath, [new URL(import.meta.url).pathname, 'child', synth, storePath], {
      maxBuffer: 1 << 24,
    }).toString(),
  );
  const secs = r.ingestSecs + r.deriveSecs;
  const result = {
    date: new Date().toISOString(),
    members: Number(members),
    years,
    ingestSecs: +r.ingestSecs.toFixed(1),
    deriveSecs: +r.deriveSecs.toFixed(1),
    profileSecs: +r.profileSecs.toFixed(1),
    ingestAndDeriveSecs: +secs.toFixed(1),
    maxRssMB: r.maxRssMB,
    files: r.files,
    failed: r.failed,
    rejected: r.rejected,
    rowsLoaded: r.rowsLoaded,
    rowsPerSec: Math.round(r.rowsLoaded / r.ingestSecs),
    claims: r.claims,
    claimsPerSec: Math.round(r.claims / r.ingestSecs),
    detailRows: r.detailRows,
    detailRowsPerSec: Math.round(r.detailRows / r.ingestSecs),
    derived: r.derived,
    profileWarnings: r.warnings,
    targets: { secs: Number(members) === 100000 ? 600 : null, maxRssMB: 3072 },
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/ingest-${members}-${years}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
}
