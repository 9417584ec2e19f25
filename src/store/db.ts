// The analytical store: one embedded DuckDB file by default.
// Everything engine-specific stays in this folder so that another backend can be added later.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import { migrate } from './migrate.js';

export type Row = Record<string, string | number | boolean | null>;
export type Param = string | number | boolean | null;

interface ColumnInfo {
  name: string;
  type: string;
}

/** The default ceiling of DuckDB's memory (buffer pool, indexes, query state) per store. */
export const DEFAULT_MEMORY_LIMIT = '1536MB';

export class Store {
  private readonly columnCache = new Map<string, ColumnInfo[]>();
  private inTransaction = false;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  /** Opens (and creates and migrates when needed) the store at `path` (':memory:' for tests). */
  static async open(path: string, opts: { readOnly?: boolean } = {}): Promise<Store> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // DuckDB's buffer pool would otherwise grow to 80% of the machine's memory; KACHI_DUCKDB_MEMORY
    // (e.g. '8GB' on a big server) sets the ceiling, beyond which DuckDB spills to temp files.
    const memory = process.env.KACHI_DUCKDB_MEMORY ?? DEFAULT_MEMORY_LIMIT;
    const instance = await DuckDBInstance.create(path, {
      ...(opts.readOnly ? { access_mode: 'READ_ONLY' } : {}),
      memory_limit: memory,
    });
    const conn = await instance.connect();
    const store = new Store(path, instance, conn);
    if (!opts.readOnly) await migrate(store);
    return store;
  }

  async run(sql: string, params: Param[] = []): Promise<void> {
    if (params.length === 0) await this.conn.run(sql);
    else await this.conn.run(sql, params as DuckDBValue[]);
  }

  /** Runs a query and returns plain JS rows: BIGINT → number, DATE → 'YYYY-MM-DD', TIMESTAMP → ISO. */
  async query<T extends Row = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    const reader =
      params.length === 0 ? await this.conn.runAndReadAll(sql) : await this.conn.runAndReadAll(sql, params as DuckDBValue[]);
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.typeId);
    const rows = reader.getRows();
    return rows.map((r) => {
      const o: Row = {};
      for (let i = 0; i < names.length; i++) o[names[i] as string] = toJs(r[i] ?? null, types[i]);
      return o as T;
    });
  }

  async scalar<T = number>(sql: string, params: Param[] = []): Promise<T> {
    const rows = await this.query(sql, params);
    const first = rows[0];
    return (first ? Object.values(first)[0] : null) as T;
  }

  /** Runs `fn` inside one transaction: all of it is stored, or none of it. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    await this.conn.run('begin transaction');
    this.inTransaction = true;
    try {
      const out = await fn();
      await this.conn.run('commit');
      return out;
    } catch (err) {
      await this.conn.run('rollback');
      throw err;
    } finally {
      this.inTransaction = false;
    }
  }

  async columns(table: string): Promise<ColumnInfo[]> {
    let cols = this.columnCache.get(table);
    if (!cols) {
      const rows = await this.query<{ name: string; type: string }>(
        'select column_name as name, data_type as type from information_schema.columns where table_name = $1 order by ordinal_position',
        [table],
      );
      if (rows.length === 0) throw new Error(`unknown table ${table}`);
      cols = rows;
      this.columnCache.set(table, cols);
    }
    return cols;
  }

  /** Bulk-inserts rows through DuckDB's appender (inside the current transaction, if any). */
  async append(table: string, rows: Iterable<Record<string, unknown>>): Promise<number> {
    const cols = await this.columns(table);
    const appender = await this.conn.createAppender(table);
    let n = 0;
    try {
      for (const row of rows) {
        for (const c of cols) appendValue(appender, c, row[c.name]);
        appender.endRow();
        n++;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return n;
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

function appendValue(a: DuckDBAppender, col: ColumnInfo, v: unknown): void {
  if (v === null || v === undefined) {
    a.appendNull();
    return;
  }
  switch (col.type) {
    case 'VARCHAR':
      a.appendVarchar(String(v));
      return;
    case 'INTEGER':
      a.appendInteger(Number(v));
      return;
    case 'BIGINT':
      a.appendBigInt(BigInt(v as number));
      return;
    case 'DOUBLE':
      a.appendDouble(Number(v));
      return;
    case 'BOOLEAN':
      a.appendBoolean(Boolean(v));
      return;
    case 'DATE': {
      const [y, m, d] = String(v).split('-').map(Number);
      a.appendDate(DuckDBDateValue.fromParts({ year: y ?? 0, month: m ?? 1, day: d ?? 1 }));
      return;
    }
    case 'TIMESTAMP': {
      const ms = v instanceof Date ? v.getTime() : Date.parse(String(v));
      a.appendTimestamp(new DuckDBTimestampValue(BigInt(ms) * 1000n));
      return;
    }
    default:
      throw new Error(`append: unsupported column type ${col.type} for ${col.name}`);
  }
}

function toJs(v: DuckDBValue, typeId: DuckDBTypeId | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeId === DuckDBTypeId.DATE) return String(v); // DuckDBDateValue prints YYYY-MM-DD
  if (typeId === DuckDBTypeId.TIMESTAMP || typeId === DuckDBTypeId.TIMESTAMP_TZ) {
    return new Date(Number((v as DuckDBTimestampValue).micros / 1000n)).toISOString();
  }
  if (typeId === DuckDBTypeId.DECIMAL) return Number(String(v));
  return String(v);
}
