// Chronic disease modules of the synthetic population (declarative data; the Synthea lesson).
//
// Each module gives the share of people under care for the disease by age and sex ("diagnosed and
// treated" prevalence, the quantity claims can show), the latent factors its liability loads on, and
// what care it causes. A person has the disease at an age when their persistent liability exceeds the
// threshold that yields that share; with a fixed liability and a share that rises with age the disease
// is absorbing, and its incidence is the rise of the share (plus the replacement of those who die).
//
// Shares: ⚠️ approximations shaped on 令和2年 患者調査 総患者数 by disease and age (totals: 虚血性心疾患
// 128万, 脳血管疾患 174万, 悪性新生物 366万, 気分障害 172万, アルツハイマー病 79万, COPD 36万) and on
// the NDB 質問票 history shares (calibration.md §4.2: 既往 脳卒中 male 70–74 5.6%, 心臓病 10.8%);
// dialysis from 日本透析医学会 2022 (calibration.md §7.1 ✅: 347,474 patients = 2,781 per million, mean age
// 69.9, 39,683 new starts = ~320 per million a year, 38.7% 糖尿病性腎症). Validate with `kachi synth validate`.

/** Age anchors of the share tables (linear interpolation between anchors, flat outside). */
export const AGE_ANCHORS = [20, 40, 50, 60, 70, 80, 90] as const;

export interface DiseaseModule {
  key: string;
  nameJa: string;
  /** Share under care by age anchor. */
  male: readonly number[];
  female: readonly number[];
  /** Loadings of the liability on persistent factors (the rest is the disease's own draw). */
  load: { metabolic?: number; frailty?: number; smoking?: number; kidney?: number };
  /** Absorbing (chronic for life) or not (may remit when the share falls with age). */
  absorbing: boolean;
  /** レセ電 傷病名コード (shipped master subset) and ICD-10 for the usual clinic's claim. */
  diagnosis: string;
  /** Keys into CHRONIC_DRUGS: the regimen (first entries first, more with severity). */
  regimen: string[];
  /** Relative hazard of acute admission while under care. */
  admissionRR: number;
}

export const DISEASES: readonly DiseaseModule[] = [
  {
    key: 'ihd',
    nameJa: '虚血性心疾患',
    male: [0.0005, 0.003, 0.012, 0.03, 0.06, 0.09, 0.1],
    female: [0.0002, 0.001, 0.004, 0.012, 0.03, 0.06, 0.08],
    load: { metabolic: 0.45, frailty: 0.25, smoking: 0.25 },
    absorbing: true,
    diagnosis: '4139007', // 狭心症 I209
    regimen: ['aspirin', 'nitrate', 'bisoprolol', 'ppi'],
    admissionRR: 1.8,
  },
  {
    key: 'heart_failure',
    nameJa: '心不全',
    male: [0, 0.0005, 0.002, 0.006, 0.02, 0.06, 0.12],
    female: [0, 0.0003, 0.001, 0.004, 0.015, 0.05, 0.12],
    load: { metabolic: 0.35, frailty: 0.5 },
    absorbing: true,
    diagnosis: '4289018', // 慢性心不全 I500
    regimen: ['furosemide', 'carvedilol', 'spironolactone', 'sglt2HeartFailure', 'doac', 'sacubitrilValsartan'],
    admissionRR: 2.5,
  },
  {
    key: 'stroke',
    nameJa: '脳血管疾患',
    male: [0.0002, 0.002, 0.008, 0.02, 0.045, 0.08, 0.1],
    female: [0.0001, 0.001, 0.004, 0.01, 0.025, 0.05, 0.08],
    load: { metabolic: 0.45, frailty: 0.35, smoking: 0.15 },
    absorbing: true,
    diagnosis: '4389014', // 脳梗塞後遺症 I693
    regimen: ['clopidogrel', 'ppi'],
    admissionRR: 1.8,
  },
  {
    key: 'cancer',
    nameJa: '悪性新生物',
    male: [0.001, 0.004, 0.012, 0.035, 0.07, 0.09, 0.09],
    female: [0.002, 0.01, 0.02, 0.03, 0.04, 0.05, 0.05],
    load: { frailty: 0.45, smoking: 0.25 },
    absorbing: true,
    diagnosis: '1539004', // 大腸癌 C189 (the site is drawn per person at admission; see data/admissions)
    regimen: ['loxoprofen', 'ppi'],
    admissionRR: 3,
  },
  {
    key: 'dementia',
    nameJa: '認知症',
    male: [0, 0, 0, 0.002, 0.015, 0.07, 0.18],
    female: [0, 0, 0, 0.002, 0.02, 0.1, 0.28],
    load: { frailty: 0.6, metabolic: 0.15 },
    absorbing: true,
    diagnosis: '8842549', // アルツハイマー型認知症 F000
    regimen: ['donepezil', 'memantine'],
    admissionRR: 1.5,
  },
  {
    key: 'copd',
    nameJa: 'COPD',
    male: [0, 0.001, 0.003, 0.008, 0.02, 0.035, 0.04],
    female: [0, 0.0005, 0.001, 0.002, 0.005, 0.008, 0.01],
    load: { smoking: 0.7, frailty: 0.3 },
    absorbing: true,
    diagnosis: '8840399', // 慢性閉塞性肺疾患 J449
    regimen: ['montelukast'],
    admissionRR: 2,
  },
  {
    key: 'depression',
    nameJa: 'うつ病',
    male: [0.01, 0.015, 0.015, 0.012, 0.01, 0.012, 0.015],
    female: [0.015, 0.022, 0.022, 0.018, 0.016, 0.018, 0.02],
    load: { frailty: 0.2 },
    absorbing: false,
    diagnosis: '2961003', // うつ病 F329
    regimen: ['zolpidem', 'etizolam', 'famotidine'],
    admissionRR: 1.3,
  },
  {
    key: 'gerd',
    nameJa: '逆流性食道炎・胃炎',
    male: [0.01, 0.03, 0.05, 0.07, 0.1, 0.13, 0.14],
    female: [0.01, 0.03, 0.05, 0.07, 0.1, 0.13, 0.14],
    load: { frailty: 0.2 },
    absorbing: false,
    diagnosis: '5301002', // 逆流性食道炎 K210
    regimen: ['vonoprazan'],
    admissionRR: 1,
  },
  {
    key: 'insomnia',
    nameJa: '不眠',
    male: [0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.15],
    female: [0.015, 0.025, 0.04, 0.06, 0.1, 0.14, 0.17],
    load: { frailty: 0.25 },
    absorbing: false,
    diagnosis: '2961003', // ⚠️ no 不眠症 code in the shipped subset yet: coded with the mood disorder row
    regimen: ['zolpidem'],
    admissionRR: 1,
  },
  {
    key: 'gout',
    nameJa: '高尿酸血症',
    male: [0.005, 0.02, 0.04, 0.05, 0.06, 0.06, 0.05],
    female: [0, 0.001, 0.003, 0.005, 0.008, 0.01, 0.01],
    load: { metabolic: 0.5 },
    absorbing: false,
    diagnosis: '7906015', // 高尿酸血症 E790
    regimen: ['allopurinol'],
    admissionRR: 1,
  },
  {
    key: 'joint_pain',
    nameJa: '変形性関節症・腰痛',
    male: [0.005, 0.01, 0.02, 0.035, 0.06, 0.09, 0.1],
    female: [0.005, 0.012, 0.03, 0.05, 0.09, 0.13, 0.14],
    load: { frailty: 0.3, metabolic: 0.2 },
    absorbing: false,
    diagnosis: '7153018', // 変形性膝関節症 M170
    regimen: ['loxoprofen', 'ppi'],
    admissionRR: 1.1,
  },
];

