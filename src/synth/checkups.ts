// 特定健診 of the synthetic population: who attends (by insurer type, 本人/家族 and a persistent personal
// propensity) and what is measured. Each person carries a latent metabolic factor g that drifts slowly
// over the years, and persistent item effects; an item's value is its age-sex mean plus its spread times
// (loading × g + the rest), on a normal or log-normal scale (data/checkup.ts). Medication and history
// answers go to the people with the highest latent values in the published shares, so that treated
// people are the ones with the risk.
import { checkDigit } from '../util/check-digit.js';
import { conditionScores, conditionsFrom, type Latent, metabolicFactor, mix, personLatent, probit } from './conditions.js';
import {
  bandIndex,
  LIFESTYLE,
  LIVER,
  LOADING,
  MEANS,
  PAIRED,
  PARTICIPATION,
  QUESTIONNAIRE,
  SPREAD,
  URINE_PROTEIN_PLUS,
} from './data/checkup.js';
import { addDays, ageOn, type Person, type Span } from './population.js';
import { Rng, streamSeed } from './rng.js';

const ITEMS = ['bmi', 'waist', 'sbp', 'dbp', 'hba1c', 'fpg', 'tg', 'hdl', 'ldl', 'ggt', 'alt', 'ast', 'egfr'] as const;
type Item = (typeof ITEMS)[number];

export function latent(seed: number, p: Person): Latent {
  return personLatent(seed, p);
}

export interface SynthCheckup {
  person: Person;
  span: Span;
  examDate: string;
  values: Record<string, number | boolean>;
}

