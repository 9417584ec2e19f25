// Drugs of the synthetic claims: regimen keys → レセ電 医薬品コード with 薬価 (yen per unit), brand and
// generic, from the shipped master subset (src/terminology/data/y_subset.csv, 2024 薬価 ✅). A key
// without a generic in the subset has generic = null (the brand is dispensed). One unit a day.
export interface DrugChoice {
  brand: readonly [string, number];
  generic: readonly [string, number] | null;
  /** Units a day (使用量), default 1 (usual adult dose of the strength, ⚠️ typical). */
  perDay?: number;
}

export const DRUGS: Record<string, DrugChoice> = {
  amlodipine: { brand: ['612170710', 13.7], generic: ['620007853', 10.4] }, // ノルバスク錠5mg / アムロジピン錠5mg「あすか」
  arb: { brand: ['610432013', 43.7], generic: ['622412301', 10.7] }, // ブロプレス錠8 / カンデサルタンOD錠8mg「トーワ」
  metformin: { brand: ['622412701', 10.4], generic: ['622412701', 10.4], perDay: 3 }, // メトホルミン錠250mgMT「トーワ」
  sulfonylurea: { brand: ['610443002', 10.4], generic: ['622187301', 10.1] }, // アマリール1mg / グリメピリド0.5mg「YD」
  statin: { brand: ['610443014', 24.5], generic: ['622186701', 10.4] }, // リピトール錠10mg / アトルバスタチン錠10mg「YD」
  epa: { brand: ['613390006', 22], generic: null, perDay: 6 }, // エパデールカプセル300
  aspirin: { brand: ['610443053', 5.9], generic: ['620007816', 5.9] }, // バイアスピリン / アスピリン腸溶錠「トーワ」
  nitrate: { brand: ['612170456', 7.8], generic: null, perDay: 3 }, // シグマート錠5mg
  bisoprolol: { brand: ['612140702', 16.6], generic: null }, // アーチスト錠10mg (β遮断薬)
  carvedilol: { brand: ['612140702', 16.6], generic: null }, // アーチスト錠10mg
  furosemide: { brand: ['622548902', 6.3], generic: ['622548902', 6.3] }, // フロセミド錠10mg「NIG」
  spironolactone: { brand: ['612130039', 27.2], generic: null }, // アルダクトンA錠50mg
  clopidogrel: { brand: ['622405901', 19.7], generic: ['622405901', 19.7] }, // クロピドグレル錠75mg「杏林」
  donepezil: { brand: ['610432043', 76.1], generic: ['622279901', 73.1] }, // アリセプト錠5mg / ドネペジル錠10mg「トーワ」
  montelukast: { brand: ['622555501', 36.6], generic: ['622555501', 36.6] }, // モンテルカスト錠10mg「JG」
  zolpidem: { brand: ['610443047', 17.5], generic: ['622279601', 10.4] }, // マイスリー錠5mg / ゾルピデムOD錠5mg「トーワ」
  etizolam: { brand: ['622411801', 6.1], generic: ['622411801', 6.1], perDay: 3 }, // エチゾラム錠0.25mg「トーワ」
  ppi: { brand: ['612320549', 20.4], generic: null }, // タケプロンカプセル15
  famotidine: { brand: ['612320350', 13.4], generic: null, perDay: 2 }, // ガスター錠20mg
  allopurinol: { brand: ['610463077', 11.8], generic: null, perDay: 2 }, // ザイロリック錠100
  loxoprofen: { brand: ['620098801', 10.4], generic: ['620098902', 10.1], perDay: 3 }, // ロキソニン錠60mg / ロキソプロフェンNa錠60mg「YD」
  warfarin: { brand: ['613330003', 10.4], generic: null }, // ワーファリン錠1mg
  acetaminophen: { brand: ['620000033', 7.0], generic: ['620000033', 7.0], perDay: 3 }, // カロナール錠300 (後発品 in the master)
  dextromethorphan: { brand: ['612220325', 8.6], generic: null, perDay: 3 }, // メジコン錠15mg
  amoxicillin: { brand: ['616130132', 15.3], generic: null, perDay: 3 }, // サワシリン錠250
  clarithromycin: { brand: ['616140105', 24.9], generic: null, perDay: 2 }, // クラリス錠200
  // Newer, patented drugs (no generic yet), from the master rows of subset-research-6.json ✅ (R7 薬価):
  // they carry most of the drug spend of chronic care in Japan.
  dpp4: { brand: ['622182601', 98.3], generic: null }, // テネリア錠20mg (DPP-4 阻害薬)
  dpp4Renal: { brand: ['622093501', 118.9], generic: null }, // トラゼンタ錠5mg (no dose change in CKD)
  sglt2: { brand: ['622401201', 166], generic: null }, // ジャディアンス錠10mg
  sglt2HeartFailure: { brand: ['622342001', 220.3], generic: null }, // フォシーガ錠10mg (心不全・CKD)
  doac: { brand: ['622225001', 207], generic: null, perDay: 2 }, // エリキュース錠5mg, 1回1錠1日2回
  vonoprazan: { brand: ['622404501', 141], generic: null }, // タケキャブ錠20mg (P-CAB)
  suvorexant: { brand: ['622374201', 90.8], generic: null }, // ベルソムラ錠15mg
  lubiprostone: { brand: ['622182901', 96.9], generic: null, perDay: 2 }, // アミティーザカプセル24μg
  tramadolApap: { brand: ['622081101', 26.9], generic: null, perDay: 4 }, // トラムセット配合錠
  // Oral anticancer drugs, cheap elderly drugs, HF and dialysis drugs (subset-research-10.json ✅).
  osimertinib: { brand: ['622472101', 18540.2], generic: null }, // タグリッソ錠80mg (EGFR 肺癌)
  abiraterone: { brand: ['622363801', 3759.3], generic: null, perDay: 4 }, // ザイティガ錠250mg 1,000mg/日 (前立腺癌)
  palbociclib: { brand: ['622703501', 20538.9], generic: null }, // イブランス錠125mg (乳癌; 3週投与1週休薬 ⚠️ daily here)
  capecitabine: { brand: ['622700101', 65], generic: ['622700101', 65], perDay: 6 }, // カペシタビン錠300mg「JG」
  letrozole: { brand: ['622475600', 52.4], generic: ['622475600', 52.4] }, // レトロゾール2.5mg錠 (統一名)
  bicalutamide: { brand: ['622507101', 110.9], generic: ['622507101', 110.9] }, // ビカルタミドOD錠80mg「ニプロ」
  magnesiumOxide: { brand: ['622361101', 5.9], generic: ['622361101', 5.9], perDay: 3 }, // 酸化マグネシウム錠330mg「ケンエー」
  eldecalcitol: { brand: ['622788101', 17.8], generic: ['622788101', 17.8] }, // エルデカルシトールカプセル0.75μg「日医工」
  lemborexant: { brand: ['622703201', 71.3], generic: null }, // デエビゴ錠5mg
  sacubitrilValsartan: { brand: ['622821001', 106.9], generic: null, perDay: 2 }, // エンレスト錠100mg
  lanthanum: { brand: ['622700601', 31.9], generic: ['622700601', 31.9], perDay: 3 }, // 炭酸ランタンOD錠250mg「JG」
  // Brand rows (メマリー, セレコックス) not read: the generic stands for both.
  memantine: { brand: ['622783801', 66], generic: ['622783801', 66] }, // メマンチン塩酸塩錠20mg「DSEP」
  celecoxib: { brand: ['622783201', 6.1], generic: ['622783201', 6.1], perDay: 2 }, // セレコキシブ錠100mg「DSEP」
};

