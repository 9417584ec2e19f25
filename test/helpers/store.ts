import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pseudonymizer } from '../../src/ingest/pseudonymize.js';
import { Store } from '../../src/store/db.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const DEMO = join(FIXTURES, 'demo');
export const SHARED_SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'external', 'receiptisan', 'RECEIPTC_GAIRAI_SAMPLE.UKE');

export function tempDir(prefix = 'kachi-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function tempStore(file = false): Promise<Store> {
  return Store.open(file ? join(tempDir(), 'kachi.duckdb') : ':memory:');
}

export const testPseudo = () => Pseudonymizer.fromKey(Buffer.alloc(32, 7));

/** Row counts of every canonical (non-operational) table. */
export async function canonicalCounts(store: Store): Promise<Record<string, number>> {
  const tables = ['insurer', 'employer', 'member', 'enrollment', 'facility', 'claim', 'claim_diagnosis', 'claim_procedure', 'claim_drug', 'claim_device', 'checkup'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await store.scalar<number>(`select count(*) from ${t}`);
  return out;
}
