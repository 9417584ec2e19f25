// A declarative indicator (the OHDSI/Achilles lesson): a small object compiled to SQL over the
// derived layer. Results of every indicator land in the one long table `indicator_result`.

export type EntityType = 'all' | 'insurer_type' | 'insurer' | 'employer';

export interface IndicatorDefinition {
  id: string;
  version: string;
  nameJa: string;
  nameEn: string;
  domain: string;
  /** Derived table the population is drawn from, and the filter that defines the population. */
  from: string;
  population: string;
  /** SQL boolean expression over the population row: counted in the numerator when true. */
  numerator: string;
  unit: '%' | 'per1000' | 'yen';
  direction: 'higher_better' | 'lower_better';
  periodColumn: string;
  entities: EntityType[];
  /** Columns to stratify by, in addition to the unstratified 'all' row. */
  stratifications: string[];
  /** Results with a denominator below this are suppressed (value null). */
  minDenominator: number;
  definitionJa: string;
  source: string;
}
