// The derived layer: SQL models in ./models, one table per file (named after the file without its
// numeric prefix), rebuilt in file order inside one transaction; then the models that apply a rule
// written in TypeScript (one implementation of each rule, shared with the generator and target lists).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/db.js';
import { checkupLevelModel } from './checkup-level.js';

const modelsDir = join(dirname(fileURLToPath(import.meta.url)), 'models');

export function listModels(): { table: string; sql: string }[] {
  return readdirSync(modelsDir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ table: f.replace(/^\d{3}_/, '').replace(/\.sql$/, ''), sql: readFileSync(join(modelsDir, f), 'utf8') }));
}

/** A model computed in TypeScript: builds its table from the store (inside derive's transaction). */
export interface CodeModel {
  table: string;
  build(store: Store): Promise<void>;
}

const CODE_MODELS: CodeModel[] = [checkupLevelModel];

export async function derive(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await store.transaction(async () => {
    for (const m of listModels()) {
      await store.run(`create or replace table ${m.table} as ${m.sql}`);
      counts[m.table] = await store.scalar<number>(`select count(*) from ${m.table}`);
    }
    for (const m of CODE_MODELS) {
      await m.build(store);
      counts[m.table] = await store.scalar<number>(`select count(*) from ${m.table}`);
    }
  });
  return counts;
}
