// 調剤報酬 used by the synthetic pharmacy claims, 令和6年度改定 (2024-06), from the 支払基金
// 調剤行為マスター m20250307 (source and offsets: src/terminology/data/subset-research-3.json ✅).
export const PHARMACY_FEES = {
  /** 調剤基本料１ (per 受付). */
  base: { code: '410004110', points: 45 },
  /** 薬剤調製料 内服薬 (1剤につき). */
  preparation: { code: '420001810', points: 24 },
  /** 内服薬 調剤管理料 by 調剤数量: 7日分以下, 8〜14日分, 15〜28日分. */
  management7: { code: '440011510', points: 4 },
  management14: { code: '440011610', points: 28 },
  management28: { code: '440011710', points: 50 },
} as const;
