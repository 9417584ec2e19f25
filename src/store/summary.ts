// Summary queries shared by the API, the HTML report and the CLI (one way to count things).
import type { Store } from './db.js';

export interface StoreSummary {
  schemaVersion: number;
  counts: Record<string, number>;
  insurers: { insurer_number: string; name: string; insurer_type: string; members: number }[];
  byFiscalYear: { fiscal_year: number; claims: number; points: number; checkups: number }[];
}

/** Canonical fact and reference tables loaded by ingest (operational tables excluded). */
export const CANONICAL_TABLES = [
  'insurer',
  'employer',
  'member',
  'enrollment',
  'facility',
  'claim',
  'claim_diagnosis',
  'claim_procedure',
  'claim_drug',
  'claim_device',
  'checkup',
  'health_guidance',
  'care_certification',
  'care_claim',
  'adl_assessment',
] as const;

/**
 * A content digest of a table: row count and the sum of row hashes (order-free), optionally over some
 * columns only — two stores with equal digests hold the same rows.
 */
export async function tableDigest(store: Store, table: string, columns = '*'): Promise<string> {
  const r = await store.query<{ n: number; h: string }>(
    `select count(*) as n, cast(coalesce(sum(cast(hash(t) as hugeint)), 0) as varchar) as h from (select ${columns} from ${table}) t`,
  );
  return `${r[0]?.n}:${r[0]?.h}`;
}

export async function tableCounts(store: Store, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await store.scalar<number>(`select count(*) from ${t}`);
  return out;
}

export async function storeSummary(store: Store): Promise<StoreSummary> {
  const counts = await tableCounts(store, [...CANONICAL_TABLES, 'quarantine']);
  const insurers = await store.query<StoreSummary['insurers'][number]>(
    `select i.insurer_number, i.name, i.insurer_type, count(distinct e.member_key) as members
     from insurer i left join enrollment e on e.insurer_number = i.insurer_number
     group by all order by i.insurer_number`,
  );
  const byFiscalYear = await store.query<StoreSummary['byFiscalYear'][number]>(
    `with c as (
       select case when month(service_month) >= 4 then year(service_month) else year(service_month) - 1 end as fiscal_year,
              count(*) as claims, sum(points) as points
       from claim group by 1),
     k as (select fiscal_year, count(*) as checkups from checkup group by 1)
     select coalesce(c.fiscal_year, k.fiscal_year) as fiscal_year, coalesce(c.claims, 0) as claims,
            coalesce(c.points, 0) as points, coalesce(k.checkups, 0) as checkups
     from c full outer join k on c.fiscal_year = k.fiscal_year order by 1`,
  );
  return { schemaVersion: await store.scalar<number>('select max(version) from schema_version'), counts, insurers, byFiscalYear };
}
