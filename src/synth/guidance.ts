// 特定保健指導 and the 受診勧奨 letter programme of the synthetic population. Who is offered guidance is
// the official 階層化 (src/rules/hokenshido) applied to the person's 特定健診; who completes it follows
// the published 終了率 with a persistent personal propensity; completion lowers weight and waist at the
// following checkups (a known true effect). The letters are randomised among examinees at high
// 受診勧奨 values and raise the chance of a doctor's visit by a known amount.
import type { GuidanceDocInput } from '../formats/tokutei-xml/writer.js';
import { stratify } from '../rules/hokenshido/stratify.js';
import { checkupFor, type SynthCheckup } from './checkups.js';
import { type Latent, mix, personLatent, probit } from './conditions.js';
import { GUIDANCE_COMPLETION, GUIDANCE_DROPOUT, GUIDANCE_EFFECT, JUSHIN_KANSHO } from './data/programs.js';
import { addDays, ageOn, type Person } from './population.js';
import { Rng, streamSeed } from './rng.js';

export interface GuidanceCourse {
  fy: number;
  level: 1 | 2;
  start: string;
  completed: boolean;
  reports: Omit<GuidanceDocInput, 'facilityCode' | 'facilityName'>[];
}

/** The guidance course that follows a 年度's checkup, or null (not eligible or did not take part). */
export function guidanceFor(seed: number, p: Person, c: SynthCheckup, lat: Latent): GuidanceCourse | null {
  const fy = Number(c.examDate.slice(0, 4)) - (c.examDate.slice(5, 7) < '04' ? 1 : 0);
  const v = c.values;
  const num = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : null);
  const { level } = stratify({
    sex: p.sex,
    age: ageOn(p.birth, `${fy + 1}-03-31`),
    waist: num('waist_cm'),
    bmi: num('bmi'),
    fpg: num('fpg_mgdl'),
    randomGlucose: num('random_glucose_mgdl'),
    hba1c: num('hba1c'),
    tg: num('tg_mgdl'),
    tgFasting: v.tg_fasting === true,
    hdl: num('hdl_mgdl'),
    sbp: num('sbp'),
    dbp: num('dbp'),
    smoker: v.smoking === 1,
    medBp: v.med_bp === true,
    medGlucose: v.med_glucose === true,
    medLipid: v.med_lipid === true,
  });
  if (level === '情報提供') return null;
  const share = GUIDANCE_COMPLETION[c.span.insurer.type] ?? 0.25;
  const r = new Rng(streamSeed(seed, p.id, 0x9d1, fy));
  // Taking part: a persistent propensity (the same people keep declining) plus this year's chance.
  const startShare = Math.min(0.95, share / (1 - GUIDANCE_DROPOUT));
  if (mix(lat.z.participation as number, 0.7, r.normal()) <= probit(1 - startShare)) return null;
  const completed = !r.chance(GUIDANCE_DROPOUT);
  const start = addDays(c.examDate, 30 + r.int(60));
  const lv = level === '積極的支援' ? 1 : 2;
  const person = {
    insurerNumber: c.span.insurer.number,
    kigo: c.span.kigo,
    bango: c.span.bango,
    edaban: c.span.edaban,
    kanaName: `${p.surnameKana}　${p.givenKana}`,
    sex: p.sex,
    birthDate: p.birth,
  };
  const weight = num('weight_kg') ?? 60;
  const waist = num('waist_cm') ?? 85;
  const initial = {
    date: start,
    form: 1,
    minutes: 30 + 10 * r.int(3),
    targetWaist: Math.round(waist - 2),
    targetWeight: Math.round(weight - 2),
  };
  const reports: GuidanceCourse['reports'] = [{ ...person, reportCategory: '21', serviceDate: start, supportLevel: lv, initial }];
  const end = addDays(start, lv === 1 ? 180 : 90 + r.int(90));
  if (completed) {
    const continuous = lv === 1 ? [{ date: addDays(start, 60), form: 2, minutes: 20, points: 180 }] : [];
    // The measured change at the 実績評価 (the true effect plus noise).
    const dw = Math.round((weight * (GUIDANCE_EFFECT.weightFactor - 1) + r.normal(0, 1)) * 10) / 10;
    const dc = Math.round((GUIDANCE_EFFECT.waistCm + r.normal(0, 1.5)) * 10) / 10;
    const outcome = dw <= -2 && dc <= -2 ? 2 : dw <= -1 && dc <= -1 ? 1 : 0;
    reports.push({
      ...person,
      reportCategory: '22',
      serviceDate: end,
      supportLevel: lv,
      initial,
      continuous,
      final: {
        date: end,
        waist: Math.round((waist + dc) * 10) / 10,
        weight: Math.round((weight + dw) * 10) / 10,
        outcomeWaistWeight: outcome as 0 | 1 | 2,
        outcomePoints: outcome === 2 ? 180 : outcome === 1 ? 20 : 0,
      },
    });
  } else {
    reports.push({ ...person, reportCategory: '23', serviceDate: addDays(start, 45), supportLevel: lv, initial });
  }
  return { fy, level: lv, start, completed, reports };
}

