// Parameters of 特定健診 participation and results, with their sources.
// ✅ = calibration.md (NDB オープンデータ 第9回 FY2021, MHLW 実施状況 FY2023); ⚠️ = inferred or assumed.

/** 40–44 … 70–74 bands. */
export const CHECKUP_BANDS = [40, 45, 50, 55, 60, 65, 70] as const;

type BySex = { male: readonly number[]; female: readonly number[] };

/** Means by sex and 5-year band (calibration.md §5.1 ✅). */
export const MEANS: Record<string, BySex> = {
  bmi: { male: [24.2, 24.5, 24.6, 24.4, 24.2, 24.0, 23.7], female: [22.1, 22.5, 22.5, 22.4, 22.5, 22.6, 22.6] },
  waist: { male: [84.8, 85.7, 86.3, 86.4, 86.3, 86.4, 86.2], female: [77.3, 78.5, 79.7, 80.3, 80.9, 81.8, 82.2] },
  fpg: { male: [96.1, 98.9, 101.6, 104.2, 106.0, 106.6, 106.5], female: [90.3, 91.7, 93.4, 95.6, 97.2, 98.0, 98.9] },
  hba1c: { male: [5.48, 5.58, 5.68, 5.76, 5.82, 5.87, 5.9], female: [5.37, 5.43, 5.54, 5.64, 5.7, 5.75, 5.79] },
  sbp: { male: [122.2, 124.3, 126.2, 128.0, 130.3, 132.2, 133.5], female: [113.3, 116.9, 120.0, 122.2, 125.8, 129.9, 132.9] },
  dbp: { male: [76.8, 79.2, 80.7, 81.3, 80.9, 79.4, 77.2], female: [70.0, 72.0, 73.9, 74.7, 75.4, 75.5, 75.0] },
  tg: { male: [126.8, 133.1, 134.1, 132.7, 129.9, 127.9, 123.2], female: [76.1, 81.8, 89.4, 95.0, 99.6, 105.5, 108.3] },
  hdl: { male: [58.2, 58.4, 59.1, 59.9, 60.5, 60.0, 59.4], female: [70.7, 71.8, 73.9, 74.5, 73.6, 71.3, 69.3] },
  ldl: { male: [127.5, 128.9, 127.9, 125.3, 122.0, 119.2, 116.2], female: [113.1, 118.7, 128.4, 133.2, 132.2, 129.2, 125.4] },
  ggt: { male: [47.4, 51.2, 52.6, 52.8, 51.4, 47.5, 42.1], female: [21.4, 23.7, 27.9, 30.1, 29.3, 27.3, 25.5] },
  egfr: { male: [79.3, 76.1, 73.5, 71.2, 69.5, 67.5, 65.1], female: [82.6, 79.0, 75.3, 72.6, 71.1, 69.7, 67.9] },
};

/**
 * Spread: arithmetic SD for normal items (SBP, DBP, LDL from §5.2 ✅; HDL fitted to HDL<40 in §4.3 ✅;
 * waist §5.2 ✅; eGFR ⚠️) and log-SD σ for log-normal items (BMI, HbA1c from the §5.2 geometric SDs ✅;
 * FPG and TG fitted to FPG≥126 and TG≥150 shares in §4.3 ✅; γ-GT, AST, ALT ⚠️).
 */
export const SPREAD: Record<
  string,
  { kind: 'normal' | 'lognormal'; male: readonly number[] | number; female: readonly number[] | number }
> = {
  sbp: { kind: 'normal', male: [14.1, 14.8, 15.3, 15.6, 15.8, 15.7, 15.4], female: [16.4, 17.3, 17.5, 17.1, 16.8, 16.2, 15.5] },
  dbp: { kind: 'normal', male: [12.2, 12.1, 11.6, 11.0, 10.6, 10.5, 10.4], female: [13.3, 13.1, 12.4, 11.6, 11.0, 10.6, 10.2] },
  ldl: { kind: 'normal', male: [31.6, 31.7, 31.7, 31.4, 31.1, 30.5, 29.8], female: [29.5, 30.2, 31.3, 31.2, 31.1, 30.7, 30.1] },
  hdl: { kind: 'normal', male: 12.8, female: 13.8 },
  waist: { kind: 'normal', male: 8.3, female: 10.0 },
  egfr: { kind: 'normal', male: 14, female: 14 },
  bmi: { kind: 'lognormal', male: 0.14, female: 0.16 },
  hba1c: { kind: 'lognormal', male: 0.095, female: 0.075 },
  fpg: { kind: 'lognormal', male: 0.18, female: 0.17 },
  tg: { kind: 'lognormal', male: 0.56, female: 0.5 },
  ggt: { kind: 'lognormal', male: 0.6, female: 0.5 },
};

