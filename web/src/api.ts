// Typed fetch helpers for the Kachi HTTP API (see /api/docs).
export interface StoreSummary {
  schemaVersion: number;
  counts: Record<string, number>;
  insurers: { insurer_number: string; name: string; insurer_type: string; members: number }[];
  byFiscalYear: { fiscal_year: number; claims: number; points: number; checkups: number }[];
}

export interface IndicatorResult {
  indicator_id: string;
  entity_type: string;
  entity_id: string;
  period: string;
  stratum: string;
  numerator: number;
  denominator: number;
  value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  suppressed: boolean;
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
