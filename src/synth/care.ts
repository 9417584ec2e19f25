// Long-term care (介護保険) of the synthetic population: 要介護認定, monthly 介護給付費明細 and yearly Barthel
// Index assessments, written as the documented CSV files (docs/formats/care.md).
//
// Mechanisms (parameters and sources in ./data/care.ts):
// - Onset is a liability-threshold model. A person's frailty f (standard normal, disease-linked, from the
//   caller) is fixed; the person is certified from the age a at which the published certification rate
//   P(a) (§9.1, 第2号 for 40–64) reaches 1 − Φ(f). Since P(a) rises with age, certification is absorbing and
//   the share certified at each age equals P(a) exactly for any population with f ~ N(0, 1) (mortality
//   independent of f). P(a) is logit-linear between band anchors calibrated at load so that each band's
//   average equals the published rate.
// - Level: the person's rank among the certified of the same age, u = (1 − Φ(f)) / P(a) ∈ (0, 1], mixed with a
//   fixed personal factor, is mapped to the §9.2 level mix (most severe = smallest u). The mix is exact at every
//   age; as P(a) grows with age, u falls and the level worsens; it is re-decided at every 認定.
// - 認定: 新規 (有効期間 申請月 + 6 か月), then 更新 every 12 months, decided ≈ 30–50 days after 申請 (新規) or
//   before the new period (更新); no decision after death.
// - Care use: 76.5% of the certified are recipients (a fixed personal draw). 要支援 use 介護予防支援 and a
//   総合事業 or 予防 service; 要介護 live in a 施設 (特養 only from 要介護3), in 居住系 (グループホーム・特定施設) or
//   at home with 居宅介護支援 and a plan of services whose volumes are scaled so that the expected cost per
//   recipient-month equals the published mean by level group (27.9千円 / 203.1千円).
// - Barthel Index once a year for recipients, around a typical total by level, decomposed into the 10 items
//   following the ADL hierarchy.
// Randomness: per-person streams (streamSeed(seed, id, salt, k)), so a person's output does not depend on
// other persons or on the order of generation; the same seed gives the same bytes.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import {
  BARTHEL_ITEMS,
  type BarthelInput,
  type BarthelItems,
  CARE_FILES,
  CARE_LEVELS,
  type CareCertificationInput,
  type CareClaimInput,
  type CareIdentity,
  type CareLevelCode,
  careClaimAmounts,
  csvLine,
  unitPrice,
} from '../formats/csv/care.js';
import type { FacilityInput } from '../formats/csv/facilities.js';
import { checkDigit } from '../util/check-digit.js';
import {
  BARTHEL_LOSS_WEIGHT,
  BARTHEL_MEAN_BY_LEVEL,
  BARTHEL_SD,
  BENEFIT_LIMIT_UNITS,
  BURDEN_SHARE,
  CERTIFICATION_RATE_BY_AGE,
  COST_BY_LEVEL,
  DECISION_DAYS,
  FACILITY_SHARE,
  HOME_PLAN,
  LABOUR_SHARE_BY_SERVICE,
  LEVEL_MIX,
  LEVEL_RANK_WEIGHT,
  MONTHLY_VARIATION,
  OLDEST_BAND_WEIGHTS,
  RECIPIENTS_PER_CERTIFIED,
  RESIDENTIAL_SHARE,
  SECOND_INSURED_RATE,
  SECOND_INSURED_SHAPE,
  SERVICE_UNITS,
  SUPPORT_PLAN,
  UTILISATION_SPREAD,
  VALIDITY_MONTHS,
  WELFARE_FACILITY_SHARE,
} from './data/care.js';
import { POPULATION_2022 } from './data/demography.js';
import { MUNICIPALITIES } from './data/insurers.js';
import { Rng, streamSeed } from './rng.js';

export interface CarePerson {
  id: number;
  name: string;
  kanaName: string;
  sex: 1 | 2;
  birth: string;
  death: string | null;
  /** 6-digit 市区町村コード incl. check digit, as in the member register. */
  municipality: string;
  /** Standard normal, higher = frailer (the caller passes a disease-linked value). */
  frailty: number;
}

export interface CareYear {
  fy: number;
  /** Level in effect at the end of the 年度 (or at death): 要支援1 … 要介護5, or null. */
  level: string | null;
  /** Start of the first 認定 (onset), when certified by the end of the 年度; else null. */
  certifiedFrom: string | null;
  /** 費用額 per month with claims in the 年度 (0 without claims). */
  monthlyCostYen: number;
  /** 費用額 in the 年度. */
  costYen: number;
}

