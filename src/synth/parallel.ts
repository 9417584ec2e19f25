// Parallel generation: the households are split into `workers` shards by index (index mod workers),
// each written by a worker thread with its own files (suffix _s1, _s2, …: an insurer receives several
// files per facility and month, as with 月遅れ or split deliveries). Every stream is seeded by
// household, so the output is byte-identical for a given seed and worker count. The shard manifests
// are merged into _meta/manifest.json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type SynthManifest, type SynthOptions, writeSynthPopulation } from './emit.js';

export async function writeSynthParallel(opts: SynthOptions, workers: number): Promise<SynthManifest & { shards: number }> {
  if (workers <= 1) return { ...(await writeSynthPopulation(opts)), shards: 1 };
  const shards = await Promise.all(
    Array.from(
      { length: workers },
      (_, index) =>
        new Promise<SynthManifest>((resolve, reject) => {
          const w = new Worker(new URL('./worker.js', import.meta.url), {
            workerData: { ...opts, shard: { index, count: workers } },
          });
          w.once('message', (m: SynthManifest) => resolve(m));
          w.once('error', reject);
          w.once('exit', (code) => {
            if (code !== 0) reject(new Error(`synth worker ${index + 1} exited with code ${code}`));
          });
        }),
    ),
  );
  const sum = (k: keyof SynthManifest) => shards.reduce((n, s) => n + (s[k] as number), 0);
  const byInsurerType: Record<string, number> = {};
  const checkups: Record<string, Record<string, number>> = {};
  for (const s of shards) {
    for (const [t, n] of Object.entries(s.byInsurerType)) byInsurerType[t] = (byInsurerType[t] ?? 0) + n;
    for (const [fy, byInsurer] of Object.entries(s.checkups)) {
      const into = checkups[fy] ?? {};
      for (const [i, n] of Object.entries(byInsurer)) into[i] = (into[i] ?? 0) + n;
      checkups[fy] = into;
    }
  }
  const first = shards[0] as SynthManifest;
  const merged = {
    ...first,
    shards: workers,
    households: sum('households'),
    persons: sum('persons'),
    spans: sum('spans'),
    deaths: sum('deaths'),
    claims: sum('claims'),
    guidanceReports: sum('guidanceReports'),
    careRows: sum('careRows'),
    claimLines: sum('claimLines'),
    claimBytes: sum('claimBytes'),
    byInsurerType,
    checkups,
    files: [...new Set(['_meta/manifest.json', ...shards.flatMap((s) => s.files)])].sort(),
  };
  await writeFile(join(opts.out, '_meta', 'manifest.json'), `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}