/** AST and ALT: not in the calibration tables (⚠️ typical Japanese examinee medians and log-SDs). */
export const LIVER = { ast: { male: [24, 0.35], female: [20, 0.3] }, alt: { male: [24, 0.55], female: [16, 0.45] } } as const;

/**
 * Loadings of each item on the person's latent metabolic factor g (⚠️ chosen so that risks cluster as
 * メタボリックシンドローム does: obesity with BP, glucose and lipids; HDL inversely).
 */
export const LOADING: Record<string, number> = {
  bmi: 0.75,
  waist: 0.75,
  sbp: 0.4,
  dbp: 0.4,
  hba1c: 0.35,
  fpg: 0.35,
  tg: 0.45,
  hdl: -0.35,
  ldl: 0.15,
  ggt: 0.3,
  alt: 0.45,
  ast: 0.25,
  egfr: -0.1,
};

/** Pairs of items measured on the same physiology share a second correlation (⚠️). */
export const PAIRED: Record<string, [string, number]> = { waist: ['bmi', 0.8], dbp: ['sbp', 0.65], fpg: ['hba1c', 0.7] };

/** 質問票 「はい」 shares by sex and band (calibration.md §4.2 ✅): medication and smoking. */
export const QUESTIONNAIRE: Record<string, BySex> = {
  med_bp: { male: [5.3, 11.0, 18.7, 28.0, 37.7, 45.4, 52.1], female: [2.4, 5.4, 10.4, 16.3, 22.9, 31.2, 41.7] },
  med_glucose: { male: [2.1, 3.8, 6.2, 9.0, 11.5, 13.6, 15.2], female: [0.8, 1.4, 2.2, 3.4, 4.7, 6.2, 7.9] },
  med_lipid: { male: [4.2, 7.7, 12.0, 16.9, 21.2, 24.8, 27.9], female: [1.5, 3.2, 7.4, 15.2, 23.4, 31.8, 39.0] },
  hist_stroke: { male: [0.5, 0.8, 1.4, 2.1, 2.9, 4.0, 5.6], female: [0.3, 0.5, 0.8, 1.2, 1.5, 2.0, 2.9] },
  hist_heart: { male: [1.2, 1.8, 2.8, 4.3, 6.2, 8.3, 10.8], female: [0.9, 1.1, 1.4, 1.8, 2.5, 3.4, 5.0] },
  hist_kidney: { male: [0.3, 0.4, 0.6, 0.7, 0.9, 1.0, 1.3], female: [0.3, 0.3, 0.4, 0.5, 0.5, 0.5, 0.7] },
  anemia: { male: [2.3, 2.2, 2.5, 2.9, 3.4, 4.1, 5.3], female: [22.8, 25.2, 26.0, 22.3, 17.6, 13.6, 10.8] },
  smoking: { male: [37.5, 36.8, 35.4, 32.9, 29.9, 24.4, 17.7], female: [11.4, 12.8, 12.1, 10.5, 9.1, 5.9, 3.7] },
};

/** Lifestyle answers not in the calibration tables (⚠️ rounded shares, 男, 女). */
export const LIFESTYLE = {
  exercise_30min: [0.27, 0.22],
  walking_1h: [0.47, 0.47],
  walking_fast: [0.5, 0.48],
  late_dinner: [0.37, 0.2],
  skip_breakfast: [0.17, 0.11],
  weight_gain_20: [0.47, 0.28],
  sleep_ok: [0.65, 0.62],
  daily_drinking: [0.34, 0.1],
} as const;

/** 尿蛋白 (+) or more among examinees (§4.3 ✅). */
export const URINE_PROTEIN_PLUS: BySex = {
  male: [2.7, 3.2, 3.6, 4.0, 4.7, 5.9, 7.6],
  female: [2.0, 2.1, 1.8, 1.5, 1.8, 2.5, 3.7],
};

/**
 * 特定健診 実施率 by insurer type, FY2023 (MHLW 実施状況 ✅ §6.1): 国保 38.2%, 協会 58.7%, 組合 82.9%,
 * 共済 82.6%; within 健保組合 本人 90.4% vs 家族 48.1% ✅. The 本人/家族 split for 協会 and 共済 follows the
 * 組合 ratio (⚠️).
 */
export const PARTICIPATION: Record<string, { honnin: number; kazoku: number }> = {
  kokuho: { honnin: 0.382, kazoku: 0.382 },
  kyokai: { honnin: 0.66, kazoku: 0.35 },
  kumiai_single: { honnin: 0.904, kazoku: 0.481 },
  kumiai_sogo: { honnin: 0.904, kazoku: 0.481 },
  kyosai: { honnin: 0.9, kazoku: 0.48 },
};

export function bandIndex(age: number): number {
  return Math.max(0, Math.min(6, Math.floor((age - 40) / 5)));
}
