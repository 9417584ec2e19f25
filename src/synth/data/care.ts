// Long-term care (介護保険) parameters of the synthetic population, as data with their sources.
// Status per table: ✅ published figure (../shared/specs/calibration.md §9 or the source named);
// "derived" = arithmetic on published figures; ⚠️ approximation, to replace when a verified table is found.
import { POPULATION_2022 } from './demography.js';

/**
 * 要介護（要支援）認定率 by age, 第1号被保険者, September 2020 (介護保険事業状況報告 2020-09 ÷ 人口推計
 * 2020-10; MHLW 救急・災害医療提供体制等WG 第7回 参考資料2 p.8) — calibration.md §9.1 ✅.
 * Band [lo, hi) in years; the last band is 90+.
 */
export const CERTIFICATION_RATE_BY_AGE: readonly { lo: number; hi: number; rate: number }[] = [
  { lo: 65, hi: 70, rate: 0.028 },
  { lo: 70, hi: 75, rate: 0.055 },
  { lo: 75, hi: 80, rate: 0.124 },
  { lo: 80, hi: 85, rate: 0.264 },
  { lo: 85, hi: 90, rate: 0.481 },
  { lo: 90, hi: 105, rate: 0.727 },
];

/** Published aggregates of the same table (§9.1 ✅), for checks: 65+, 75+, 85+. */
export const CERTIFICATION_RATE_AGGREGATES = { '65+': 0.183, '75+': 0.315, '85+': 0.578 } as const;

/**
 * 第2号被保険者 (40–64) certified ≈ 13万 (§9.2 ✅) over the 40–64 population of 2022 (人口推計, POPULATION_2022
 * bands 40–44 … 60–64 = 42.36 million) → 0.31% (derived). The age shape inside 40–64 (rate at 62.5 five times
 * the rate at 42.5, as 特定疾病 — stroke, dementia, Parkinson — rise with age) is ⚠️.
 */
export const SECOND_INSURED_CERTIFIED = 130_000;
const pop4064 = [8, 9, 10, 11, 12].reduce(
  (s, b) => s + (POPULATION_2022.male[b] as number) + (POPULATION_2022.female[b] as number),
  0,
);
export const SECOND_INSURED_RATE = SECOND_INSURED_CERTIFIED / (pop4064 * 1000);
export const SECOND_INSURED_SHAPE = { lowAge: 42.5, highAge: 62.5, ratio: 5 } as const;

/** Age weights inside the 90+ band: 人口推計 2022 90–94, 95–99, 100+ (POPULATION_2022 ✅). */
export const OLDEST_BAND_WEIGHTS: readonly { lo: number; hi: number; weight: number }[] = [
  { lo: 90, hi: 95, weight: (POPULATION_2022.male[18] as number) + (POPULATION_2022.female[18] as number) },
  { lo: 95, hi: 100, weight: (POPULATION_2022.male[19] as number) + (POPULATION_2022.female[19] as number) },
  { lo: 100, hi: 105, weight: (POPULATION_2022.male[20] as number) + (POPULATION_2022.female[20] as number) },
];

/**
 * Care level mix of 第1号 certified, end FY2022 (令和4年度 介護保険事業状況報告(年報) 第4-1表) — §9.2 ✅.
 * Ordered from the mildest to the most severe.
 */
export const LEVEL_MIX: readonly { code: '12' | '13' | '21' | '22' | '23' | '24' | '25'; count: number }[] = [
  { code: '12', count: 972_852 },
  { code: '13', count: 940_039 },
  { code: '21', count: 1_424_784 },
  { code: '22', count: 1_133_865 },
  { code: '23', count: 901_502 },
  { code: '24', count: 869_867 },
  { code: '25', count: 571_435 },
];

/**
 * How strongly the level follows the person's rank among the certified of the same age (1 = fully, 0 = not).
 * ⚠️ chosen so that about a fifth of the certified are at a worse level a year later ("more than 20% of the
 * individuals assessed in 2004 belonged to the worse care level one year later", Tsutsui-type cohort of
 * 7,222 applicants; paper "Clinical status and dependency of the elderly requiring long-term care in Japan").
 */
export const LEVEL_RANK_WEIGHT = 0.6;

/** 受給者 / 認定者 = 76.5% (令和5年度 介護給付費等実態統計) — §9.3 ✅. */
export const RECIPIENTS_PER_CERTIFIED = 0.765;

/**
 * Cost (費用額) per recipient per month: 介護予防サービス 27.9千円, 介護サービス 203.1千円 (April 2023 審査分,
 * 令和5年度 介護給付費等実態統計の概況) — §9.3 ✅. The split by level is ⚠️ (shape below, scaled so that the
 * §9.2-weighted means equal these published means exactly).
 */
export const COST_PER_RECIPIENT_MONTH = { support: 27_900, care: 203_100 } as const;
export const LEVEL_COST_SHAPE: Record<string, number> = {
  '12': 20_500,
  '13': 35_500,
  '21': 115_000,
  '22': 160_000,
  '23': 235_000,
  '24': 265_000,
  '25': 290_000,
};

