// Health state of a synthetic person at a date: the treated metabolic conditions (conditions.ts), the
// chronic disease modules (data/diseases.ts), kidney disease with 糖尿病性腎症 病期 and chronic dialysis,
// a persistent frailty that links disease to death and to admissions, and the expected number of acute
// admissions in the coming year (ground truth for risk models).
//
// Liability model: every disease has a persistent liability (a mix of the person's metabolic factor,
// frailty, smoking propensity, kidney factor and an own draw, all standard normal); the person is under
// care at an age when the liability exceeds the quantile that gives the published share for that age
// and sex. Absorbing diseases use the running maximum of the share, so they never remit.
import { type Conditions, conditionScores, conditionsFrom, type Latent, mix, personLatent, probit } from './conditions.js';
import { ADMISSIONS_PER_100 } from './data/admissions.js';
import {
  CKD,
  DIALYSIS,
  DIALYSIS_LOAD,
  DISEASES,
  envelope,
  FRAILTY_MORTALITY_BETA,
  interpolate,
  KIDNEY_LOAD,
  NEPHROPATHY_STAGE_SHARES,
} from './data/diseases.js';
import type { Person } from './population.js';
import { Rng, streamSeed } from './rng.js';

/** Persistent factors of a person beyond the metabolic latent: frailty, kidney, and one draw per disease. */
export interface HealthLatent {
  frailty: number;
  kidney: number;
  dialysis: number;
  /** Persistent uniform: survival on dialysis before the reference date (see onDialysis). */
  dialysisSurvival: number;
  /** Age at which dialysis starts (cached), null = never by 110; undefined = not computed yet. */
  dialysisOnsetAge?: number | null;
  own: Record<string, number>;
  /** Liabilities (fixed for life). */
  liability: Record<string, number>;
}

const cache = new Map<string, HealthLatent>();

/** The frailty of a person (standard normal, from its own stream so that population.ts can use it). */
export function frailtyOf(seed: number, id: number): number {
  return new Rng(streamSeed(seed, id, 0xf7a1)).normal();
}