/** Extra drugs of an acute episode by its first drug (cold: antitussive, sometimes an antibiotic) ⚠️. */
export const ACUTE_ADD_ONS: Record<string, { key: string; share: number }[]> = {
  loxoprofen: [
    { key: 'dextromethorphan', share: 0.5 },
    { key: 'amoxicillin', share: 0.2 },
    { key: 'clarithromycin', share: 0.15 },
    { key: 'ppi', share: 0.2 },
  ],
  acetaminophen: [
    { key: 'dextromethorphan', share: 0.5 },
    { key: 'amoxicillin', share: 0.3 },
  ],
  famotidine: [{ key: 'ppi', share: 0.2 }],
  montelukast: [{ key: 'dextromethorphan', share: 0.4 }],
};

/** Regimens of the treated metabolic conditions: first drug always, later ones with the given share ⚠️. */
export const METABOLIC_REGIMENS = {
  hypertension: [
    ['amlodipine', 1],
    ['arb', 0.6],
  ],
  // Japanese practice ⚠️ (order of the NDB open data 内服薬 rankings; shares assumed): a DPP-4 阻害薬
  // first, then metformin, an SGLT2 阻害薬, and a sulfonylurea for a few.
  diabetes: [
    ['dpp4', 1],
    ['metformin', 0.5],
    ['sglt2', 0.35],
    ['sulfonylurea', 0.15],
  ],
  dyslipidemia: [
    ['statin', 1],
    ['epa', 0.12],
  ],
} as const;

/** Share of each later drug of a disease module's regimen (the first is always given) ⚠️. */
export const LATER_DRUG_SHARE = 0.75;

