// Claims of the synthetic population, step 3a: monthly chronic care. A person with a treated condition
// (conditions.ts) visits their usual clinic once a month: 再診料, 生活習慣病管理料（Ⅱ）, 処方箋料, and for
// diabetes HbA1c with its 判断料 every three months; the prescription (28 days) is dispensed at the
// pharmacy next to the clinic. Drug choice follows the generic share (数量ベース ~80%, ⚠️ 2023 年度 実績
// rounded). Acute care, admissions, dental and costs calibrated by age are the next steps.
// Codes and points: the shipped master subset (src/terminology/data), 2024 revision.
import { checkDigit } from '../util/check-digit.js';
import { type Conditions, conditionScores, conditionsFrom, metabolicFactor, personLatent } from './conditions.js';
import type { Person, Span } from './population.js';
import { ageOn } from './population.js';
import { Rng, streamSeed } from './rng.js';

/** 10-digit codes with valid check digits: clinics (点数表 1) and pharmacies (点数表 4) in 東京都. */
const code10 = (payload: string) => `${payload}${checkDigit(payload)}`;
export const CLINICS = ['かち内科クリニック', '架空駅前医院', '架空ファミリークリニック', '架空中央診療所', '架空みなみ内科'].map(
  (name, i) => ({
    code: code10(`1310${i + 1}${String(3000 + i * 7).padStart(4, '0')}`),
    name,
  }),
);
export const PHARMACIES = CLINICS.map((c, i) => ({
  code: code10(`1340${i + 1}${String(5000 + i * 3).padStart(4, '0')}`),
  name: `架空薬局 ${c.name.replace(/クリニック|医院|診療所|内科/g, '')}店`,
}));

export const DIAGNOSIS = { hypertension: '8840107', diabetes: '2500015', dyslipidemia: '8844446' } as const;

/** Drugs by condition: [brand, generic] レセ電 codes with 薬価 (yen per tablet), 1 tablet a day. */
export const DRUGS: Record<keyof Conditions, { brand: [string, number]; generic: [string, number] }> = {
  hypertension: { brand: ['612170710', 13.7], generic: ['620007853', 10.4] }, // ノルバスク錠5mg / アムロジピン錠5mg「あすか」
  diabetes: { brand: ['622412701', 10.4], generic: ['622412701', 10.4] }, // メトホルミン塩酸塩錠250mgMT「トーワ」 (後発品=0 in the master)
  dyslipidemia: { brand: ['610443014', 24.5], generic: ['622186701', 10.4] }, // リピトール錠10mg / アトルバスタチン錠10mg「YD」
};

/** 薬剤料 of one 調剤単位 (1日分): 15円以下は1点, 以下10円またはその端数を増すごとに1点. */
export function drugUnitPoints(yen: number): number {
  return yen <= 15 ? 1 : 1 + Math.ceil((yen - 15) / 10);
}

export interface ChronicVisit {
  person: Person;
  span: Span;
  month: string; // YYYY-MM
  day: number;
  clinic: (typeof CLINICS)[number];
  pharmacy: (typeof PHARMACIES)[number];
  conditions: Conditions;
  hba1cTest: boolean;
  drugs: { code: string; yen: number }[];
}

/** The chronic-care visits of a person in the window's months (deterministic per person). */
export function chronicVisits(seed: number, p: Person, months: string[]): ChronicVisit[] {
  const lat = personLatent(seed, p);
  const clinic = CLINICS[p.id % CLINICS.length] as (typeof CLINICS)[number];
  const pharmacy = PHARMACIES[p.id % PHARMACIES.length] as (typeof PHARMACIES)[number];
  const out: ChronicVisit[] = [];
  let cachedFy = -1;
  let g = 0;
  for (const month of months) {
    const first = `${month}-01`;
    if (p.death && p.death < first) break;
    const span = p.spans.find((s) => s.start <= first && (s.end === null || s.end >= first));
    if (!span) continue;
    const y = Number(month.slice(0, 4));
    const fy = Number(month.slice(5, 7)) >= 4 ? y : y - 1;
    if (fy !== cachedFy) {
      g = metabolicFactor(seed, p, lat, fy);
      cachedFy = fy;
    }
    const conditions = conditionsFrom(conditionScores(lat, g), ageOn(p.birth, first), p.sex);
    if (!conditions.hypertension && !conditions.diabetes && !conditions.dyslipidemia) continue;
    const r = new Rng(streamSeed(seed, p.id, Number(month.replace('-', ''))));
    // The person keeps to brand or generic (persistent preference; ~80% generic ⚠️).
    const generic = (lat.z.generic as number) < 0.84;
    const drugs = (Object.keys(DRUGS) as (keyof Conditions)[])
      .filter((k) => conditions[k])
      .map((k) => {
        const [code, yen] = generic ? DRUGS[k].generic : DRUGS[k].brand;
        return { code, yen };
      });
    out.push({
      person: p,
      span,
      month,
      day: 1 + r.int(27),
      clinic,
      pharmacy,
      conditions,
      hba1cTest: conditions.diabetes && Number(month.slice(5, 7)) % 3 === 0,
      drugs,
    });
  }
  return out;
}
