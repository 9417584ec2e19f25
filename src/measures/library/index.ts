import type { IndicatorDefinition } from '../definition.js';
import { tokuteiKenshinRate } from './tokutei-kenshin-rate.js';

/** The indicator library. Adding an indicator = one definition file + one test. */
export const INDICATORS: IndicatorDefinition[] = [tokuteiKenshinRate];

export function indicatorById(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}