/** The shift of weight and waist at a 年度's checkup from guidance completed in the two years before. */
export function guidanceAdjustment(seed: number, p: Person, fy: number, lat: Latent = personLatent(seed, p)) {
  let weightFactor = 1;
  let waistCm = 0;
  for (const [back, strength] of [
    [1, 1],
    [2, GUIDANCE_EFFECT.decay],
  ] as const) {
    const prev = checkupFor(seed, p, fy - back, lat);
    if (!prev) continue;
    const g = guidanceFor(seed, p, prev, lat);
    if (!g?.completed) continue;
    weightFactor *= 1 + (GUIDANCE_EFFECT.weightFactor - 1) * strength;
    waistCm += GUIDANCE_EFFECT.waistCm * strength;
  }
  return { weightFactor, waistCm };
}

/** The 特定健診 of a 年度 with the effect of earlier guidance applied. */
export function checkupWithEffects(
  seed: number,
  p: Person,
  fy: number,
  lat: Latent = personLatent(seed, p),
): SynthCheckup | null {
  const first = checkupFor(seed, p, fy, lat);
  if (!first) return null;
  return checkupFor(seed, p, fy, lat, guidanceAdjustment(seed, p, fy, lat));
}

export interface LetterOutcome {
  eligible: boolean;
  assigned: boolean;
  /** The date of the visit the letter (or nothing) led to, or null. */
  visit: string | null;
  letterDate: string | null;
  reason: 'hypertension' | 'diabetes' | 'dyslipidemia' | null;
}

/** The 受診勧奨 letter programme for one checkup (randomised assignment; true effect in data/programs). */
export function letterFor(seed: number, p: Person, c: SynthCheckup | null): LetterOutcome {
  const none: LetterOutcome = { eligible: false, assigned: false, visit: null, letterDate: null, reason: null };
  if (!c) return none;
  const v = c.values;
  const t = JUSHIN_KANSHO.thresholds;
  const n = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : 0);
  const reason =
    !v.med_bp && (n('sbp') >= t.sbp || n('dbp') >= t.dbp)
      ? 'hypertension'
      : !v.med_glucose && (n('hba1c') >= t.hba1c || n('fpg_mgdl') >= t.fpg)
        ? 'diabetes'
        : !v.med_lipid && n('ldl_mgdl') >= t.ldl
          ? 'dyslipidemia'
          : null;
  if (!reason) return none;
  const r = new Rng(streamSeed(seed, p.id, 0x1e77, Number(c.examDate.slice(0, 4))));
  const assigned = r.chance(JUSHIN_KANSHO.assign);
  const letterDate = addDays(c.examDate, JUSHIN_KANSHO.letterAfterDays);
  const visits = r.chance(JUSHIN_KANSHO.baseline + (assigned ? JUSHIN_KANSHO.effect : 0));
  return {
    eligible: true,
    assigned,
    letterDate: assigned ? letterDate : null,
    visit: visits ? addDays(letterDate, r.int(JUSHIN_KANSHO.windowDays)) : null,
    reason,
  };
}