/**
 * Kidney disease. Diagnosed CKD (not on dialysis) and chronic dialysis, by the same kidney liability;
 * dialysis loads also on the diabetes liability so that diabetic nephropathy is a leading cause.
 */
export const CKD = {
  male: [0, 0.002, 0.006, 0.015, 0.035, 0.06, 0.08],
  female: [0, 0.001, 0.003, 0.008, 0.02, 0.04, 0.06],
  diagnosis: '8844106', // 慢性腎臓病 N189
} as const;

/**
 * Chronic dialysis: CUMULATIVE incidence by age (share who have started dialysis by that age, before
 * deaths), ⚠️ shaped on JSDT 2022 new starts (39,683 a year ≈ 320 per million; mean age 71.4; men ≈ 2:1;
 * by age ≈ 150 per million a year in the 40s, 300 in the 50s, 550 in the 60s, 700 in the 70s). The
 * prevalence (2,781 per million ✅) follows from onsets and the 11% annual mortality on dialysis.
 */
export const DIALYSIS = {
  male: [0.00012, 0.0015, 0.0042, 0.0098, 0.0195, 0.032, 0.041],
  female: [0.00006, 0.00075, 0.002, 0.0045, 0.009, 0.0148, 0.0195],
  mortality: 0.11,
  diagnosis: '8851366', // 慢性腎不全・維持透析中 N185
  nephropathyDiagnosis: '2503005', // 糖尿病性腎症 E112
} as const;

/**
 * 糖尿病性腎症 病期 among treated diabetics not on dialysis (第1期 … 第4期): shares ⚠️ from the
 * JDDM/J-DOIT3 order of magnitude (正常アルブミン尿 ≈60%, 微量 ≈25%, 顕性 ≈10%, 腎不全期 ≈5%), applied by
 * the kidney liability; 第5期 = dialysis.
 */
export const NEPHROPATHY_STAGE_SHARES = [0.6, 0.25, 0.1, 0.05] as const;

/** Loadings of the kidney liability and of the dialysis liability (⚠️ chosen to give ~40% diabetic). */
export const KIDNEY_LOAD = { metabolic: 0.35, frailty: 0.2 } as const;
export const DIALYSIS_LOAD = { kidney: 0.75, diabetes: 0.45 } as const;

/** Mortality link: annual death probability × exp(β·frailty − β²/2) (mean 1 over the population). */
export const FRAILTY_MORTALITY_BETA = 0.8;

export function interpolate(table: readonly number[], age: number): number {
  const a = AGE_ANCHORS;
  if (age <= a[0]) return (table[0] as number) * (age < 15 ? 0 : 1);
  for (let i = 1; i < a.length; i++) {
    if (age <= (a[i] as number)) {
      const t = (age - (a[i - 1] as number)) / ((a[i] as number) - (a[i - 1] as number));
      return (table[i - 1] as number) * (1 - t) + (table[i] as number) * t;
    }
  }
  return table[table.length - 1] as number;
}

/** The running maximum of the share up to an age: an absorbing disease never remits. */
export function envelope(table: readonly number[], age: number): number {
  let m = 0;
  for (let x = 15; x <= age; x += 5) m = Math.max(m, interpolate(table, x));
  return Math.max(m, interpolate(table, age));
}
