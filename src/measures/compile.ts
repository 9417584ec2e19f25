// Compiles an IndicatorDefinition to one SQL statement producing indicator_result rows for every
// entity, period and stratum. The 95% interval is Wilson's score interval for proportions.
import type { EntityType, IndicatorDefinition } from './definition.js';

const ENTITY_COLUMN: Record<EntityType, string> = {
  all: "'all'",
  insurer_type: 'insurer_type',
  insurer: 'insurer_number',
  employer: 'employer_id',
};

const SCALE: Record<IndicatorDefinition['unit'], number> = { '%': 100, per1000: 1000, yen: 1 };

export function compileIndicator(def: IndicatorDefinition, runId: string): string {
  const strata = [`'all'`, ...def.stratifications.map((c) => `'${c}=' || coalesce(cast(${c} as varchar), '不明')`)];
  const groups: string[] = [];
  for (const entity of def.entities) {
    for (const stratum of strata) {
      const entityCol = ENTITY_COLUMN[entity];
      groups.push(`select '${entity}' as entity_type, cast(${entityCol} as varchar) as entity_id,
        'FY' || cast(${def.periodColumn} as varchar) as period, ${stratum} as stratum,
        sum(case when ${def.numerator} then 1 else 0 end) as numerator, count(*) as denominator
      from population
      ${entity === 'all' ? '' : `where ${entityCol} is not null`}
      group by all`);
    }
  }
  const k = SCALE[def.unit];
  return `with population as (select * from ${def.from} where ${def.population}),
counts as (
${groups.join('\nunion all\n')}
),
wilson as (
  select *, cast(numerator as double) / nullif(denominator, 0) as p, 1.959964 as z from counts
)
select '${runId}' as run_id, '${def.id}' as indicator_id, entity_type, entity_id, period, stratum,
  numerator, denominator,
  case when denominator >= ${def.minDenominator} then ${k} * p end as value,
  cast(null as double) as value_std,
  case when denominator >= ${def.minDenominator} then ${k} * (p + z*z/(2*denominator) - z * sqrt(p*(1-p)/denominator + z*z/(4*denominator*denominator))) / (1 + z*z/denominator) end as ci_low,
  case when denominator >= ${def.minDenominator} then ${k} * (p + z*z/(2*denominator) + z * sqrt(p*(1-p)/denominator + z*z/(4*denominator*denominator))) / (1 + z*z/denominator) end as ci_high,
  denominator < ${def.minDenominator} as suppressed,
  '${def.id}@${def.version}' as rule_version
from wilson`;
}
