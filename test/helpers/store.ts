import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pseudonymizer } from '../../src/ingest/pseudonymize.js';
import { Store } from '../../src/store/db.js';
import { CANONICAL_TABLES, tableCounts } from '../../src/store/summary.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const DEMO = join(FIXTURES, 'demo');
export const SHARED_SAMPLE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'external',
  'receiptisan',
  'RECEIPTC_GAIRAI_SAMPLE.UKE',
);

export function tempDir(prefix = 'kachi-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function tempStore(file = false): Promise<Store> {
  return Store.open(file ? join(tempDir(), 'kachi.duckdb') : ':memory:');
}

export const testPseudo = () => Pseudonymizer.fromKey(Buffer.alloc(32, 7));

/** Row counts of every canonical (non-operational) table. */
export const canonicalCounts = (store: Store) => tableCounts(store, CANONICAL_TABLES);
