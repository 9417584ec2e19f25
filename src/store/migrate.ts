// Schema migrations: numbered SQL files in ./migrations, applied once each, in order.
// Later capabilities add a new file (002_…sql); they never edit an applied one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './db.js';

/** src/store/migrations when running from source, dist/store/migrations after the build copies them. */
const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): { version: number; name: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(join(migrationsDir, f), 'utf8'),
    }));
}

export async function migrate(store: Store): Promise<number> {
  await store.run(
    'create table if not exists schema_version (version integer primary key, name varchar not null, applied_at timestamp not null)',
  );
  const applied = new Set((await store.query<{ version: number }>('select version from schema_version')).map((r) => r.version));
  for (const m of listMigrations()) {
    if (applied.has(m.version)) continue;
    await store.transaction(async () => {
      for (const stmt of splitStatements(m.sql)) await store.run(stmt);
      await store.run('insert into schema_version values ($1, $2, current_timestamp)', [m.version, m.name]);
    });
  }
  return store.scalar<number>('select max(version) from schema_version');
}

/** Splits a migration file on ';' at line ends (migrations contain no procedural bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
