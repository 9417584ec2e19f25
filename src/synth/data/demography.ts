// Demographic parameters of the synthetic population, as data with their sources.
// Status per table: ✅ published figure (../shared/specs/calibration.md or
// docs/research/population-calibration.md); ⚠️ approximation, to replace when a verified table is found.

/** 令和5年簡易生命表 q(x) at anchor ages (calibration.md §7.3 ✅); ages 5–15 ⚠️ (order of 1e-4). */
export const LIFE_TABLE_ANCHORS = {
  ages: [0, 5, 10, 15, 20, 30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100],
  male: [
    0.00184, 0.0001, 0.00008, 0.00018, 0.00043, 0.00055, 0.00102, 0.00147, 0.00243, 0.00399, 0.00633, 0.01049, 0.01724, 0.02839,
    0.04773, 0.08414, 0.15182, 0.25176, 0.40062,
  ],
  female: [
    0.00175, 0.00008, 0.00007, 0.00012, 0.00027, 0.00028, 0.00059, 0.00088, 0.00146, 0.00211, 0.003, 0.00437, 0.00703, 0.01215,
    0.02269, 0.04654, 0.09579, 0.18687, 0.32744,
  ],
} as const;

/** Annual death probability at an exact age, log-linear between the anchors. */
export function deathProbability(age: number, sex: 1 | 2): number {
  const { ages } = LIFE_TABLE_ANCHORS;
  const q = sex === 1 ? LIFE_TABLE_ANCHORS.male : LIFE_TABLE_ANCHORS.female;
  if (age >= 100) return q[q.length - 1] as number;
  let i = 0;
  while (i < ages.length - 1 && (ages[i + 1] as number) <= age) i++;
  const a0 = ages[i] as number;
  const a1 = ages[i + 1] as number;
  const t = (age - a0) / (a1 - a0);
  return Math.exp(Math.log(q[i] as number) * (1 - t) + Math.log(q[i + 1] as number) * t);
}

/**
 * Population by 5-year age band (0–4 … 95–99, 100+), thousands, men and women, Japan 2022-10-01
 * (総務省 人口推計, as reproduced in IPSS 人口統計資料集 2024 表2-2 ✅; docs/research/population-calibration.md §1).
 * Used as the age-sex distribution of household heads (20+) at the start of the simulated window.
 */
export const POPULATION_2022 = {
  male: [
    2174, 2535, 2720, 2830, 3216, 3295, 3300, 3668, 4028, 4792, 4756, 4036, 3684, 3665, 4405, 3151, 2392, 1429, 560, 111, 10,
  ],
  female: [
    2073, 2413, 2588, 2682, 3047, 3118, 3146, 3544, 3918, 4671, 4680, 4038, 3761, 3870, 4932, 3878, 3350, 2525, 1429, 449, 77,
  ],
} as const;

/**
 * Share of people who are 雇用者 (employees, hence 被用者保険 本人) by 5-year band from 15–19 to 70–74
 * (労働力調査 2023 年平均 ⚠️ approximations): men, women.
 */
export const EMPLOYEE_SHARE = {
  male: [0.17, 0.68, 0.86, 0.87, 0.87, 0.87, 0.86, 0.85, 0.82, 0.72, 0.48, 0.3],
  female: [0.2, 0.7, 0.78, 0.7, 0.7, 0.73, 0.74, 0.72, 0.66, 0.55, 0.35, 0.19],
} as const;

export function employeeShare(age: number, sex: 1 | 2): number {
  if (age < 15 || age >= 75) return 0;
  const band = Math.min(Math.floor((age - 15) / 5), 11);
  return (sex === 1 ? EMPLOYEE_SHARE.male : EMPLOYEE_SHARE.female)[band] as number;
}

/**
 * 被用者保険 本人 by insurer type (万人), FY2019: 協会けんぽ 2,479, 健保組合 1,635, 共済 456
 * (calibration.md §1.1 ✅, MHLW 各保険者の比較). Used as the employer-type mix of new jobs.
 */
export const EMPLOYEE_INSURER_MIX = { kyokai: 2479, kumiai: 1635, kyosai: 456 } as const;

/** Job change hazard per year for employees under 60 (雇用動向調査 2023 転職入職率: 男 9.4%, 女 11.6% ✅ §10). */
export const JOB_CHANGE_RATE = { male: 0.094, female: 0.116 } as const;

/**
 * Leaving employment (retirement into 国保) per year by age: 60–64, 65–69, 70–74 (⚠️ inferred so that
 * the 65–74 share of 国保 approaches 43.6% and of 被用者保険 stays near 3–8%, §1.1).
 */
export function retirementHazard(age: number, insurerType?: string): number {
  // 共済 (公務員): 定年 60 until FY2022, rising by one year every two years from FY2023 (国家公務員法改正 ✅
  // in outline; the local-government 共済 follow it). Most leave at 60–61 (⚠️ share assumed).
  if (insurerType === 'kyosai' && age >= 60 && age < 62) return 0.7;
  if (age < 60) return 0.01;
  if (age < 65) return 0.12;
  if (age < 70) return 0.25;
  return 0.3;
}

/** Share of adults with a spouse in the household by age (⚠️ 国勢調査 2020 有配偶率, rounded). */
export function marriedShare(age: number): number {
  if (age < 25) return 0.05;
  if (age < 30) return 0.3;
  if (age < 35) return 0.55;
  if (age < 40) return 0.65;
  if (age < 65) return 0.7;
  if (age < 75) return 0.7;
  if (age < 85) return 0.55;
  return 0.3;
}

/** A spouse of an employee is a 被扶養者 (not working above the threshold) with this probability (⚠️). */
export const SPOUSE_DEPENDENT_SHARE = 0.55;

/** Births per year to a couple whose head is 25–44 (⚠️ ~TFR 1.2 spread over 20 years ≈ 0.06). */
export const BIRTH_RATE_COUPLE = 0.06;

/** Children live in the household (and are 被扶養者) until the 1 April after their 22nd birthday (⚠️). */
export const CHILD_LEAVES_AT = 22;
