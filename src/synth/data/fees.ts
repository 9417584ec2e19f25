// 診療報酬 items used by the synthetic 医科 claims, 令和6年度改定 (2024-06), codes and points from the
// shipped master subset (src/terminology/data/s_subset.csv; sources in subset-research*.json ✅).
export interface Fee {
  category: string;
  code: string;
  points: number;
  /** Codes billed in the same unit before `code` (a まるめ: one price for the whole bundle). */
  bundle?: readonly string[];
  /** A drug unit (IY, 使用量 `quantity`) instead of a procedure (SI). */
  drug?: { quantity: number };
}

const fee = (category: string, code: string, points: number): Fee => ({ category, code, points });

/** 薬剤料 of one unit: 15円以下 1点, above that 10円 per point rounded up (五捨五超入 of 点数表 第2章). */
export function drugUnitPoints(yen: number): number {
  return yen <= 15 ? 1 : 1 + Math.ceil((yen - 15) / 10);
}

/** An injected drug billed in a 医科 claim (IY unit, 使用量 = vials), priced from its 薬価. */
const injected = (code: string, yenPerVial: number, vials: number): Fee => ({
  category: '33',
  code,
  points: drugUnitPoints(yenPerVial * vials),
  drug: { quantity: vials },
});

/** Outpatient chemotherapy regimens (subset-research-10.json ✅ 薬価) ⚠️ doses simplified to whole vials. */
export const CHEMO = {
  nivolumab: { every: 14, drug: injected('622364901', 131811, 2) }, // オプジーボ点滴静注100mg ×2 (240mg q2w ≈ 2.4)
  pembrolizumab: { every: 21, drug: injected('622515801', 199462, 2) }, // キイトルーダ点滴静注100mg ×2 (200mg q3w)
  oxaliplatin: { every: 14, drug: injected('622374901', 5198, 2) }, // オキサリプラチン100mg「ホスピーラ」 ×2 (FOLFOX)
} as const;

