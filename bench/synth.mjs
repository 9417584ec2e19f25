// bench/synth: the synthetic population generator at scale, one child process per run so that each
// peak memory (maxRSS) is its own. Targets (synthetic-population issue): 100,000 members × 3 年度 in
// ≤ 5 min with ≤ 2 GiB; 1,000,000 members × 1 年度 with ≤ 2 GiB.
// Usage: npm run build:server && node bench/synth.mjs [members=100000] [years=2022-2024] [out=/tmp/kachi-synth-bench] [workers=2]
// Writes bench/results/synth-<members>-<years>.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, ...args] = process.argv.slice(2);
if (mode === 'child') {
  const [members, years, out, workers] = args;
  const { writeSynthParallel } = await import('../dist/synth/parallel.js');
  const [fromFy, toFy] = years.split('-').map(Number);
  const t0 = process.hrtime.bigint();
  const m = await writeSynthParallel({ members: Number(members), fromFy, toFy, seed: 1, out }, Number(workers));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(
    JSON.stringify({
      secs,
      persons: m.persons,
      spans: m.spans,
      claims: m.claims,
      claimLines: m.claimLines,
      claimBytes: m.claimBytes,
      checkups: Object.values(m.checkups).reduce((n, byInsurer) => n + Object.values(byInsurer).reduce((a, b) => a + b, 0), 0),
      guidanceReports: m.guidanceReports,
      careRows: m.careRows,
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
} else {
  const members = mode ?? '100000';
  const years = args[0] ?? '2022-2024';
  const out = args[1] ?? '/tmp/kachi-synth-bench';
  const workers = args[2] ?? '2';
  rmSync(out, { recursive: true, force: true });
  const r = JSON.parse(
    execFileSync(process.execPath, [new URL(import.meta.url).pathname, 'child', members, years, out, workers], {
      maxBuffer: 1 << 20,
    }).toString(),
  );
  const files = readdirSync(out).filter((f) => f !== '_meta' && f !== 'care');
  const bytes = files.reduce((s, f) => s + statSync(join(out, f)).size, 0);
  const result = {
    date: new Date().toISOString(),
    members: Number(members),
    years,
    workers: Number(workers),
    secs: +r.secs.toFixed(1),
    maxRssMB: r.maxRssMB,
    persons: r.persons,
    spans: r.spans,
    claims: r.claims,
    claimsPerSec: Math.round(r.claims / r.secs),
    claimLines: r.claimLines,
    claimLinesPerSec: Math.round(r.claimLines / r.secs),
    claimMB: Math.round(r.claimBytes / 1048576),
    checkups: r.checkups,
    guidanceReports: r.guidanceReports,
    careRows: r.careRows,
    targets: { secs: Number(members) === 100000 ? 300 : null, maxRssMB: 2048 },
    files: files.length,
    outputMB: Math.round(bytes / 1048576),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/synth-${members}-${years}.json`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
}
