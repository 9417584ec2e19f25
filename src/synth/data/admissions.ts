// Utilisation parameters of the synthetic population (calibration.md §3). Tables by 5-year band
// 0–4, 5–9, …, 85–89, 90+ (19 entries) unless stated.

/**
 * Acute admissions per 100 person-years (⚠️ derived): shaped on the 患者調査 入院 受療率 (§3.1, 2005
 * shape) divided by the acute length of stay, and scaled so that all ages give ≈13.4 (2023 患者調査
 * discharges, §3.4) and 75+ gives ≈33.5 (後期高齢者医療事業年報 FY2023 new admissions, §3.4 ✅).
 */
export const ADMISSIONS_PER_100 = [8, 2.5, 2.5, 3, 3.5, 4, 4.5, 4.8, 5.2, 6, 7.5, 9, 11, 14, 19, 25, 33, 42, 50] as const;

/**
 * Mean acute (DPC-type) length of stay by band, days (⚠️: DPC 2022 mean 11.3–12.5 days overall, §3.2;
 * children 6–8, the old longer).
 */
export const ACUTE_LOS = [6, 5, 5, 6, 7, 8, 8, 9, 10, 11, 12, 13, 13, 14, 15, 17, 19, 21, 22] as const;

/**
 * 入院 受療率 per 100,000 (§3.1, 2005 shape, both sexes) rescaled ×0.83 to the 2023 level: inpatient days
 * a year per person = rate × 0.83 × 365 / 100,000. Days not covered by acute stays are long stays
 * (療養病棟 for the old, 精神病棟 for the young), which the generator gives to the frailest.
 */
export const INPATIENT_RATE = [
  620, 113, 110, 133, 212, 298, 345, 375, 436, 570, 807, 1036, 1344, 1772, 2501, 3521, 5185, 7844, 12000,
] as const;
export const INPATIENT_SCALE_2023 = 0.83;

/**
 * Share of people on 訪問診療 (home medical care, 在宅患者訪問診療料) by band ⚠️ assumed from the order of
 * magnitude the 中医協 在宅 reports give (about 1 million patients a month, nine in ten aged 75+,
 * concentrated at 85+); the frailest after those in long stays.
 */
export const HOME_CARE_SHARE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.001, 0.003, 0.006, 0.015, 0.035, 0.075, 0.15] as const;

/** Unplanned readmission within 28 days of an acute discharge (DPC 標準病院群 FY2022 4.0% ✅, §3.3). */
export const READMISSION_28D = 0.04;

/** Share of acute admissions of people 75+ followed by a post-acute stay (回復期・地域包括ケア) ⚠️. */
export const POST_ACUTE_SHARE_75 = 0.3;
export const POST_ACUTE_DAYS = [21, 60] as const;

/**
 * Ambulance transports per person-year (§3.6 ✅ 2023: 6.64M transported; 乳幼児 5.1%, 少年 3.5%, 成人
 * 29.6%, 高齢者 61.6%; divided by the 2022 population of those ages, derived) and the share admitted
 * (1 − 48.5% 軽症) — admitted transports are among the acute admissions (救急医療管理加算).
 */
export const AMBULANCE_PER_YEAR = { infant: 0.056, child: 0.021, adult: 0.028, elderly: 0.113 } as const;
export const AMBULANCE_ADMITTED = 0.515;

/**
 * 初診 (A000) per year, millions, by band 0–4 … 90+ (NDB FY2022, §3.5 ✅); divided by the population of
 * the band, this gives new outpatient episodes per person-year.
 */
export const FIRST_VISITS_M = {
  male: [6.98, 9.55, 8.61, 6.01, 5.06, 5.23, 5.48, 5.88, 5.94, 6.34, 5.87, 5.0, 4.61, 4.55, 5.55, 4.38, 3.37, 1.96, 0.84],
  female: [6.33, 8.78, 7.58, 6.07, 7.18, 7.83, 8.01, 8.52, 8.57, 9.19, 8.78, 7.13, 6.27, 6.01, 7.47, 6.05, 4.81, 3.15, 1.92],
} as const;

/** Revisits of an acute episode in its month (Poisson mean) ⚠️: short episodes, §3.5's young 再診/初診. */
export const ACUTE_REVISITS = 0.6;

/** Dental: share of people with dental care in a year and visits per episode (⚠️ from 3.2 visit-days a year per capita, §3.4). */
export const DENTAL_USE = [
  0.45, 0.6, 0.55, 0.35, 0.3, 0.33, 0.36, 0.38, 0.4, 0.42, 0.44, 0.46, 0.48, 0.5, 0.52, 0.5, 0.42, 0.3, 0.18,
] as const;

/**
 * 外来 受療率 per 100,000 (§3.1, 2005 shape, both sexes; ×1.05 to the 2023 level): outpatient visit-days a
 * year per person ≈ rate × 2.14 / 1,000 (12.5 visit-days per capita at the national rate 5,850, §3.4).
 */
export const OUTPATIENT_RATE = [
  6400, 4030, 2390, 1909, 2315, 2706, 2918, 3123, 3517, 3669, 4486, 5535, 7383, 9370, 12846, 14060, 13664, 11693, 8879,
] as const;
export const OUTPATIENT_DAYS_PER_RATE = (1.05 * 12.5) / 5850;

/**
 * Share of outpatient visit-days at specialist clinics (眼科・皮膚科・耳鼻科・整形外科・泌尿器科 …) beyond
 * the usual clinic, the acute episodes and rehabilitation, which the model generates explicitly ⚠️.
 */
export const SPECIALIST_SHARE = 0.55;
