// Where a deployment keeps its files. KACHI_HOME (default ./data) holds the store, the secret
// (outside the database, owner-only) and generated reports.
import { join, resolve } from 'node:path';

export interface KachiPaths {
  home: string;
  store: string;
  secret: string;
  reports: string;
}

export function kachiPaths(home = process.env.KACHI_HOME ?? 'data'): KachiPaths {
  const h = resolve(home);
  return {
    home: h,
    store: process.env.KACHI_STORE ?? join(h, 'kachi.duckdb'),
    secret: process.env.KACHI_SECRET_FILE ?? join(h, 'secret', 'kachi.key'),
    reports: join(h, 'reports'),
  };
}