/** The 特定健診 of one person in one 年度, or null (not a target, or did not attend). */
export function checkupFor(
  seed: number,
  p: Person,
  fy: number,
  lat: Latent = latent(seed, p),
  adjust: { weightFactor: number; waistCm: number } = { weightFactor: 1, waistCm: 0 },
): SynthCheckup | null {
  const fyEnd = `${fy + 1}-03-31`;
  const age = ageOn(p.birth, fyEnd);
  if (age < 40 || age > 74) return null;
  const r = new Rng(streamSeed(seed, p.id, fy));
  const examDate = addDays(`${fy}-05-01`, r.int(300));
  if (p.death && p.death <= examDate) return null;
  const span = p.spans.find((s) => s.start <= examDate && (s.end === null || s.end >= examDate));
  if (!span) return null;
  const part = PARTICIPATION[span.insurer.type];
  if (!part) return null;
  const base = span.relation === '本人' ? part.honnin : part.kazoku;
  if (mix(lat.z.participation as number, 0.8, r.normal()) > probit(base)) return null;

  const sex = p.sex === 1 ? 'male' : 'female';
  const band = bandIndex(age);
  const g = metabolicFactor(seed, p, lat, fy);
  const conditions = conditionsFrom(conditionScores(lat, g), age, p.sex);
  const z: Record<string, number> = {};
  for (const item of ITEMS) {
    const own = mix(lat.z[item] as number, 0.85, r.normal());
    z[item] = mix(g, LOADING[item] ?? 0, own);
  }
  for (const [item, [partner, w]] of Object.entries(PAIRED)) z[item] = mix(z[partner] as number, w, z[item] as number);
  const value = (item: Item): number => {
    if (item === 'ast' || item === 'alt') {
      const [median, sigma] = LIVER[item][sex];
      return median * Math.exp(sigma * (z[item] as number));
    }
    const mean = (MEANS[item] as { male: readonly number[]; female: readonly number[] })[sex][band] as number;
    const spread = SPREAD[item];
    if (!spread) return mean;
    const s = spread[sex];
    const sd = typeof s === 'number' ? s : (s[band] as number);
    if (spread.kind === 'normal') return mean + sd * (z[item] as number);
    return mean * Math.exp(-0.5 * sd * sd) * Math.exp(sd * (z[item] as number));
  };
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  const height = round(
    (p.sex === 1 ? 171 - 0.12 * (age - 40) : 158 - 0.1 * (age - 40)) + (p.sex === 1 ? 6 : 5.5) * (lat.z.height as number),
    1,
  );
  // Lower physiological floors: the fitted distributions have fatter left tails than real bodies (⚠️).
  // The effect of earlier 特定保健指導 (guidance.ts) shifts weight and waist.
  const bmi = round(Math.max(15.5, value('bmi') * adjust.weightFactor), 1);
  const share = (key: string) => (QUESTIONNAIRE[key]?.[sex][band] ?? 0) / 100;
  // Answers go to the highest latent values: treatment to those with the risk, history likewise.
  const top = (score: number, p0: number) => score > probit(1 - p0);
  const sbp = Math.max(85, Math.round(value('sbp')));
  const values: Record<string, number | boolean> = {
    height_cm: height,
    weight_kg: round((bmi * height * height) / 10000, 1),
    bmi,
    waist_cm: round(Math.max(55 + bmi, value('waist') + adjust.waistCm), 1),
    sbp,
    dbp: Math.max(45, Math.min(Math.round(value('dbp')), sbp - 10)),
    blood_draw_timing: r.chance(0.85) ? 2 : 3,
    hdl_mgdl: Math.max(15, Math.round(value('hdl'))),
    ldl_mgdl: Math.max(30, Math.round(value('ldl'))),
    ast: Math.max(5, Math.round(value('ast'))),
    alt: Math.max(3, Math.round(value('alt'))),
    ggt: Math.max(5, Math.round(value('ggt'))),
    hba1c: round(Math.max(4.2, value('hba1c')), 1),
    // 服薬 answers are the person's treated conditions, the same state that drives their claims.
    med_bp: conditions.hypertension,
    med_glucose: conditions.diabetes,
    med_lipid: conditions.dyslipidemia,
    hist_stroke: top(mix(g, 0.3, lat.z.hist_stroke as number), share('hist_stroke')),
    hist_heart: top(mix(g, 0.3, lat.z.hist_heart as number), share('hist_heart')),
    hist_kidney: top(mix(-(z.egfr as number), 0.5, lat.z.hist_kidney as number), share('hist_kidney')),
    anemia: top(lat.z.anemia as number, share('anemia')),
    smoking: top(lat.z.smoking as number, share('smoking')) ? 1 : r.chance(0.2) ? 2 : 3,
  };
  const fasting = values.blood_draw_timing === 2;
  const tg = Math.max(20, Math.round(value('tg') * (fasting ? 1 : 1.15)));
  values.tg_mgdl = tg;
  values.tg_fasting = fasting;
  if (fasting) values.fpg_mgdl = Math.max(60, Math.round(value('fpg')));
  else values.random_glucose_mgdl = Math.max(60, Math.round(value('fpg') * 1.04));
  const si = p.sex === 1 ? 0 : 1;
  for (const [k, pair] of Object.entries(LIFESTYLE)) {
    if (k === 'daily_drinking') continue;
    values[k] = top(lat.z[k] as number, pair[si] as number);
  }
  values.drinking_freq = top(lat.z.daily_drinking as number, LIFESTYLE.daily_drinking[si]) ? 1 : 1 + r.int(7) + 1;
  values.drinking_amount = 1 + r.int(3);
  values.eating_speed = 1 + r.int(3);
  values.chewing = r.chance(0.8) ? 1 : 2;
  values.snacking = 1 + r.int(3);
  values.improvement_intent = 1 + r.int(5);
  const upPlus = (URINE_PROTEIN_PLUS[sex][band] as number) / 100;
  values.urine_protein = top(mix(-(z.egfr as number), 0.4, r.normal()), upPlus) ? 3 : r.chance(0.05) ? 2 : 1;
  values.urine_glucose = (values.hba1c as number) >= 7.5 && r.chance(0.6) ? 3 : 1;
  if (r.chance(0.7)) {
    // 血清クレアチニン and eGFR (日本人の推算式: eGFR = 194 × Cr^−1.094 × 年齢^−0.287, 女性 × 0.739).
    const egfr = Math.max(5, round(value('egfr'), 1));
    const f = p.sex === 1 ? 1 : 0.739;
    values.egfr = egfr;
    values.creatinine = round((egfr / (194 * age ** -0.287 * f)) ** (-1 / 1.094), 2);
  }
  return { person: p, span, examDate, values };
}

/** 健診機関 of the synthetic world (10-digit 機関番号 with a valid check digit). */
export const CHECKUP_ORGS = ['131123456', '131198765', '131155555'].map((payload) => ({
  code: `${payload}${checkDigit(payload)}`,
  name: ['架空健診センター', '架空総合健診クリニック', '架空労働衛生協会'][
    ['131123456', '131198765', '131155555'].indexOf(payload)
  ] as string,
}));