export interface CareSimulation {
  years: CareYear[];
  certifications: CareCertificationInput[];
  claims: CareClaimInput[];
  assessments: BarthelInput[];
}

// ---- numerics ---------------------------------------------------------------------------------------

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Inverse standard normal CDF (Acklam; relative error < 1.2e-9). */
export function normalInv(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

// ---- certification rate by exact age ---------------------------------------------------------------

const FIRST_ANCHORS = CERTIFICATION_RATE_BY_AGE.map((b) => (b.hi > 100 ? 92.5 : (b.lo + b.hi) / 2));
const MAX_RATE = 0.99;

function firstInsuredRate(age: number, logits: number[]): number {
  const xs = FIRST_ANCHORS;
  let i = 0;
  while (i < xs.length - 2 && age > (xs[i + 1] as number)) i++;
  const x0 = xs[i] as number;
  const x1 = xs[i + 1] as number;
  const y0 = logits[i] as number;
  const y1 = logits[i + 1] as number;
  return Math.min(MAX_RATE, expit(y0 + ((y1 - y0) * (age - x0)) / (x1 - x0)));
}

function secondInsuredShape(age: number): number {
  const { lowAge, highAge, ratio } = SECOND_INSURED_SHAPE;
  return Math.exp((Math.log(ratio) * (age - lowAge)) / (highAge - lowAge));
}

function average(f: (a: number) => number, lo: number, hi: number): number {
  const n = 200;
  let s = 0;
  for (let k = 0; k < n; k++) s += f(lo + ((k + 0.5) * (hi - lo)) / n);
  return s / n;
}

/** Band average of the first-insured curve (90+: weighted by the 90–94 / 95–99 / 100+ population). */
function bandAverage(band: (typeof CERTIFICATION_RATE_BY_AGE)[number], logits: number[]): number {
  const f = (a: number) => firstInsuredRate(a, logits);
  if (band.hi <= 100) return average(f, band.lo, band.hi);
  const w = OLDEST_BAND_WEIGHTS.reduce((s, x) => s + x.weight, 0);
  return OLDEST_BAND_WEIGHTS.reduce((s, x) => s + (x.weight / w) * average(f, x.lo, x.hi), 0);
}

/** Anchor logits such that every band average equals the published rate (fixed-point iteration). */
const FIRST_LOGITS: number[] = (() => {
  const logits = CERTIFICATION_RATE_BY_AGE.map((b) => logit(b.rate));
  for (let it = 0; it < 60; it++) {
    CERTIFICATION_RATE_BY_AGE.forEach((b, i) => {
      logits[i] = (logits[i] as number) + logit(b.rate) - logit(bandAverage(b, logits));
    });
  }
  return logits;
})();

/** Scale of the 第2号 curve so that its population-weighted 40–64 average equals SECOND_INSURED_RATE. */
const SECOND_SCALE: number = (() => {
  let num = 0;
  let den = 0;
  for (let b = 8; b <= 12; b++) {
    const w = (POPULATION_2022.male[b] as number) + (POPULATION_2022.female[b] as number);
    num += w * average(secondInsuredShape, b * 5, b * 5 + 5);
    den += w;
  }
  return SECOND_INSURED_RATE / (num / den);
})();

/** Certification rate at an exact age (years): 第2号 below 65, 第1号 from 65, 0 below 40. */
export function certificationRate(age: number): number {
  if (age < 40) return 0;
  if (age < 65) return SECOND_SCALE * secondInsuredShape(age);
  return firstInsuredRate(age, FIRST_LOGITS);
}

const STEPS_PER_YEAR = 12;
const TABLE_AGES = { from: 40, to: 110 };
/** Monthly table of the (non-decreasing) rate, for onset inversion. */
const RATE_TABLE: Float64Array = (() => {
  const n = (TABLE_AGES.to - TABLE_AGES.from) * STEPS_PER_YEAR + 1;
  const t = new Float64Array(n);
  let max = 0;
  for (let k = 0; k < n; k++) {
    max = Math.max(max, certificationRate(TABLE_AGES.from + k / STEPS_PER_YEAR));
    t[k] = max;
  }
  return t;
})();
const INDEX_65 = (65 - TABLE_AGES.from) * STEPS_PER_YEAR;

/** Age (years, fractional) at which the rate reaches s; null when never (within 110 years). */
function onsetAge(s: number): number | null {
  const t = RATE_TABLE;
  if (s <= (t[0] as number)) return TABLE_AGES.from;
  if (s > (t[t.length - 1] as number)) return null;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as number) >= s) hi = mid;
    else lo = mid + 1;
  }
  if (lo === INDEX_65) return 65; // the jump at 65 (第1号): certified on the 65th birthday
  const t0 = t[lo - 1] as number;
  const t1 = t[lo] as number;
  const frac = t1 > t0 ? (s - t0) / (t1 - t0) : 1;
  return TABLE_AGES.from + (lo - 1 + frac) / STEPS_PER_YEAR;
}

