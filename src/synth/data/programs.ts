// 保健事業 of the synthetic insurers: 特定保健指導 participation and effect, and a 受診勧奨 letter
// programme with a known true effect (ground truth for evaluation methods).

/**
 * 特定保健指導 終了率 (completed / targets) by insurer type, FY2023 (calibration.md §6.2 ✅: national
 * 27.6%, 健保組合 33.9%; 市町村国保 28.8% and 協会けんぽ 17.5% from the same MHLW report ⚠️ as recalled).
 */
export const GUIDANCE_COMPLETION: Record<string, number> = {
  kokuho: 0.288,
  kyokai: 0.175,
  kumiai_single: 0.339,
  kumiai_sogo: 0.339,
  kyosai: 0.3,
};
/** Share of starters who drop out before the 実績評価 (報告区分 23) ⚠️. */
export const GUIDANCE_DROPOUT = 0.15;

/**
 * True effect of completed guidance on the next 特定健診 (⚠️ order of magnitude of the MHLW NDB
 * evaluation of 第3期: completers −1.5 to −2% weight and about −1.5 cm waist vs non-participants, halving
 * each further year).
 */
export const GUIDANCE_EFFECT = { weightFactor: 0.98, waistCm: -1.5, decay: 0.5 } as const;

/**
 * 受診勧奨 letters: examinees not on medication with values at the 受診勧奨判定値 that the programme
 * prioritises are randomised (share `assign`) to a letter 60 days after the exam. Who then sees a doctor
 * for it within 120 days: `baseline` without a letter, `baseline + effect` with one. The effect is the
 * truth an evaluation should recover (written to _meta/truth.csv, never to the ingest path).
 */
export const JUSHIN_KANSHO = {
  key: 'jushin_kansho_letter',
  thresholds: { sbp: 160, dbp: 100, hba1c: 7.0, fpg: 130, ldl: 180 },
  assign: 0.5,
  baseline: 0.2,
  effect: 0.15,
  letterAfterDays: 60,
  windowDays: 120,
} as const;
