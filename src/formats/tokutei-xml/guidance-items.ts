// 特定保健指導 (hg08) item codes: 10-digit 特定保健指導項目コード, OID 1.2.392.200119.6.1006.
// Source: docs/research/tokutei-xml-writer-and-hg08.md §3 (official hg08 XSD; codes from three
// public implementations). ✅ = two or more agreeing sources, ⚠️ = one source (MHLW 付属3 as quoted by
// an unnamed checker) — to confirm against the official XMLhg24tab.csv.

export const GUIDANCE_SECTION = {
  common: '90010', // 指導共通情報
  initialPart1: '90020', // 指導初回①情報 (第4期 split 初回面接)
  initial: '90030', // 指導初回情報 (初回面接・計画)
  continuous: '90040', // 継続支援情報
  interim: '90050', // 中間評価情報
  final: '90060', // 最終評価 (実績評価) 情報
  totals: '90070', // 指導集計情報
  agency: '90080', // 指導機関情報
} as const;

export const GUIDANCE_ITEM = {
  supportLevel: '1020000001', // ✅ 支援レベル; 第4期 values …6.1112: 1 積極的, 2 動機付け, 3 動機付け支援相当
  stageOfChange: '1020000002', // ✅ 行動変容ステージ (…6.3002)
  initialMinutes: '1022000013', // ✅ 初回面接 実施時間
  continuousMinutes: '1032300013', // ⚠️ 継続的支援 実施時間 (第4期)
  continuousPoints: '1032300014', // ⚠️ 継続的支援 ポイント (第4期)
  targetWaist: '1021001031', // ✅ 目標腹囲
  targetWeight: '1021001032', // ✅ 目標体重
  finalWaist: '1042001031', // ✅ 実績評価 腹囲
  finalWeight: '1042001032', // ✅ 実績評価 体重
  finalSbp: '1042001033', // ✅ 実績評価 収縮期血圧
  finalDbp: '1042001034', // ✅ 実績評価 拡張期血圧
  outcomeWaistWeight: '1042001044', // ⚠️ 腹囲・体重の改善 (…6.24090: 0 未達成, 1 1cm・1kg, 2 2cm・2kg)
  outcomePoints: '1042001060', // ⚠️ アウトカム合計ポイント
} as const;

/** 報告区分 (…6.1001) of 特定保健指導 documents. */
export const GUIDANCE_REPORT = { start: '21', final: '22', dropout: '23', other: '24', initialIncomplete: '25' } as const;

/** 支援形態 (第4期, …6.24010): 1 個別(対面), 2 個別(遠隔), 3 グループ(対面), 4 グループ(遠隔), 5 電話, 6 電子メール等. */
export const SUPPORT_FORM_SYSTEM = '1.2.392.200119.6.24010';
