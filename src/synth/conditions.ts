// Treated chronic conditions of a synthetic person, shared by the 特定健診 質問票 (服薬) and the claims,
// so that the people who answer "on BP medication" are the people with monthly hypertension claims.
// A condition is present when the person's persistent risk score is in the top share for their age and
// sex: the 服薬 shares of NDB FY2021 (calibration.md §4.2 ✅) for 40–74; below 40 the 40–44 share falls
// linearly to 0 at 20, and from 75 the 70–74 share is raised (⚠️ assumed: ×1.2 BP, ×1.1 glucose, ×1.0 lipids).
import { bandIndex, LOADING, QUESTIONNAIRE } from './data/checkup.js';
import type { Person } from './population.js';
import { Rng, streamSeed } from './rng.js';

/**
 * The persistent draws of a person, in a fixed order (append new keys at the end: earlier draws keep
 * their values): measurement items, participation, height, 質問票 answers, lifestyle, drug preference.
 */
export const LATENT_KEYS = [
  'bmi',
  'waist',
  'sbp',
  'dbp',
  'hba1c',
  'fpg',
  'tg',
  'hdl',
  'ldl',
  'ggt',
  'alt',
  'ast',
  'egfr',
  'participation',
  'height',
  'med_bp',
  'med_glucose',
  'med_lipid',
  'hist_stroke',
  'hist_heart',
  'hist_kidney',
  'anemia',
  'smoking',
  'exercise_30min',
  'walking_1h',
  'walking_fast',
  'late_dinner',
  'skip_breakfast',
  'weight_gain_20',
  'sleep_ok',
  'daily_drinking',
  'generic',
] as const;

export interface Latent {
  g0: number;
  z: Record<string, number>;
}

/** Person-level draws that persist across years (the same for every use of the person). */
export function personLatent(seed: number, p: Person): Latent {
  const r = new Rng(streamSeed(seed, p.id, 0x51a7));
  const z: Record<string, number> = {};
  for (const k of LATENT_KEYS) z[k] = r.normal();
  return { g0: r.normal(), z };
}

export const mix = (a: number, wa: number, b: number) => wa * a + Math.sqrt(Math.max(0, 1 - wa * wa)) * b;

/** The latent metabolic factor in a 年度: g(t) = 0.95 g(t−1) + noise, from the 2008 baseline. */
export function metabolicFactor(seed: number, p: Person, lat: Latent, fy: number): number {
  let g = lat.g0;
  const gr = new Rng(streamSeed(seed, p.id, 0x6a0));
  for (let y = 2008; y <= fy; y++) g = mix(g, 0.95, gr.normal());
  return g;
}

export interface Conditions {
  hypertension: boolean;
  diabetes: boolean;
  dyslipidemia: boolean;
}

const SHARE_75_FACTOR = { med_bp: 1.2, med_glucose: 1.1, med_lipid: 1.0 } as const;

function treatedShare(key: keyof typeof SHARE_75_FACTOR, age: number, sex: 1 | 2): number {
  const row = QUESTIONNAIRE[key]?.[sex === 1 ? 'male' : 'female'];
  if (!row || age < 20) return 0;
  if (age < 40) return ((row[0] as number) / 100) * ((age - 20) / 20);
  if (age >= 75) return Math.min(0.95, ((row[6] as number) / 100) * SHARE_75_FACTOR[key]);
  return (row[bandIndex(age)] as number) / 100;
}

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155211572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q0 = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  const poly = (k: number[], x: number) => k.reduce((s, v) => s * x + v, 0);
  if (q0 < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(q0));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (q0 > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - q0));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = q0 - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** Persistent risk scores of the treated conditions (standard normal), given the year's factor g. */
export function conditionScores(lat: Latent, g: number): Record<keyof typeof SHARE_75_FACTOR, number> {
  const item = (k: string) => mix(g, LOADING[k] ?? 0, lat.z[k] as number);
  return {
    med_bp: mix(item('sbp'), 0.8, lat.z.med_bp as number),
    med_glucose: mix(item('hba1c'), 0.85, lat.z.med_glucose as number),
    med_lipid: mix(item('ldl'), 0.7, lat.z.med_lipid as number),
  };
}

/** Treated conditions at an age, from the scores: in the top share of the person's age and sex. */
export function conditionsFrom(scores: ReturnType<typeof conditionScores>, age: number, sex: 1 | 2): Conditions {
  const on = (k: keyof typeof SHARE_75_FACTOR) => {
    const s = treatedShare(k, age, sex);
    return s > 0 && scores[k] > probit(1 - s);
  };
  return { hypertension: on('med_bp'), diabetes: on('med_glucose'), dyslipidemia: on('med_lipid') };
}