/** Acute outpatient episodes: diagnosis (レセ電 傷病名コード) and drug by age group, with weights ⚠️. */
export const ACUTE_EPISODES: Record<'child' | 'adult' | 'elderly', { diagnosis: string; drug: string | null; weight: number }[]> =
  {
    child: [
      { diagnosis: '4659007', drug: 'acetaminophen', weight: 6 }, // 急性上気道炎
      { diagnosis: '4939008', drug: 'montelukast', weight: 1.5 }, // 気管支喘息
      { diagnosis: '4860030', drug: null, weight: 0.5 }, // 肺炎
    ],
    adult: [
      { diagnosis: '4659007', drug: 'loxoprofen', weight: 4 }, // 急性上気道炎
      { diagnosis: '5351003', drug: 'famotidine', weight: 1.5 }, // 慢性胃炎
      { diagnosis: '8841447', drug: 'loxoprofen', weight: 1.5 }, // 筋筋膜性腰痛症
      { diagnosis: '7242023', drug: 'loxoprofen', weight: 0.8 }, // 根性腰痛症
      { diagnosis: '4939008', drug: 'montelukast', weight: 0.7 }, // 気管支喘息
      { diagnosis: '5301002', drug: 'ppi', weight: 0.8 }, // 逆流性食道炎
    ],
    elderly: [
      { diagnosis: '4659007', drug: 'loxoprofen', weight: 2.5 },
      { diagnosis: '7153018', drug: 'loxoprofen', weight: 1.5 }, // 変形性膝関節症
      { diagnosis: '7242031', drug: 'loxoprofen', weight: 1.2 }, // 慢性腰痛症
      { diagnosis: '5351003', drug: 'famotidine', weight: 1 },
      { diagnosis: '4860030', drug: null, weight: 0.6 }, // 肺炎
      { diagnosis: '7330006', drug: null, weight: 0.6 }, // 骨粗鬆症
    ],
  };

/**
 * Symptomatic drugs the old take alongside their chronic regimen (胃薬, 鎮痛薬, 睡眠薬 …), added to the
 * usual clinic's prescription from 65 with these shares ⚠️ (assumed; they carry the polypharmacy of
 * the old, calibration.md §8: ≥5 drugs on 40.7% of 75+ and 27.2% of 65–74 pharmacy claims).
 */
export const SUPPORTIVE_65: { key: string; share65: number; share75: number }[] = [
  { key: 'ppi', share65: 0.16, share75: 0.22 },
  { key: 'vonoprazan', share65: 0.13, share75: 0.17 },
  { key: 'lubiprostone', share65: 0.06, share75: 0.1 },
  { key: 'suvorexant', share65: 0.05, share75: 0.08 },
  { key: 'celecoxib', share65: 0.07, share75: 0.09 },
  { key: 'magnesiumOxide', share65: 0.14, share75: 0.24 },
  { key: 'eldecalcitol', share65: 0.05, share75: 0.08 },
  { key: 'lemborexant', share65: 0.03, share75: 0.05 },
  { key: 'tramadolApap', share65: 0.02, share75: 0.04 },
  { key: 'loxoprofen', share65: 0.14, share75: 0.2 },
  { key: 'zolpidem', share65: 0.14, share75: 0.2 },
  { key: 'famotidine', share65: 0.1, share75: 0.13 },
  { key: 'acetaminophen', share65: 0.11, share75: 0.17 },
  { key: 'dextromethorphan', share65: 0.07, share75: 0.11 },
  { key: 'etizolam', share65: 0.07, share75: 0.11 },
];

/**
 * Oral anticancer treatment of people under treatment for cancer ⚠️: cumulative shares by sex (男, 女)
 * chosen so that the expected spend per treated cancer patient is about 0.3 million yen a year, the
 * order of the oral share of Japanese 抗悪性腫瘍剤 sales (≈0.5 of 1.8兆円, assumed) over about 1.7
 * million patients (患者調査 総患者数, assumed), halved because the cancer flag also holds survivors;
 * the rest get no oral anticancer drug.
 */
export const ORAL_ANTICANCER: Record<1 | 2, { key: string; share: number }[]> = {
  1: [
    { key: 'osimertinib', share: 0.012 },
    { key: 'abiraterone', share: 0.015 },
    { key: 'capecitabine', share: 0.025 },
    { key: 'bicalutamide', share: 0.05 },
  ],
  2: [
    { key: 'osimertinib', share: 0.01 },
    { key: 'palbociclib', share: 0.008 },
    { key: 'capecitabine', share: 0.025 },
    { key: 'letrozole', share: 0.08 },
  ],
};