export const FEES = {
  firstVisit: fee('11', '111000110', 291), // 初診料
  infantFirstVisit: fee('11', '111000370', 75), // 乳幼児加算（初診）
  revisit: fee('12', '112007410', 75), // 再診料
  outpatientManagement: fee('12', '112011010', 52), // 外来管理加算
  lifestyle2: fee('13', '113707110', 333), // 生活習慣病管理料（Ⅱ）
  specificDisease: fee('13', '113001810', 225), // 特定疾患療養管理料（診療所）
  dialysisManagement: fee('13', '113002510', 2211), // 慢性維持透析患者外来医学管理料
  emergencyTransport: fee('13', '113013810', 600), // 夜間休日救急搬送医学管理料
  prescription: fee('80', '120002910', 60), // 処方箋料（その他）
  prescriptionSpecific: fee('80', '120005710', 56), // 特定疾患処方管理加算（処方箋料）
  cbc: fee('60', '160008010', 21), // 末梢血液一般検査
  crp: fee('60', '160054710', 16), // ＣＲＰ
  homeVisit: fee('14', '114001110', 888), // 在宅患者訪問診療料（１）１（同一建物居住者以外）
  drip: fee('33', '130003810', 102),
  /** 生化学的検査(1) 10項目以上 まるめ 103点 (D007 注; R6 ⚠️ not re-read): AST ALT γ-GT TG HDL BUN Cre UA Glu Na・Cl K
   * (codes ✅ subset-research-8), billed as one unit with the price on the last line. */
  biochemPanel: {
    ...fee('60', '160023410', 103),
    bundle: [
      '160022510',
      '160022610',
      '160020410',
      '160020910',
      '160019010',
      '160019210',
      '160019310',
      '160019410',
      '160021110',
      '160021410',
    ],
  },
  anaesthesia: fee('54', '150233410', 6000), // 閉鎖循環式全身麻酔５ (L008, 2 hours)
  // subset-research-9.json ✅ (R6 points):
  pediatricFirstRx: fee('13', '113003510', 604), // 小児科外来診療料（処方箋を交付）初診時
  pediatricRevisitRx: fee('13', '113003610', 410), // 小児科外来診療料（処方箋を交付）再診時
  pediatricFirst: fee('13', '113003710', 721), // 小児科外来診療料（処方箋を交付しない）初診時
  pediatricRevisit: fee('13', '113003810', 528), // 小児科外来診療料（処方箋を交付しない）再診時
  homeManagement: fee('14', '114033710', 2735), // 在医総管（在支診等以外・月２回～１人）
  outpatientChemo: fee('13', '113704610', 800), // 外来腫瘍化学療法診療料１（抗悪性腫瘍剤を投与）（初回から３回目）
  dripOutpatient: fee('33', '130009310', 53), // 点滴注射（その他）（入院外） // 点滴注射 (1日500mL以上, 入院)
  hba1c: fee('60', '160010010', 49), // ＨｂＡ１ｃ
  urine: fee('60', '160000310', 26), // 尿一般
  urineJudgement: fee('60', '160061710', 34), // 尿・糞便等検査判断料
  bloodJudgement: fee('60', '160061810', 125), // 血液学的検査判断料
  biochemJudgement: fee('60', '160061910', 144), // 生化学的検査（１）判断料
  ct: fee('70', '170033410', 1000), // ＣＴ撮影（６４列以上）（その他）
  xrayDiagnosis: fee('70', '170000410', 85), // 単純撮影 写真診断（頭部・胸部・腹部・脊椎）
  xrayDigital: fee('70', '170027910', 68), // 単純撮影（デジタル撮影）
  ecg: fee('60', '160068410', 130), // 心電図検査（四肢単極誘導及び胸部誘導を含む最低１２誘導）
  echo: fee('60', '160072210', 530), // 超音波検査（断層撮影法）（胸腹部）
  dialysis: fee('40', '140057910', 2036), // 人工腎臓（慢性維持透析１）（４時間以上５時間未満）
  rehabStroke: fee('80', '180745310', 245), // 脳血管疾患等リハビリテーション料（Ⅰ）（理学療法士）1単位
  rehabMotor: fee('80', '180755710', 185), // 運動器リハビリテーション料（Ⅰ）（理学療法士）1単位
  acuteWard: fee('90', '190117710', 1688), // 急性期一般入院料１
  emergencyCare: fee('90', '190171910', 1050), // 救急医療管理加算１ (up to 7 days)
} as const;

/** 入院時食事療養（Ⅰ）: 690 yen a meal (2024-06), 3 meals a day (HO 食事療養回数・金額). */
export const MEAL_YEN = 690;

/**
 * Wards of the non-acute stays (出来高 医科入院 at the chronic-care hospital). ⚠️ Until the 療養病棟・
 * 地域包括ケア・回復期リハ codes are in the shipped subset, both use 急性期一般入院料１'s code with the
 * ward's own daily points: 地域包括ケア病棟入院料１ ≈ 2,838点 (40日以内), 療養病棟入院基本料 ≈ 1,000–1,900点.
 */
/** 地域包括ケア病棟入院料２（４０日以内） and 療養病棟入院料１（入院料８） (subset-research-9.json ✅). */
export const POST_ACUTE_WARD = fee('90', '190839710', 2649);
export const LONG_STAY_WARD = fee('90', '190819010', 1589);

/** Acute admission reasons (main 傷病名, レセ電 code) by age group and disease, with weights ⚠️. */
export interface AdmissionGroup {
  key: string;
  diagnosis: string;
  /** Weight by age group child / adult / elderly (65+). */
  weight: readonly [number, number, number];
  /** Disease module that raises this reason (its weight × 6 while under care). */
  disease?: string;
  ct: boolean;
  /** DPC_GROUPS key (data/dpc-groups.ts): the stay is billed as DPC at the acute hospital. */
  dpc?: string;
}