// ---- dates --------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(ms(d) + n * DAY);
const daysBetween = (a: string, b: string) => Math.round((ms(b) - ms(a)) / DAY);
const pad2 = (n: number) => String(n).padStart(2, '0');
function addMonths(ym: string, n: number): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7)) - 1 + n;
  return `${y + Math.floor(m / 12)}-${pad2((((m % 12) + 12) % 12) + 1)}`;
}
const monthEnd = (ym: string) => addDays(`${addMonths(ym, 1)}-01`, -1);
function birthday(birth: string, years: number): string {
  const y = Number(birth.slice(0, 4)) + years;
  if (birth.slice(5) === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-03-01`;
  return `${y}${birth.slice(4)}`;
}
const ageYears = (birth: string, on: string) => daysBetween(birth, on) / 365.2425;
const minDate = (a: string, b: string | null) => (b !== null && b < a ? b : a);
const maxDate = (a: string, b: string) => (b > a ? b : a);

// ---- people, providers, prices ------------------------------------------------------------------------

/** 介護保険者番号 of a municipality: 都道府県 2 + 市区町村 3 + 検証番号 (the 保険者番号 rule). */
export function careInsurerNumber(municipality: string): string {
  const payload = municipality.slice(0, 5);
  return `${payload}${checkDigit(payload)}`;
}

/** Synthetic 介護被保険者番号 (10 digits, unique per person id). */
export const insuredNumber = (id: number) => String(id % 10_000_000_000).padStart(10, '0');

/** Services whose 事業所 is shared (総合事業 and 予防 services are given by the same 事業所). */
const PROVIDER_OF: Record<string, string> = { A2: '11', A6: '15', '66': '16', '67': '17' };
const PROVIDER_KIND: Record<string, { digit: string; label: string }> = {
  '11': { digit: '7', label: '訪問介護ステーション' },
  '13': { digit: '6', label: '訪問看護ステーション' },
  '15': { digit: '7', label: 'デイサービスセンター' },
  '16': { digit: '7', label: '通所リハビリテーション' },
  '17': { digit: '7', label: '福祉用具レンタル' },
  '21': { digit: '7', label: 'ショートステイ' },
  '32': { digit: '9', label: 'グループホーム' },
  '33': { digit: '7', label: '介護付き有料老人ホーム' },
  '43': { digit: '7', label: '居宅介護支援事業所' },
  '46': { digit: '0', label: '地域包括支援センター' },
  '51': { digit: '7', label: '特別養護老人ホーム' },
  '52': { digit: '5', label: '介護老人保健施設' },
};
const PROVIDER_SERVICES = Object.keys(PROVIDER_KIND);

/**
 * 介護保険事業所番号 of the synthetic 事業所 in a municipality: 都道府県 2 + 事業所区分 1 + 郡市区 2 + 番号 4 +
 * 検証番号 1 (public descriptions of the numbering; the reader does not check the last digit).
 */
export function careProviderCode(municipality: string, service: string, variant = 0): string {
  const base = PROVIDER_OF[service] ?? service;
  const kind = PROVIDER_KIND[base] ?? { digit: '7', label: '' };
  const serial = `${String(PROVIDER_SERVICES.indexOf(base) + 1).padStart(2, '0')}${variant}1`;
  const payload = `${municipality.slice(0, 2)}${kind.digit}${municipality.slice(3, 5)}${serial}`;
  return `${payload}${checkDigit(payload)}`;
}

/** The synthetic 介護事業所 of the given municipalities, as facility-list rows (for 医療機関等一覧). */
export function careProviderFacilities(municipalities: string[]): FacilityInput[] {
  const out: FacilityInput[] = [];
  for (const muni of municipalities) {
    const ward = MUNICIPALITIES.find((m) => m.code === muni)?.name ?? muni;
    for (const base of PROVIDER_SERVICES) {
      const kind = PROVIDER_KIND[base] as { digit: string; label: string };
      for (let v = 0; v < 2; v++) {
        out.push({
          code: careProviderCode(muni, base, v),
          name: `架空${ward}${kind.label}${v ? '第二' : ''}`,
          type: '介護事業所',
          prefectureCode: muni.slice(0, 2),
          municipalityCode: muni,
          beds: null,
          functions: [base, ...Object.keys(PROVIDER_OF).filter((s) => PROVIDER_OF[s] === base)],
        });
      }
    }
  }
  return out;
}

/** 地域区分 of a municipality: 東京23区 (特別区, 131xxx) 1級地, elsewhere その他 ⚠️ (a full table is not shipped). */
const areaGrade = (municipality: string) => (municipality.startsWith('131') ? 1 : 8);
function priceOf(service: string, municipality: string): number {
  const share = LABOUR_SHARE_BY_SERVICE[service] ?? 0.45;
  return share === 0 ? 10 : unitPrice(areaGrade(municipality), share);
}

// ---- level and plan calibration --------------------------------------------------------------------------

const SEVERE_FIRST = [...LEVEL_MIX].reverse();
const LEVEL_TOTAL = LEVEL_MIX.reduce((s, l) => s + l.count, 0);
const CUMULATIVE: { code: CareLevelCode; upTo: number }[] = (() => {
  let c = 0;
  return SEVERE_FIRST.map((l) => {
    c += l.count / LEVEL_TOTAL;
    return { code: l.code, upTo: c };
  });
})();

function levelFor(u: number, personal: number): CareLevelCode {
  const z = LEVEL_RANK_WEIGHT * normalInv(Math.min(u, 1 - 1e-12)) + Math.sqrt(1 - LEVEL_RANK_WEIGHT ** 2) * personal;
  const v = normalCdf(z);
  for (const c of CUMULATIVE) if (v < c.upTo) return c.code;
  return '12';
}

const MEAN_DAYS = 30.4375;
const TOKYO = '131016';
const care = (i: number) => i as 0 | 1 | 2 | 3 | 4;
const floorCost = (units: number, service: string) => Math.floor((units * Math.round(priceOf(service, TOKYO) * 100)) / 100);

/** Home services of 要介護 plans, with their per-unit units by level and cap per covered day. */
const HOME_SERVICES = [
  { key: 'homeHelp', service: '11', units: () => SERVICE_UNITS.homeHelp, capPerDay: 3 },
  { key: 'dayCare', service: '15', units: (i: number) => SERVICE_UNITS.dayCare[care(i)], capPerDay: 1 },
  { key: 'dayRehab', service: '16', units: (i: number) => SERVICE_UNITS.dayRehab[care(i)], capPerDay: 1 },
  { key: 'homeNursing', service: '13', units: () => SERVICE_UNITS.homeNursing, capPerDay: 1 },
  { key: 'shortStay', service: '21', units: (i: number) => SERVICE_UNITS.shortStay[care(i)], capPerDay: 1 },
] as const;

const facilityDayUnits = (i: number, welfare: boolean) =>
  welfare ? SERVICE_UNITS.welfareFacility[care(i)] : SERVICE_UNITS.healthFacility[care(i)];
const residentialDayUnits = (i: number, groupHome: boolean) =>
  groupHome ? SERVICE_UNITS.groupHome[care(i)] : SERVICE_UNITS.specifiedFacility[care(i)];

/** Services a home plan uses: the drawn ones, or the most common one of the level when none was drawn. */
function homeUses(drawn: Record<string, boolean>, i: number): Record<string, boolean> {
  if (HOME_SERVICES.some((h) => drawn[h.key])) return drawn;
  const common = HOME_SERVICES.reduce((best, h) => (HOME_PLAN[h.key].p[care(i)] > HOME_PLAN[best.key].p[care(i)] ? h : best));
  return { ...drawn, [common.key]: true };
}

/** Share of a plan's units each service gets (base volume × units per visit, among the services used). */
function homeWeights(uses: Record<string, boolean>, i: number): number[] {
  const w = HOME_SERVICES.map((h) => (uses[h.key] ? HOME_PLAN[h.key].volume[care(i)] * h.units(i) : 0));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}

/**
 * Mean share of the 区分支給限度基準額 used by home plans, by 要介護 level: the expected cost per recipient-month
 * (1級地 prices, a mean month) equals COST_BY_LEVEL given the setting shares. The expected price per unit
 * is exact over the 2^5 combinations of services a plan can use.
 */
export const HOME_UTILISATION: number[] = [0, 1, 2, 3, 4].map((i) => {
  const code = `2${i + 1}`;
  const f = FACILITY_SHARE[care(i)];
  const r = RESIDENTIAL_SHARE[care(i)];
  const welfare = i >= 2 ? WELFARE_FACILITY_SHARE : 0;
  const fac =
    MEAN_DAYS *
    (welfare * floorCost(facilityDayUnits(i, true), '51') + (1 - welfare) * floorCost(facilityDayUnits(i, false), '52'));
  const res = MEAN_DAYS * 0.5 * (floorCost(residentialDayUnits(i, true), '32') + floorCost(residentialDayUnits(i, false), '33'));
  const home = ((COST_BY_LEVEL[code] as number) - f * fac - r * res) / (1 - f - r);
  let price = 0;
  for (let mask = 0; mask < 1 << HOME_SERVICES.length; mask++) {
    const drawn: Record<string, boolean> = {};
    let prob = 1;
    HOME_SERVICES.forEach((h, k) => {
      const use = (mask >> k) & 1;
      drawn[h.key] = use === 1;
      prob *= use ? HOME_PLAN[h.key].p[care(i)] : 1 - HOME_PLAN[h.key].p[care(i)];
    });
    const w = homeWeights(homeUses(drawn, i), i);
    price += prob * HOME_SERVICES.reduce((s, h, k) => s + (w[k] as number) * priceOf(h.service, TOKYO), 0);
  }
  const eqUnits = SERVICE_UNITS.equipment[care(i)];
  const eqP = HOME_PLAN.equipment.p[care(i)];
  const limit = BENEFIT_LIMIT_UNITS[code] as number;
  // cost ≈ 居宅介護支援 + 福祉用具 (10.00) + (U × limit − 福祉用具 units) × mean price of the other services
  const m = (home - floorCost(SERVICE_UNITS.careManagement[care(i)], '43') - eqP * eqUnits * (10 - price)) / (limit * price);
  if (!(m > 0.1 && m < 0.95)) throw new Error(`care calibration: home utilisation ${m} for ${code}`);
  return m;
});

/** Personal share of the limit: Φ(μ + σZ) has mean Φ(μ / √(1 + σ²)) = HOME_UTILISATION. */
const utilisationOf = (i: number, z: number) =>
  normalCdf(Math.sqrt(1 + UTILISATION_SPREAD ** 2) * normalInv(HOME_UTILISATION[i] as number) + UTILISATION_SPREAD * z);

const SUPPORT_MAIN_UNITS: Record<string, readonly [number, number]> = {
  A6: SERVICE_UNITS.communityDay,
  A2: SERVICE_UNITS.communityHomeHelp,
  '66': SERVICE_UNITS.preventiveDayRehab,
};

/** Share of 要支援 recipients using a main service, so that the expected cost equals COST_BY_LEVEL. */
export const SUPPORT_MAIN_USE: number[] = [0, 1].map((i) => {
  const code = `1${i + 2}`;
  const fixed =
    floorCost(SERVICE_UNITS.supportManagement, '46') +
    SUPPORT_PLAN.equipment[i as 0 | 1] * floorCost(SERVICE_UNITS.preventiveEquipment[i as 0 | 1], '67');
  const main = SUPPORT_PLAN.main.reduce(
    (s, m) => s + m.share * floorCost((SUPPORT_MAIN_UNITS[m.service] as readonly [number, number])[i] as number, m.service),
    0,
  );
  const q = ((COST_BY_LEVEL[code] as number) - fixed) / main;
  if (!(q > 0 && q <= 1)) throw new Error(`care calibration: main service share ${q} for ${code}`);
  return q;
});

// ---- simulation -------------------------------------------------------------------------------------------

const SALT = { traits: 0xca7e, cert: 0xca01, plan: 0xca02, month: 0xca03, barthel: 0xca04 } as const;

interface Traits {
  recipient: boolean;
  setting: number;
  welfare: number;
  groupHome: number;
  benefitRate: number;
  levelFactor: number;
  barthelFactor: number;
  assessMonth: number;
  variant: number;
}

function traitsOf(seed: number, p: CarePerson): Traits {
  const r = new Rng(streamSeed(seed, p.id, SALT.traits));
  const recipient = r.next() < RECIPIENTS_PER_CERTIFIED;
  const setting = r.next();
  const welfare = r.next();
  const groupHome = r.next();
  const benefitRate = (BURDEN_SHARE[r.weighted(BURDEN_SHARE.map((b) => b.share))] as (typeof BURDEN_SHARE)[number]).rate;
  return {
    recipient,
    setting,
    welfare,
    groupHome,
    benefitRate,
    levelFactor: r.normal(),
    barthelFactor: r.normal(),
    assessMonth: r.int(12),
    variant: r.int(2),
  };
}

interface Plan {
  uses: Record<string, boolean>;
  equipment: boolean;
  supportMain: string | null;
  /** Share of the 区分支給限度基準額 used (home plans). */
  utilisation: number;
}

function planOf(seed: number, p: CarePerson, k: number, code: CareLevelCode): Plan {
  const r = new Rng(streamSeed(seed, p.id, SALT.plan, k));
  const uses: Record<string, boolean> = {};
  if (code === '12' || code === '13') {
    const i = code === '12' ? 0 : 1;
    const main = r.next() < (SUPPORT_MAIN_USE[i] as number);
    const pick = SUPPORT_PLAN.main[r.weighted(SUPPORT_PLAN.main.map((m) => m.share))] as (typeof SUPPORT_PLAN.main)[number];
    return {
      uses,
      equipment: r.next() < SUPPORT_PLAN.equipment[i as 0 | 1],
      supportMain: main ? pick.service : null,
      utilisation: 0,
    };
  }
  const i = Number(code[1]) - 1;
  for (const h of HOME_SERVICES) uses[h.key] = r.next() < HOME_PLAN[h.key].p[care(i)];
  const equipment = r.next() < HOME_PLAN.equipment.p[care(i)];
  return { uses: homeUses(uses, i), equipment, supportMain: null, utilisation: utilisationOf(i, r.normal()) };
}

interface Period {
  k: number;
  from: string;
  to: string;
  code: CareLevelCode;
  plan: Plan;
}

/**
 * Simulates one person's care from the start of `fromFy` to the end of `toFy`: pure and deterministic given
 * seed and person id. Certifications overlapping the window (including the one in force at its start),
 * monthly claims and yearly Barthel assessments inside it.
 */
export function simulateCare(seed: number, p: CarePerson, fromFy: number, toFy: number): CareSimulation {
  const winStart = `${fromFy}-04-01`;
  const winEnd = `${toFy + 1}-03-31`;
  const t = traitsOf(seed, p);
  const s = normalCdf(-p.frailty); // 1 − Φ(f): the rate at which this person is certified
  const id: CareIdentity = {
    careInsurerNumber: careInsurerNumber(p.municipality),
    insuredNumber: insuredNumber(p.id),
    kanaName: p.kanaName,
    sex: p.sex,
    birthDate: p.birth,
  };
  const levelOn = (date: string): CareLevelCode => {
    const rate = certificationRate(ageYears(p.birth, date));
    return levelFor(rate > 0 ? s / rate : 1, t.levelFactor);
  };

  // 認定 timeline from onset.
  const periods: Period[] = [];
  const certifications: CareCertificationInput[] = [];
  const a = onsetAge(s);
  const onset = a === null ? null : addDays(birthday(p.birth, Math.floor(a)), Math.floor((a - Math.floor(a)) * 365.2425));
  if (onset !== null && (p.death === null || onset < p.death)) {
    let from = onset;
    for (let k = 0; from <= winEnd && (p.death === null || from <= p.death); k++) {
      const r = new Rng(streamSeed(seed, p.id, SALT.cert, k));
      const first = k === 0;
      const decision = first
        ? addDays(from, DECISION_DAYS.min + r.int(DECISION_DAYS.spread))
        : addDays(from, -(10 + r.int(DECISION_DAYS.spread + 10)));
      if (decision > winEnd || (p.death !== null && decision > p.death)) break;
      const months = first ? VALIDITY_MONTHS.first - (from.endsWith('-01') ? 1 : 0) : VALIDITY_MONTHS.renewal - 1;
      const to = monthEnd(addMonths(from.slice(0, 7), months));
      // The 認定 assesses the need over the coming period: the person's state at its middle (so that the level
      // mix in force on any date is the §9.2 mix, without a lag of half a period).
      const mid = addDays(from, Math.floor(daysBetween(from, to) / 2));
      const code = levelOn(maxDate(mid, decision));
      periods.push({ k, from, to, code, plan: planOf(seed, p, k, code) });
      if (to >= winStart) {
        certifications.push({
          ...id,
          name: p.name,
          applicationKind: first ? '新規' : '更新',
          decisionDate: decision,
          levelCode: code,
          validFrom: from,
          validTo: to,
        });
      }
      from = addDays(to, 1);
    }
  }

  // Monthly claims.
  const claims: CareClaimInput[] = [];
  const monthCost = new Map<string, number>();
  if (t.recipient && periods.length > 0) {
    for (let ym = winStart.slice(0, 7); ym <= winEnd.slice(0, 7); ym = addMonths(ym, 1)) {
      const start = `${ym}-01`;
      const end = minDate(monthEnd(ym), p.death);
      if (end < start) break;
      let covered = 0;
      let current: Period | null = null;
      for (const per of periods) {
        const f = maxDate(per.from, start);
        const l = minDate(per.to, end);
        if (l >= f) {
          covered += daysBetween(f, l) + 1;
          current = per;
        }
      }
      if (!current || covered === 0) continue;
      const lines = monthClaims(seed, p, id, t, current, ym, covered, start);
      let cost = 0;
      for (const c of lines) {
        claims.push(c);
        cost += c.costYen;
      }
      if (cost > 0) monthCost.set(ym, cost);
    }
  }

  // Yearly Barthel assessments for recipients.
  const assessments: BarthelInput[] = [];
  if (t.recipient && periods.length > 0) {
    for (let fy = fromFy; fy <= toFy; fy++) {
      const r = new Rng(streamSeed(seed, p.id, SALT.barthel, fy));
      const date = `${addMonths(`${fy}-04`, t.assessMonth)}-${pad2(1 + r.int(28))}`;
      if (p.death !== null && date > p.death) continue;
      const per = periods.find((x) => x.from <= date && x.to >= date);
      if (!per) continue;
      const mean = BARTHEL_MEAN_BY_LEVEL[per.code] as number;
      const target = mean + BARTHEL_SD.person * t.barthelFactor + BARTHEL_SD.year * r.normal();
      const total = Math.max(0, Math.min(100, Math.round(target / 5) * 5));
      const items = barthelItems(total, r);
      assessments.push({ ...id, assessmentDate: date, providerCode: mainProvider(p, t, per), items, total });
    }
  }

  // Truth by 年度.
  const years: CareYear[] = [];
  for (let fy = fromFy; fy <= toFy; fy++) {
    const fyStart = `${fy}-04-01`;
    if (p.birth > fyStart || (p.death !== null && p.death < fyStart)) continue;
    const endDate = minDate(`${fy + 1}-03-31`, p.death);
    const per = periods.find((x) => x.from <= endDate && x.to >= endDate);
    let cost = 0;
    let months = 0;
    for (let k = 0; k < 12; k++) {
      const c = monthCost.get(addMonths(`${fy}-04`, k));
      if (c) {
        cost += c;
        months++;
      }
    }
    years.push({
      fy,
      level: per ? CARE_LEVELS[per.code] : null,
      certifiedFrom: onset !== null && onset <= endDate ? onset : null,
      monthlyCostYen: months ? Math.round(cost / months) : 0,
      costYen: cost,
    });
  }
  return { years, certifications, claims, assessments };
}

function monthClaims(
  seed: number,
  p: CarePerson,
  id: CareIdentity,
  t: Traits,
  per: Period,
  ym: string,
  covered: number,
  start: string,
): CareClaimInput[] {
  const r = new Rng(streamSeed(seed, p.id, SALT.month, Number(ym.replace('-', ''))));
  const days = Number(monthEnd(ym).slice(8));
  const frac = covered / days;
  const rate = ageYears(p.birth, start) < 65 ? 90 : t.benefitRate;
  const out: CareClaimInput[] = [];
  const line = (service: string, units: number, serviceDays: number | null) => {
    if (units <= 0) return;
    const price = priceOf(service, p.municipality);
    const benefitRate = service === '43' || service === '46' ? 100 : rate;
    const amounts = careClaimAmounts(units, price, benefitRate);
    out.push({
      careInsurerNumber: id.careInsurerNumber,
      insuredNumber: id.insuredNumber,
      kanaName: id.kanaName,
      sex: id.sex,
      birthDate: id.birthDate,
      levelCode: per.code,
      serviceMonth: `${ym}-01`,
      providerCode: careProviderCode(p.municipality, service, t.variant),
      serviceType: service,
      serviceDays,
      units,
      unitPrice: price,
      costYen: amounts.costYen,
      benefitRate,
      benefitYen: amounts.benefitYen,
      publicYen: 0,
      patientShareYen: amounts.patientShareYen,
    });
  };
  if (per.code === '12' || per.code === '13') {
    const i = per.code === '12' ? 0 : 1;
    line('46', SERVICE_UNITS.supportManagement, null);
    if (per.plan.supportMain) {
      const units = (SUPPORT_MAIN_UNITS[per.plan.supportMain] as readonly [number, number])[i] as number;
      line(per.plan.supportMain, Math.round(units * frac), null); // 月額包括, 日割 for part months
    }
    if (per.plan.equipment) line('67', SERVICE_UNITS.preventiveEquipment[i as 0 | 1], null);
    return out;
  }
  const i = Number(per.code[1]) - 1;
  const f = FACILITY_SHARE[care(i)];
  const res = RESIDENTIAL_SHARE[care(i)];
  if (t.setting < f) {
    const welfare = i >= 2 && t.welfare < WELFARE_FACILITY_SHARE;
    line(welfare ? '51' : '52', facilityDayUnits(i, welfare) * covered, covered);
    return out;
  }
  if (t.setting < f + res) {
    const gh = t.groupHome < 0.5;
    line(gh ? '32' : '33', residentialDayUnits(i, gh) * covered, covered);
    return out;
  }
  line('43', SERVICE_UNITS.careManagement[care(i)], null);
  // The plan uses its share of the 区分支給限度基準額 (units beyond the limit would be paid in full by the
  // user and are not claimed), shared among its services; part months pro rata.
  const limit = BENEFIT_LIMIT_UNITS[per.code] as number;
  const equipment = per.plan.equipment ? SERVICE_UNITS.equipment[care(i)] : 0;
  const vary = 1 + MONTHLY_VARIATION * (2 * r.next() - 1);
  const budget = Math.max(0, Math.min(limit, per.plan.utilisation * limit * vary) - equipment) * frac;
  const w = homeWeights(per.plan.uses, i);
  HOME_SERVICES.forEach((h, k) => {
    const n = Math.min(h.capPerDay * covered, Math.round((budget * (w[k] as number)) / h.units(i)));
    if (n > 0) line(h.service, n * h.units(i), Math.min(n, covered));
  });
  if (equipment) line('17', equipment, null);
  return out;
}

/** The 事業所 that assesses ADL: the facility, else the day service, else the care manager. */
function mainProvider(p: CarePerson, t: Traits, per: Period): string {
  const code = (service: string) => careProviderCode(p.municipality, service, t.variant);
  if (per.code === '12' || per.code === '13') return code(per.plan.supportMain ?? '46');
  const i = Number(per.code[1]) - 1;
  const f = FACILITY_SHARE[care(i)];
  if (t.setting < f) return code(i >= 2 && t.welfare < WELFARE_FACILITY_SHARE ? '51' : '52');
  if (t.setting < f + RESIDENTIAL_SHARE[care(i)]) return code(t.groupHome < 0.5 ? '32' : '33');
  if (per.plan.uses.dayCare) return code('15');
  if (per.plan.uses.dayRehab) return code('16');
  return code('43');
}

/** Items summing to `total`: points are lost 5 at a time, first where ADL is lost first (hierarchy weights). */
export function barthelItems(total: number, r: Rng): BarthelItems {
  const items = Object.fromEntries(BARTHEL_ITEMS.map((i) => [i.key, Math.max(...i.values)])) as BarthelItems;
  let deficit = 100 - total;
  while (deficit > 0) {
    const open = BARTHEL_ITEMS.filter((i) => items[i.key] > 0);
    const pick = open[r.weighted(open.map((i) => BARTHEL_LOSS_WEIGHT[i.key] as number))] as (typeof BARTHEL_ITEMS)[number];
    items[pick.key] -= 5;
    deficit -= 5;
  }
  return items;
}

// ---- files ---------------------------------------------------------------------------------------------

/** Writes care/care_certification.csv, care/care_claims.csv and care/barthel.csv (CP932, CRLF), streaming. */
export class CareFiles {
  readonly files: string[];
  rows = 0;
  private readonly streams: WriteStream[];

  /** `suffix`: file-name suffix of a shard of a parallel run ('' otherwise). */
  constructor(outDir: string, suffix = '') {
    this.files = ['care_certification', 'care_claims', 'barthel'].map((f) => `care/${f}${suffix}.csv`);
    mkdirSync(join(outDir, 'care'), { recursive: true });
    const headers = [CARE_FILES.certification.header, CARE_FILES.claims.header, CARE_FILES.barthel.header];
    this.streams = this.files.map((f, i) => {
      const w = createWriteStream(join(outDir, f));
      w.write(iconv.encode(`${csvLine(headers[i] as readonly string[])}\r\n`, 'cp932'));
      return w;
    });
  }

  async add(p: CarePerson, sim: CareSimulation): Promise<void> {
    void p;
    const chunks = [
      sim.certifications.map(CARE_FILES.certification.line),
      sim.claims.map(CARE_FILES.claims.line),
      sim.assessments.map(CARE_FILES.barthel.line),
    ];
    for (let i = 0; i < chunks.length; i++) {
      const lines = chunks[i] as string[];
      if (lines.length === 0) continue;
      this.rows += lines.length;
      const w = this.streams[i] as WriteStream;
      if (!w.write(iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932')))
        await new Promise<void>((res) => w.once('drain', () => res()));
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.streams.map(
        (w) => new Promise<void>((resolve, reject) => w.end((err?: Error | null) => (err ? reject(err) : resolve()))),
      ),
    );
  }
}
