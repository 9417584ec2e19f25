// Crash safety: the ingest process is killed with SIGKILL in the middle of a load transaction (after a
// group's rows are written, before its commit); the store must open consistent, and running the ingest
// again must give exactly the tables of an uninterrupted run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/db.js';
import { CANONICAL_TABLES, tableDigest } from '../../src/store/summary.js';
import { injectDefects } from '../../src/synth/defects.js';
import { writeSynthPopulation } from '../../src/synth/emit.js';
import { tempDir } from '../helpers/store.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kachi.js');

function ingest(home: string, secret: string, input: string, fault?: string) {
  return spawnSync(process.execPath, [BIN, 'ingest', input, '--json'], {
    env: { ...process.env, KACHI_HOME: home, KACHI_SECRET_FILE: secret, ...(fault ? { KACHI_FAULT: fault } : {}) },
    encoding: 'utf8',
    timeout: 600_000,
  });
}

async function digests(home: string): Promise<Record<string, string>> {
  const store = await Store.open(join(home, 'kachi.duckdb'));
  try {
    const out: Record<string, string> = {};
    for (const t of [...CANONICAL_TABLES, 'claim_replacement']) out[t] = await tableDigest(store, t);
    // Quarantine rows carry the run id; what must match is what was rejected and why.
    out.quarantine = await tableDigest(store, 'quarantine', 'file_path, line, record_type, field, reason_code');
    out.ingest_file = await tableDigest(store, 'ingest_file', 'ingest_file_id, path, format, records_read, records_loaded');
    return out;
  } finally {
    await store.close();
  }
}

describe('ingest killed with SIGKILL mid-transaction', () => {
  let input: string;
  let secret: string;
  let reference: Record<string, string>;

  beforeAll(async () => {
    input = tempDir();
    // Re-sent claims and quarantined lines included (defects), so the logs must match too.
    await writeSynthPopulation({ members: 1500, fromFy: 2023, toFy: 2023, seed: 21, out: input });
    await injectDefects(input, { rate: 0.01, seed: 21 });
    secret = join(tempDir(), 'kachi.key');
    const home = tempDir();
    const r = ingest(home, secret, input);
    expect(r.status, r.stderr).toBe(0);
    reference = await digests(home);
  }, 600_000);

  it('leaves a consistent store and a re-run gives the same tables as an uninterrupted run', async () => {
    const home = tempDir();
    const killed = ingest(home, secret, input, 'ingest.group.loaded:3');
    expect(killed.signal).toBe('SIGKILL');
    // Consistent after the crash: the killed group left nothing, no detail line without its claim.
    const store = await Store.open(join(home, 'kachi.duckdb'));
    try {
      const loaded = await store.scalar<number>('select count(*) from ingest_file');
      expect(loaded).toBeGreaterThan(0);
      expect(await store.scalar('select count(*) from claim')).toBeLessThan(Number(reference.claim?.split(':')[0]));
      for (const child of ['claim_diagnosis', 'claim_procedure', 'claim_drug'])
        expect(await store.scalar(`select count(*) from ${child} where claim_id not in (select claim_id from claim)`)).toBe(0);
      // Every claim comes from a file recorded as loaded.
      expect(
        await store.scalar('select count(*) from claim where ingest_file_id not in (select ingest_file_id from ingest_file)'),
      ).toBe(0);
    } finally {
      await store.close();
    }
    const again = ingest(home, secret, input);
    expect(again.status, again.stderr).toBe(0);
    expect(await digests(home)).toEqual(reference);
  }, 600_000);
});
