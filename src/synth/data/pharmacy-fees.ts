// 調剤報酬 used by the synthetic pharmacy claims, 令和6年度改定 (2024-06), from the 支払基金
// 調剤行為マスター m20250307 (source and offsets: src/terminology/data/subset-research-3.json ✅).
import { textHash } from '../rng.js';
export const PHARMACY_FEES = {
  /** 調剤基本料１ (per 受付). */
  base: { code: '410004110', points: 45 },
  /** 薬剤調製料 内服薬 (1剤につき). */
  preparation: { code: '420001810', points: 24 },
  /** 内服薬 調剤管理料 by 調剤数量: 7日分以下, 8〜14日分, 15〜28日分. */
  management7: { code: '440011510', points: 4 },
  management14: { code: '440011610', points: 28 },
  management28: { code: '440011710', points: 50 },
  management29: { code: '440011810', points: 60 },
  /** 服薬管理指導料 1 (3月以内の再度の処方箋, 手帳あり) and 2 (それ以外), per 受付 (薬学管理料). */
  guidanceRepeat: { code: '440012010', points: 45 },
  guidanceOther: { code: '440012210', points: 59 },
  /** 地域支援体制加算 1 and 後発医薬品調剤体制加算 1–3 (調剤基本料加算, per 受付). */
  regionalSupport1: { code: '410002770', points: 32 },
  generic1: { code: '450000370', points: 21 },
  generic2: { code: '450000970', points: 28 },
  generic3: { code: '450001470', points: 30 },
  /** 外来服薬支援料2 (一包化) 42日分以下: 34点 per 7日分 (subset-research-3.json ✅). */
  unitDosePer7Days: { code: '440013610', points: 34 },
} as const;

/**
 * 一包化 (外来服薬支援料2) for the old on many drugs ⚠️: every prescription of ≥5 drugs to a patient of
 * 75 or more, and of ≥7 drugs at 65–74 (assumed; the 算定 rule is a doctor's instruction for a patient
 * who cannot manage the drugs alone). Points per 7 days, up to 42 days.
 */
export function unitDoseFee(age: number, drugs: number, days: number): { code: string; points: number; days: number } | null {
  if (!((age >= 75 && drugs >= 5) || (age >= 65 && drugs >= 7)) || days < 7 || days > 42) return null;
  const f = PHARMACY_FEES.unitDosePer7Days;
  return { code: f.code, points: f.points * Math.floor(days / 7), days };
}

type Fee = { code: string; points: number };

/** 内服薬 調剤管理料 by 調剤数量 (R6 bands ≤7 / 8–14 / 15–28 / ≥29日). */
export function managementFee(days: number): Fee {
  if (days <= 7) return PHARMACY_FEES.management7;
  if (days <= 14) return PHARMACY_FEES.management14;
  if (days <= 28) return PHARMACY_FEES.management28;
  return PHARMACY_FEES.management29;
}

/**
 * The 施設基準 of a pharmacy, fixed by its code: the 調剤基本料加算 it claims on every 受付. Shares ⚠️
 * (assumed from the 中医協 調剤 reports' order of magnitude: most pharmacies hold a 後発医薬品調剤体制加算,
 * about a third a 地域支援体制加算): 後発 加算3 40%, 加算2 25%, 加算1 15%, none 20%; 地域支援 35%.
 */
export function pharmacyAdditions(pharmacyCode: string): Fee[] {
  const h = textHash(pharmacyCode);
  const g = h % 100;
  const r = Math.floor(h / 100) % 100;
  const out: Fee[] = [];
  if (r < 35) out.push(PHARMACY_FEES.regionalSupport1);
  if (g < 40) out.push(PHARMACY_FEES.generic3);
  else if (g < 65) out.push(PHARMACY_FEES.generic2);
  else if (g < 80) out.push(PHARMACY_FEES.generic1);
  return out;
}