export const ADMISSION_GROUPS: readonly AdmissionGroup[] = [
  { key: 'pneumonia', diagnosis: '4860030', weight: [4, 1, 2], ct: true, dpc: 'pneumonia-75plus' }, // 肺炎
  { key: 'aspiration', diagnosis: '5070003', weight: [0, 0, 1.2], ct: true, dpc: 'aspiration-pneumonia' }, // 誤嚥性肺炎
  { key: 'asthma', diagnosis: '4939008', weight: [2, 0.3, 0.2], ct: false }, // 気管支喘息
  {
    key: 'heart_failure',
    diagnosis: '4289015',
    weight: [0, 0.2, 1.2],
    disease: 'heart_failure',
    ct: false,
    dpc: 'heart-failure',
  }, // 心不全
  { key: 'ami', diagnosis: '8832376', weight: [0, 0.3, 0.4], disease: 'ihd', ct: false, dpc: 'ami-pci' }, // 急性心筋梗塞
  { key: 'angina', diagnosis: '4139007', weight: [0, 0.5, 0.6], disease: 'ihd', ct: false, dpc: 'angina-pci' }, // 狭心症
  { key: 'stroke', diagnosis: '8838708', weight: [0, 0.5, 1], disease: 'stroke', ct: true, dpc: 'cerebral-infarction' }, // 脳梗塞
  { key: 'cancer_colon', diagnosis: '1539004', weight: [0, 0.6, 0.8], disease: 'cancer', ct: true, dpc: 'colon-cancer-surgery' }, // 大腸癌
  { key: 'cancer_stomach', diagnosis: '1519006', weight: [0, 0.5, 0.6], disease: 'cancer', ct: true }, // 胃癌
  {
    key: 'cancer_lung',
    diagnosis: '1629006',
    weight: [0, 0.4, 0.6],
    disease: 'cancer',
    ct: true,
    dpc: 'lung-cancer-bronchoscopy',
  }, // 肺癌
  { key: 'cancer_breast', diagnosis: '1749008', weight: [0, 0.5, 0.2], disease: 'cancer', ct: false }, // 乳癌
  { key: 'hip_fracture', diagnosis: '8208009', weight: [0, 0.1, 1], ct: true, dpc: 'hip-fracture-surgery' }, // 大腿骨頚部骨折
  { key: 'copd', diagnosis: '8840399', weight: [0, 0.1, 0.3], disease: 'copd', ct: true, dpc: 'copd-exacerbation' }, // 慢性閉塞性肺疾患
  { key: 'renal_failure', diagnosis: '5849003', weight: [0, 0.2, 0.4], ct: false }, // 急性腎不全
  { key: 'back_pain', diagnosis: '7242023', weight: [0, 0.8, 0.4], ct: true }, // 根性腰痛症
  { key: 'knee_oa', diagnosis: '7153018', weight: [0, 0.3, 0.6], disease: 'joint_pain', ct: false }, // 変形性膝関節症
  { key: 'gerd', diagnosis: '5301002', weight: [0.5, 1, 0.5], ct: false }, // 逆流性食道炎 (消化器 stands for the rest)
  // DPC groups whose 傷病名 is not in the shipped subset (written as 0000999 with the name).
  { key: 'cataract', diagnosis: '0000999', weight: [0, 0.2, 1], ct: false, dpc: 'cataract' },
  { key: 'colon_polyp', diagnosis: '0000999', weight: [0, 0.8, 0.6], ct: false, dpc: 'colon-polyp-emr' },
  { key: 'uti', diagnosis: '0000999', weight: [0.3, 0.3, 0.7], ct: false, dpc: 'urinary-tract-infection' },
  { key: 'bile_duct_stone', diagnosis: '0000999', weight: [0, 0.3, 0.4], ct: true, dpc: 'bile-duct-stone-ercp' },
  { key: 'appendicitis', diagnosis: '0000999', weight: [0.6, 0.4, 0.1], ct: true, dpc: 'appendicitis' },
  { key: 'dehydration', diagnosis: '0000999', weight: [0.5, 0.1, 0.5], ct: false, dpc: 'dehydration' },
];
