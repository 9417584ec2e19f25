// 特定健診 item codes (17 characters, JLAC10-based, OID 1.2.392.200119.6.1005) mapped to the
// canonical checkup columns. Source: ../shared/specs/data-formats.md §3.5–3.6 (MHLW XML item code
// table 2024, "XMLhc24tab.csv"). Where an item has several method codes, the first one present in a
// document wins, in the order listed (measured and standardised methods first).

export type ItemKind = 'number' | 'integer' | 'yesno' | 'code';

export interface CheckupItem {
  column: string;
  nameJa: string;
  kind: ItemKind;
  unit?: string;
  /** Decimal places of the XML value format (NNN.N → 1); integers when absent. */
  decimals?: number;
  /** Code system of a coded answer (CD / CO); the OID suffix after 1.2.392.200119.6. */
  codeSystem?: string;
  /** XML value type of coded answers: CO for ordinal results (尿糖, 尿蛋白, 飲酒量), CD otherwise. */
  ordinal?: boolean;
  codes: string[];
  /** Plausible physiological range; values outside are rejected as impossible. */
  range?: [number, number];
}

export const CHECKUP_ITEMS: CheckupItem[] = [
  {
    column: 'height_cm',
    nameJa: '身長',
    kind: 'number',
    decimals: 1,
    unit: 'cm',
    codes: ['9N001000000000001'],
    range: [100, 230],
  },
  {
    column: 'weight_kg',
    nameJa: '体重',
    kind: 'number',
    decimals: 1,
    unit: 'kg',
    codes: ['9N006000000000001'],
    range: [20, 250],
  },
  { column: 'bmi', nameJa: 'BMI', kind: 'number', decimals: 1, unit: 'kg/m2', codes: ['9N011000000000001'], range: [10, 70] },
  {
    column: 'waist_cm',
    nameJa: '腹囲',
    kind: 'number',
    decimals: 1,
    unit: 'cm',
    codes: ['9N016160100000001', '9N016160200000001', '9N016160300000001'],
    range: [40, 200],
  },
  { column: 'visceral_fat_cm2', nameJa: '内臓脂肪面積', kind: 'number', decimals: 1, unit: 'cm2', codes: ['9N021000000000001'] },
  {
    column: 'sbp',
    nameJa: '収縮期血圧',
    kind: 'integer',
    unit: 'mm[Hg]',
    codes: ['9A755000000000001', '9A752000000000001', '9A751000000000001'],
    range: [60, 300],
  },
  {
    column: 'dbp',
    nameJa: '拡張期血圧',
    kind: 'integer',
    unit: 'mm[Hg]',
    codes: ['9A765000000000001', '9A762000000000001', '9A761000000000001'],
    range: [30, 200],
  },
  {
    column: 'tg_fasting_value',
    nameJa: '空腹時中性脂肪',
    kind: 'integer',
    unit: 'mg/dL',
    codes: ['3F015000002327101', '3F015000002327201', '3F015000002399901'],
    range: [10, 5000],
  },
  {
    column: 'tg_random_value',
    nameJa: '随時中性脂肪',
    kind: 'integer',
    unit: 'mg/dL',
    codes: ['3F015129902327101', '3F015129902327201', '3F015129902399901'],
    range: [10, 5000],
  },
  {
    column: 'hdl_mgdl',
    nameJa: 'HDLコレステロール',
    kind: 'integer',
    unit: 'mg/dL',
    codes: ['3F070000002327101', '3F070000002327201', '3F070000002399901'],
    range: [5, 200],
  },
  {
    column: 'ldl_mgdl',
    nameJa: 'LDLコレステロール',
    kind: 'integer',
    unit: 'mg/dL',
    codes: ['3F077000002327101', '3F077000002327201', '3F077000002399901', '3F077000002391901'],
    range: [10, 500],
  },
  { column: 'non_hdl_mgdl', nameJa: 'Non-HDLコレステロール', kind: 'integer', unit: 'mg/dL', codes: ['3F069000002391901'] },
  {
    column: 'ast',
    nameJa: 'AST(GOT)',
    kind: 'integer',
    unit: 'U/L',
    codes: ['3B035000002327201', '3B035000002399901'],
    range: [1, 5000],
  },
  {
    column: 'alt',
    nameJa: 'ALT(GPT)',
    kind: 'integer',
    unit: 'U/L',
    codes: ['3B045000002327201', '3B045000002399901'],
    range: [1, 5000],
  },
  {
    column: 'ggt',
    nameJa: 'γ-GT',
    kind: 'integer',
    unit: 'U/L',
    codes: ['3B090000002327101', '3B090000002399901'],
    range: [1, 5000],
  },
  {
    column: 'fpg_mgdl',
    nameJa: '空腹時血糖',
    kind: 'integer',
    unit: 'mg/dL',
    codes: ['3D010000001926101', '3D010000002227101', '3D010000001927201', '3D010000001999901'],
    range: [20, 1000],
  },
  {
    column: 'random_glucose_mgdl',
    nameJa: '随時血糖',
    kind: 'integer',
    unit: 'mg/dL',
    codes: ['3D010129901926101', '3D010129902227101', '3D010129901927201', '3D010129901999901'],
    range: [20, 1000],
  },
  {
    column: 'hba1c',
    nameJa: 'HbA1c(NGSP)',
    kind: 'number',
    decimals: 1,
    unit: '%',
    codes: ['3D046000001906202', '3D046000001920402', '3D046000001927102', '3D046000001999902'],
    range: [3, 20],
  },
  {
    column: 'urine_glucose',
    nameJa: '尿糖',
    kind: 'code',
    codeSystem: '2102',
    ordinal: true,
    codes: ['1A020000000191111', '1A020000000190111'],
  },
  {
    column: 'urine_protein',
    nameJa: '尿蛋白',
    kind: 'code',
    codeSystem: '2102',
    ordinal: true,
    codes: ['1A010000000191111', '1A010000000190111'],
  },
  {
    column: 'creatinine',
    nameJa: '血清クレアチニン',
    kind: 'number',
    decimals: 2,
    unit: 'mg/dL',
    codes: ['3C015000002327101', '3C015000002399901'],
    range: [0.1, 30],
  },
  {
    column: 'egfr',
    nameJa: 'eGFR',
    kind: 'number',
    decimals: 1,
    unit: 'mL/min/1.73m2',
    codes: ['8A065000002391901'],
    range: [1, 200],
  },
  {
    column: 'hemoglobin',
    nameJa: '血色素量',
    kind: 'number',
    decimals: 1,
    unit: 'g/dL',
    codes: ['2A030000001930101'],
    range: [3, 25],
  },
  // 質問票 (standard questionnaire, 第4期). yes/no items use OID …6.2003: 1 はい, 2 いいえ.
  { column: 'med_bp', nameJa: '服薬1(血圧)', kind: 'yesno', codes: ['9N701000000000011'] },
  { column: 'med_glucose', nameJa: '服薬2(血糖)', kind: 'yesno', codes: ['9N706000000000011'] },
  { column: 'med_lipid', nameJa: '服薬3(脂質)', kind: 'yesno', codes: ['9N711000000000011'] },
  { column: 'hist_stroke', nameJa: '既往歴1(脳血管)', kind: 'yesno', codes: ['9N716000000000011'] },
  { column: 'hist_heart', nameJa: '既往歴2(心血管)', kind: 'yesno', codes: ['9N721000000000011'] },
  { column: 'hist_kidney', nameJa: '既往歴3(腎不全・人工透析)', kind: 'yesno', codes: ['9N726000000000011'] },
  { column: 'anemia', nameJa: '貧血', kind: 'yesno', codes: ['9N731000000000011'] },
  { column: 'smoking', nameJa: '喫煙', kind: 'code', codeSystem: '24060', codes: ['9N736000000000011'] },
  { column: 'weight_gain_20', nameJa: '20歳からの体重変化', kind: 'yesno', codes: ['9N741000000000011'] },
  { column: 'exercise_30min', nameJa: '30分以上の運動習慣', kind: 'yesno', codes: ['9N746000000000011'] },
  { column: 'walking_1h', nameJa: '歩行又は身体活動', kind: 'yesno', codes: ['9N751000000000011'] },
  { column: 'walking_fast', nameJa: '歩行速度', kind: 'yesno', codes: ['9N756000000000011'] },
  { column: 'chewing', nameJa: '咀嚼', kind: 'code', codeSystem: '18030', codes: ['9N872000000000011'] },
  { column: 'eating_speed', nameJa: '食べ方1(早食い)', kind: 'code', codeSystem: '2004', codes: ['9N766000000000011'] },
  { column: 'late_dinner', nameJa: '食べ方2(就寝前)', kind: 'yesno', codes: ['9N771000000000011'] },
  { column: 'snacking', nameJa: '食べ方3(間食)', kind: 'code', codeSystem: '18040', codes: ['9N782000000000011'] },
  { column: 'skip_breakfast', nameJa: '食習慣(朝食抜き)', kind: 'yesno', codes: ['9N781000000000011'] },
  { column: 'drinking_freq', nameJa: '飲酒', kind: 'code', codeSystem: '24040', codes: ['9N786000000000011'] },
  { column: 'drinking_amount', nameJa: '飲酒量', kind: 'code', codeSystem: '24050', ordinal: true, codes: ['9N791000000000011'] },
  { column: 'sleep_ok', nameJa: '睡眠', kind: 'yesno', codes: ['9N796000000000011'] },
  { column: 'improvement_intent', nameJa: '生活習慣の改善', kind: 'code', codeSystem: '2007', codes: ['9N801000000000011'] },
  { column: 'guidance_experience', nameJa: '特定保健指導の受診歴', kind: 'yesno', codes: ['9N808000000000011'] },
  // 採血時間 (…6.2202): 2 食後10時間以上 (空腹時), 3 食後3.5時間以上10時間未満, 4 食後3.5時間未満 (no 1);
  // docs/research/tokutei-xml-writer-and-hg08.md §5 corrects data-formats.md §3.6 here.
  { column: 'blood_draw_timing', nameJa: '採血時間(食後)', kind: 'code', codeSystem: '2202', codes: ['9N141000000000011'] },
  {
    column: 'metabo_judgement',
    nameJa: 'メタボリックシンドローム判定',
    kind: 'code',
    codeSystem: '1008',
    codes: ['9N501000000000011'],
  },
  { column: 'guidance_level', nameJa: '保健指導レベル', kind: 'code', codeSystem: '3001', codes: ['9N506000000000011'] },
];

/** Code system of yes/no 質問票 answers: 1 はい, 2 いいえ. */
export const YES_NO_SYSTEM = '2003';

const BY_CODE = new Map<string, { item: CheckupItem; rank: number }>();
for (const item of CHECKUP_ITEMS) {
  item.codes.forEach((c, rank) => {
    BY_CODE.set(c, { item, rank });
  });
}

export function checkupItemByColumn(column: string): CheckupItem | undefined {
  return CHECKUP_ITEMS.find((i) => i.column === column);
}

export function checkupItemByCode(code: string): { item: CheckupItem; rank: number } | undefined {
  return BY_CODE.get(code);
}