/** Monthly cost per recipient by level (derived: shape × the factor that hits the published mean). */
export const COST_BY_LEVEL: Record<string, number> = (() => {
  const out: Record<string, number> = {};
  for (const [group, codes] of [
    ['support', ['12', '13']],
    ['care', ['21', '22', '23', '24', '25']],
  ] as const) {
    const mix = LEVEL_MIX.filter((l) => (codes as readonly string[]).includes(l.code));
    const total = mix.reduce((s, l) => s + l.count, 0);
    const mean = mix.reduce((s, l) => s + l.count * (LEVEL_COST_SHAPE[l.code] as number), 0) / total;
    const f = COST_PER_RECIPIENT_MONTH[group] / mean;
    for (const l of mix) out[l.code] = (LEVEL_COST_SHAPE[l.code] as number) * f;
  }
  return out;
})();

/**
 * 区分支給限度基準額 (単位/月, 令和元年10月〜; 堺市・福岡県・目黒区 published tables ✅). Home-care plans stay
 * below it.
 */
export const BENEFIT_LIMIT_UNITS: Record<string, number> = {
  '12': 5_032,
  '13': 10_531,
  '21': 16_765,
  '22': 19_705,
  '23': 27_048,
  '24': 30_938,
  '25': 36_217,
};

/**
 * 1単位の単価 in 1級地 (東京23区), by 人件費割合: 70% 11.40, 55% 11.10, 45% 10.90; 0% (福祉用具貸与) 10.00
 * (formula 10 × (1 + 20% × 人件費割合); kaigoways.com 地域区分 tool; 目黒区 limit table 5,032単位 → 57,364円 ✅).
 * Which service has which 人件費割合 ⚠️ (as commonly listed: 訪問系・居宅介護支援 70%; 訪問リハ・通所リハ・短期入所
 * 生活介護 55%; 通所介護・施設・特定施設・グループホーム 45%).
 */
export const LABOUR_SHARE_BY_SERVICE: Record<string, 0 | 0.45 | 0.55 | 0.7> = {
  '11': 0.7,
  '13': 0.7,
  '43': 0.7,
  '46': 0.7,
  A2: 0.7,
  '16': 0.55,
  '21': 0.55,
  '66': 0.55,
  '15': 0.45,
  '32': 0.45,
  '33': 0.45,
  '51': 0.45,
  '52': 0.45,
  A6: 0.45,
  '17': 0,
  '67': 0,
};

/** Level index 0–4 for 要介護1–5. */
type Five = readonly [number, number, number, number, number];

/**
 * Units of the services the generator uses (令和6年度 介護報酬, ⚠️ rounded from the 単位数表 as commonly
 * quoted; not used for validation, only to give realistic magnitudes). Per visit / per day / per month.
 */
export const SERVICE_UNITS = {
  /** 訪問介護 身体介護 30分以上1時間未満, per visit. */
  homeHelp: 387,
  /** 訪問看護 (ステーション) 30分以上1時間未満, per visit. */
  homeNursing: 821,
  /** 通所介護 通常規模型 7時間以上8時間未満, per day, 要介護1–5. */
  dayCare: [658, 777, 900, 1023, 1148] as Five,
  /** 通所リハ 通常規模型 6時間以上7時間未満, per day, 要介護1–5. */
  dayRehab: [715, 850, 981, 1137, 1290] as Five,
  /** 短期入所生活介護 併設型 多床室, per day, 要介護1–5. */
  shortStay: [603, 672, 745, 815, 884] as Five,
  /** 福祉用具貸与, per month (price-based; 単価 10.00), 要介護1–5. */
  equipment: [600, 1000, 1500, 2000, 2500] as Five,
  /** 居宅介護支援費 (i): 要介護1・2 1,086, 要介護3–5 1,411 per month (1,086 also seen in a public 請求 test fixture). */
  careManagement: [1086, 1086, 1411, 1411, 1411] as Five,
  /** 介護福祉施設サービス (特養) ユニット型個室, per day, 要介護1–5 (特養 admits 要介護3+). */
  welfareFacility: [670, 740, 815, 886, 955] as Five,
  /** 介護保健施設サービス (老健) 基本型 多床室, per day, 要介護1–5. */
  healthFacility: [793, 843, 908, 961, 1012] as Five,
  /** 認知症対応型共同生活介護 1ユニット, per day, 要介護1–5. */
  groupHome: [765, 801, 824, 841, 859] as Five,
  /** 特定施設入居者生活介護, per day, 要介護1–5. */
  specifiedFacility: [542, 609, 679, 744, 813] as Five,
  /** 介護予防支援, per month. */
  supportManagement: 442,
  /** 総合事業 通所型サービス（独自, 予防通所介護相当）, per month, 要支援1/2. */
  communityDay: [1798, 3621] as const,
  /** 総合事業 訪問型サービス（独自, 予防訪問介護相当）, per month, 要支援1/2. */
  communityHomeHelp: [1176, 2349] as const,
  /** 介護予防通所リハ, per month, 要支援1/2. */
  preventiveDayRehab: [2268, 4228] as const,
  /** 介護予防福祉用具貸与, per month, 要支援1/2. */
  preventiveEquipment: [300, 500] as const,
} as const;

