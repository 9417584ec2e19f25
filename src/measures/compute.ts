// Computes indicators into the long results table (replacing earlier results of the same ids).
import type { Store } from '../store/db.js';
import { compileIndicator } from './compile.js';
import type { IndicatorDefinition } from './definition.js';
import { INDICATORS } from './library/index.js';

export async function computeIndicators(
  store: Store,
  runId: string,
  defs: IndicatorDefinition[] = INDICATORS,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await store.transaction(async () => {
    for (const def of defs) {
      await store.run('delete from indicator_result where indicator_id = $1', [def.id]);
      await store.run(`insert into indicator_result ${compileIndicator(def, runId)}`);
      counts[def.id] = await store.scalar<number>('select count(*) from indicator_result where indicator_id = $1', [def.id]);
    }
  });
  return counts;
}
