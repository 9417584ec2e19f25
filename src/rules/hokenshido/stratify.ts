// 特定保健指導の階層化 (第4期, FY2024–): the official selection and levelling of 特定健診 examinees.
// Source: 標準的な健診・保健指導プログラム（令和6年度版） 第2編 第3章 (steps 1–4); thresholds as
// researched in ../shared/specs/data-formats.md §4.2 ✅. One implementation for the whole code base:
// the synthetic population uses it to decide who is offered guidance, the target lists reuse it.
export const STRATIFICATION_FY2024 = {
  source: '標準的な健診・保健指導プログラム（令和6年度版） 第2編 第3章 階層化',
  status: 'verified' as const,
  waist: { male: 85, female: 90 },
  bmi: 25,
  glucose: { fasting: 100, random: 100, hba1c: 5.6 },
  lipids: { tgFasting: 150, tgRandom: 175, hdlBelow: 40 },
  bp: { sbp: 130, dbp: 85 },
  /** 65–74 (年度末年齢) who would be 積極的支援 receive 動機付け支援. */
  elderlyFrom: 65,
};

export type GuidanceLevel = '積極的支援' | '動機付け支援' | '情報提供';

export interface StratificationInput {
  sex: 1 | 2;
  /** Age at the end of the 年度 (年度末年齢). */
  age: number;
  waist?: number | null;
  bmi?: number | null;
  fpg?: number | null;
  randomGlucose?: number | null;
  hba1c?: number | null;
  tg?: number | null;
  tgFasting?: boolean | null;
  hdl?: number | null;
  sbp?: number | null;
  dbp?: number | null;
  smoker?: boolean | null;
  medBp?: boolean | null;
  medGlucose?: boolean | null;
  medLipid?: boolean | null;
}

/** The level of one examinee, with the counted risks (for explanations). */
export function stratify(x: StratificationInput, rule = STRATIFICATION_FY2024): { level: GuidanceLevel; risks: string[] } {
  if (x.medBp || x.medGlucose || x.medLipid) return { level: '情報提供', risks: ['服薬中'] };
  const waistHigh = x.waist != null && x.waist >= (x.sex === 1 ? rule.waist.male : rule.waist.female);
  const step1 = waistHigh ? 1 : x.bmi != null && x.bmi >= rule.bmi ? 2 : 0;
  if (step1 === 0) return { level: '情報提供', risks: [] };
  const glucoseValue = x.fpg ?? x.randomGlucose;
  const glucose = glucoseValue != null ? glucoseValue >= rule.glucose.fasting : (x.hba1c ?? 0) >= rule.glucose.hba1c;
  const lipids =
    (x.tg != null && x.tg >= (x.tgFasting === false ? rule.lipids.tgRandom : rule.lipids.tgFasting)) ||
    (x.hdl != null && x.hdl < rule.lipids.hdlBelow);
  const bp = (x.sbp ?? 0) >= rule.bp.sbp || (x.dbp ?? 0) >= rule.bp.dbp;
  const risks = [glucose && '血糖', lipids && '脂質', bp && '血圧'].filter((r): r is string => Boolean(r));
  if (risks.length > 0 && x.smoker) risks.push('喫煙');
  const n = risks.length;
  let level: GuidanceLevel =
    step1 === 1
      ? n >= 2
        ? '積極的支援'
        : n === 1
          ? '動機付け支援'
          : '情報提供'
      : n >= 3
        ? '積極的支援'
        : n >= 1
          ? '動機付け支援'
          : '情報提供';
  if (level === '積極的支援' && x.age >= rule.elderlyFrom) level = '動機付け支援';
  return { level, risks };
}