/**
 * Setting of 要介護 recipients by level ⚠️: share in a 介護保険施設 (特養/老健) and in 居住系 (グループホーム /
 * 特定施設). Consistent with 特養 residents being 要介護3–5 (≈97%: 要介護5 29%, 4 41%, 3 27%, 2 3%, 1 1% —
 * 令和5年度 介護給付費等実態統計, as reported 2024-09-26) and 施設 recipients ≈ one in five of 介護 recipients.
 */
export const FACILITY_SHARE: Five = [0.03, 0.06, 0.28, 0.42, 0.5];
export const RESIDENTIAL_SHARE: Five = [0.08, 0.1, 0.1, 0.08, 0.06];
/** Among facility residents at 要介護3+: 特養 (51) vs 老健 (52) ⚠️ (特養 ≈ 62万, 老健 ≈ 34万 residents). */
export const WELFARE_FACILITY_SHARE = 0.65;

/**
 * Home-care plan of 要介護 recipients ⚠️: probability of using each service, and its base monthly volume
 * (visits or days) by level, which sets how a plan's units are shared among the services it uses. The size of
 * the plan is a share U of the 区分支給限度基準額 (personal, probit-normal with spread UTILISATION_SPREAD, mean
 * solved per level so that the expected cost equals COST_BY_LEVEL); a plan therefore never exceeds the limit.
 */
export const HOME_PLAN = {
  homeHelp: { p: [0.35, 0.4, 0.45, 0.5, 0.55] as Five, volume: [8, 12, 18, 25, 32] as Five },
  dayCare: { p: [0.55, 0.5, 0.45, 0.35, 0.25] as Five, volume: [8, 9, 10, 10, 9] as Five },
  dayRehab: { p: [0.2, 0.2, 0.15, 0.12, 0.08] as Five, volume: [6, 7, 8, 8, 8] as Five },
  homeNursing: { p: [0.1, 0.13, 0.18, 0.25, 0.35] as Five, volume: [3, 4, 5, 6, 8] as Five },
  shortStay: { p: [0.05, 0.08, 0.15, 0.2, 0.2] as Five, volume: [4, 5, 7, 9, 10] as Five },
  equipment: { p: [0.4, 0.6, 0.75, 0.85, 0.9] as Five },
} as const;
/** Spread (probit scale) of the personal share of the limit used ⚠️. */
export const UTILISATION_SPREAD = 0.8;
/** Month-to-month variation of a plan's volume (uniform ± this share) ⚠️. */
export const MONTHLY_VARIATION = 0.08;

/**
 * 要支援 plan ⚠️: everyone has 介護予防支援 (46); the main service is 通所型 (A6) 60%, 訪問型 (A2) 25% or
 * 介護予防通所リハ (66) 15%, used by the share that makes the expected cost equal COST_BY_LEVEL.
 */
export const SUPPORT_PLAN = {
  main: [
    { service: 'A6', share: 0.6 },
    { service: 'A2', share: 0.25 },
    { service: '66', share: 0.15 },
  ],
  equipment: [0.25, 0.4] as const,
} as const;

/**
 * 利用者負担割合 of 第1号 recipients ⚠️: 1割 ≈ 91%, 2割 ≈ 5%, 3割 ≈ 4% (2割・3割 by income since 2015/2018);
 * 第2号 always 1割. 給付率 = 100 − 負担割合.
 */
export const BURDEN_SHARE = [
  { rate: 90, share: 0.91 },
  { rate: 80, share: 0.05 },
  { rate: 70, share: 0.04 },
] as const;

/** 認定有効期間: 新規 原則 6 か月 (申請月 + 6 か月の末日), 更新 12 か月 (介護保険法施行規則, as commonly stated). */
export const VALIDITY_MONTHS = { first: 6, renewal: 12 } as const;
/** Days from 申請 to 認定 (法定 30 日; actual averages ≈ 40) ⚠️. */
export const DECISION_DAYS = { min: 30, spread: 20 } as const;

/**
 * Typical Barthel Index total by level ⚠️ (no national table found; ordering follows the dependency
 * pattern by level: walking at 要介護1, dressing/toilet at 2, grooming/transfer at 3, feeding at 4).
 */
export const BARTHEL_MEAN_BY_LEVEL: Record<string, number> = {
  '12': 92,
  '13': 85,
  '21': 75,
  '22': 60,
  '23': 42,
  '24': 25,
  '25': 10,
};
/** Person-level and yearly spread of the Barthel total around the level mean ⚠️. */
export const BARTHEL_SD = { person: 8, year: 5 } as const;
/**
 * Relative chance of each item losing 5 points as ADL declines ⚠️ (ADL hierarchy: bathing and stairs are lost
 * first, feeding last).
 */
export const BARTHEL_LOSS_WEIGHT: Record<string, number> = {
  bathing: 6,
  stairs: 6,
  mobility: 4,
  dressing: 4,
  grooming: 3,
  toileting: 3,
  transfer: 3,
  bladder: 2,
  bowels: 2,
  feeding: 1,
};