export function healthLatent(seed: number, p: Person, lat: Latent = personLatent(seed, p)): HealthLatent {
  const key = `${seed}|${p.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = new Rng(streamSeed(seed, p.id, 0xd15e));
  const frailty = frailtyOf(seed, p.id);
  const kidneyOwn = r.normal();
  const dialysisOwn = r.normal();
  const own: Record<string, number> = {};
  for (const d of DISEASES) own[d.key] = r.normal();
  const g0 = lat.g0;
  const smoking = lat.z.smoking as number;
  const combine = (
    load: { metabolic?: number; frailty?: number; smoking?: number; kidney?: number },
    ownZ: number,
    kidney = 0,
  ) => {
    const w = { m: load.metabolic ?? 0, f: load.frailty ?? 0, s: load.smoking ?? 0, k: load.kidney ?? 0 };
    const sum2 = w.m ** 2 + w.f ** 2 + w.s ** 2 + w.k ** 2;
    return w.m * g0 + w.f * frailty + w.s * smoking + w.k * kidney + Math.sqrt(Math.max(0, 1 - sum2)) * ownZ;
  };
  const kidney = combine(KIDNEY_LOAD, kidneyOwn);
  // The diabetes liability at the 2008 baseline (persistent part of the treated-diabetes score).
  const diabetes = conditionScores(lat, g0).med_glucose;
  const dl = DIALYSIS_LOAD;
  const dialysis =
    dl.kidney * kidney + dl.diabetes * diabetes + Math.sqrt(Math.max(0, 1 - dl.kidney ** 2 - dl.diabetes ** 2)) * dialysisOwn;
  const liability: Record<string, number> = {};
  for (const d of DISEASES) liability[d.key] = combine(d.load, own[d.key] as number);
  const dialysisSurvival = r.next();
  const h: HealthLatent = { frailty, kidney, dialysis, dialysisSurvival, own, liability };
  if (cache.size > 50_000) cache.clear();
  cache.set(key, h);
  return h;
}

/** Exact age in years (fractional) on a date. */
export function ageYears(birth: string, on: string): number {
  return (Date.parse(`${on}T00:00:00Z`) - Date.parse(`${birth}T00:00:00Z`)) / (365.2425 * 86_400_000);
}

const above = (liability: number, share: number) => share > 0 && liability > probit(1 - share);

export interface HealthState {
  age: number;
  treated: Conditions;
  diseases: Record<string, boolean>;
  ckd: boolean;
  dialysis: boolean;
  /** 糖尿病性腎症 病期 1–5 for treated diabetics (5 = dialysis), 0 otherwise. */
  nephropathyStage: number;
  frailty: number;
  /** Expected acute admissions in the next 12 months (the truth a risk model should approach). */
  admissionRate: number;
}

/** The (exact) age at which the person's dialysis liability crosses the cumulative incidence, or null. */
export function dialysisOnsetAge(h: HealthLatent, sex: 1 | 2): number | null {
  if (h.dialysisOnsetAge !== undefined) return h.dialysisOnsetAge;
  const table = sex === 1 ? DIALYSIS.male : DIALYSIS.female;
  const on = (age: number) => above(h.dialysis, envelope(table, age));
  let onset: number | null = null;
  if (on(110)) {
    let lo = 15;
    let hi = 110;
    while (hi - lo > 1 / 365) {
      const mid = (lo + hi) / 2;
      if (on(mid)) hi = mid;
      else lo = mid;
    }
    onset = hi;
  }
  h.dialysisOnsetAge = onset;
  return onset;
}

/**
 * Survival before the simulated window is not simulated (people enter alive at the window start), so a
 * person whose dialysis would have started t years before the reference date is on dialysis only with
 * the probability of surviving t years at the JSDT mortality; within the window, deaths come from
 * population.ts (which applies that mortality to people on dialysis). ⚠️ The reference is a fixed date
 * (the usual window start), not each run's window.
 */
const DIALYSIS_REFERENCE = '2022-04-01';

/** Whether a person is on chronic dialysis at an (exact) age: absorbing, so an onset date exists. */
export function onDialysis(h: HealthLatent, p: { sex: 1 | 2; birth: string }, age: number): boolean {
  const onset = dialysisOnsetAge(h, p.sex);
  if (onset === null || age < onset) return false;
  const before = Math.max(0, ageYears(p.birth, DIALYSIS_REFERENCE) - onset);
  return h.dialysisSurvival < (1 - DIALYSIS.mortality) ** before;
}

/** The first day of dialysis within [from, to] (month resolution), or null. */
export function dialysisOnset(h: HealthLatent, p: Person, from: string, to: string): string | null {
  if (!onDialysis(h, p, ageYears(p.birth, to))) return null;
  if (onDialysis(h, p, ageYears(p.birth, from))) return from;
  let lo = Date.parse(`${from}T00:00:00Z`);
  let hi = Date.parse(`${to}T00:00:00Z`);
  while (hi - lo > 86_400_000) {
    const mid = Math.floor((lo + hi) / 2 / 86_400_000) * 86_400_000;
    if (onDialysis(h, p, ageYears(p.birth, new Date(mid).toISOString().slice(0, 10)))) hi = mid;
    else lo = mid + 86_400_000;
  }
  return new Date(hi).toISOString().slice(0, 10);
}

/** Health at a date, given the year's metabolic factor g. */
export function healthAt(seed: number, p: Person, lat: Latent, g: number, on: string): HealthState {
  const h = healthLatent(seed, p, lat);
  const exact = ageYears(p.birth, on);
  const age = Math.floor(exact);
  const treated = conditionsFrom(conditionScores(lat, g), age, p.sex);
  const diseases: Record<string, boolean> = {};
  for (const d of DISEASES) {
    const table = p.sex === 1 ? d.male : d.female;
    const share = d.absorbing ? envelope(table, exact) : interpolate(table, exact);
    diseases[d.key] = above(h.liability[d.key] as number, share);
  }
  const dialysis = onDialysis(h, p, exact);
  const ckd = dialysis || above(h.kidney, envelope(p.sex === 1 ? CKD.male : CKD.female, exact));
  // 病期 by the kidney liability's upper quantile (⚠️ not conditioned on diabetes, so diabetics, whose
  // kidney liability is raised through the shared metabolic factor, have somewhat more advanced stages).
  const nephropathyStage = !treated.diabetes ? 0 : dialysis ? 5 : stageFromQuantile(1 - normalCdf(h.kidney));
  return {
    age,
    treated,
    diseases,
    ckd,
    dialysis,
    nephropathyStage,
    frailty: h.frailty,
    admissionRate: admissionRate(age, p.sex, h.frailty, diseases, dialysis),
  };
}

/** 第4期 for the top 5% of the kidney liability, 第3期 for the next 10%, 第2期 the next 25%, else 第1期. */
function stageFromQuantile(upper: number): number {
  const [, s2, s3, s4] = NEPHROPATHY_STAGE_SHARES;
  if (upper < s4) return 4;
  if (upper < s4 + s3) return 3;
  if (upper < s4 + s3 + s2) return 2;
  return 1;
}

/** Standard normal CDF (Abramowitz–Stegun 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}

/**
 * Expected acute admissions a year: the age-sex base rate × frailty × the diseases' relative hazards,
 * divided by the age's average disease multiplier so that the population rate stays on the base.
 */
export function admissionRate(
  age: number,
  sex: 1 | 2,
  frailty: number,
  diseases: Record<string, boolean>,
  dialysis: boolean,
): number {
  const base = interpolateBands(ADMISSIONS_PER_100, age) / 100;
  let mult = 1;
  let avg = 1;
  for (const d of DISEASES) {
    const share = interpolate(sex === 1 ? d.male : d.female, age);
    avg += (d.admissionRR - 1) * share;
    if (diseases[d.key]) mult += d.admissionRR - 1;
  }
  if (dialysis) mult += 2;
  const beta = 0.5;
  return (base * Math.exp(beta * frailty - (beta * beta) / 2) * mult) / avg;
}

/** Value of a table given by 5-year bands 0–4 … 90+ (index = min(18, floor(age / 5))). */
export function interpolateBands(table: readonly number[], age: number): number {
  return table[Math.min(table.length - 1, Math.floor(Math.max(0, age) / 5))] as number;
}

/** Mortality multiplier for population.ts: frailty (mean 1) and, on dialysis, at least the JSDT rate. */
export function deathProbabilityFor(seed: number, p: Person, age: number, q: number): number {
  const beta = FRAILTY_MORTALITY_BETA;
  const h = healthLatent(seed, p);
  const base = Math.min(1, q * Math.exp(beta * h.frailty - (beta * beta) / 2));
  return age >= 20 && onDialysis(h, p, age) ? Math.max(base, DIALYSIS.mortality) : base;
}

export { mix };
