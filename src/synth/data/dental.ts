// 歯科 fees and diagnoses for synthetic 歯科 claims (RECEIPTC.UKE, 点数表 3), 令和6年度改定 (2024-06).
//
// Sources (details and offsets in src/terminology/data/subset-research-4.json):
// - H25: the 支払基金 歯科診療行為マスター h_20251201.csv in horirinn2000/medical_master
//   (csv/dental_practice/h_20251201.csv, commit 7963a8b9b5c8681b65ce1e478cbbc7f5d510f4a9). Columns
//   (1-indexed): 3 code, 4–7 区分 (e.g. "I","011","02","001" = I011-2), 11 点数識別, 12 新点数 (R6),
//   14 旧点数 (R4), 58 変更年月日. The file is CP932 read as Greek: names are garbled, codes and
//   points are intact; each row below was matched on its 区分番号 and 点数.
// - B26: 傷病名マスター b_20260101.txt in yokenzan/receiptisan (csv/master/2024/b_20260101.txt,
//   commit a21160efc4b89214dc69d5df59f098916b835a75): code, name, ICD-10.
// - DIG: HealthDataWorks/fhir-ig-jp-rezept-dental DentalMedicalIdentification-CodeSystem.fsh
//   (記録条件仕様（歯科用）別表20 診療識別コード, R02 edition).
// ✅ = read from the source named; ⚠️ = not checked against a primary source.

/** 歯科 診療識別 (入院外) used here [DIG ✅]: 11 初診, 12 再診, 13 管理・リハ, 31 X線検査 (画像・検査),
 * 41 処置・手術1, 42 処置・手術2, 54 麻酔, 61/62 歯冠修復・欠損補綴. Which of 41–44 / 61–64 a fee
 * takes is ⚠️ (the 別表 numbers the slots without assigning fees; here 処置・手術 → 41, 充填 → 62). */
export type DentalCategory = '11' | '12' | '13' | '31' | '41' | '42' | '54' | '61' | '62';

export interface DentalFee {
  /** 9-digit 歯科診療行為コード (SS record). */
  code: string;
  name: string;
  /** 区分番号 of the 歯科点数表. */
  kubun: string;
  /** 令和6年度 点数 (per unit named in `unit`). */
  points: number;
  category: DentalCategory;
  unit?: string;
  source: string;
}

/** The fees of a typical 歯科 visit mix, all ✅ from H25 (R6 点数, 変更年月日 20240601). */
export const DENTAL_FEES = {
  initial: { code: '301000110', name: '歯科初診料', kubun: 'A000', points: 267, category: '11', source: 'H25 row 9 (offset 0)' },
  revisit: { code: '301001610', name: '歯科再診料', kubun: 'A002', points: 58, category: '12', source: 'H25 (offset ~16000)' },
  management: {
    code: '302000110',
    name: '歯科疾患管理料',
    kubun: 'B000-4',
    points: 100,
    category: '13',
    unit: '月1回',
    source: 'H25 (offset ~473000)',
  },
  hygieneGuidance: {
    code: '302000610',
    name: '歯科衛生実地指導料１',
    kubun: 'B001-2',
    points: 80,
    category: '13',
    unit: '月1回',
    source: 'H25 (offset ~483000)',
  },
  perioExam1to9: {
    code: '304000410',
    name: '歯周基本検査（１歯以上１０歯未満）',
    kubun: 'D002',
    points: 50,
    category: '31',
    source: 'H25 (offset ~581000)',
  },
  perioExam10to19: {
    code: '304000510',
    name: '歯周基本検査（１０歯以上２０歯未満）',
    kubun: 'D002',
    points: 110,
    category: '31',
    source: 'H25 (offset ~581000)',
  },
  perioExam20: {
    code: '304000610',
    name: '歯周基本検査（２０歯以上）',
    kubun: 'D002',
    points: 200,
    category: '31',
    source: 'H25 (offset ~581000)',
  },
  panoramaDiagnosis: {
    code: '305000410',
    name: '写真診断（特殊撮影（歯科パノラマ断層撮影））',
    kubun: 'E000',
    points: 125,
    category: '31',
    source: 'H25 (offset ~597000)',
  },
  panoramaDigital: {
    code: '305004310',
    name: '特殊撮影（デジタル撮影）（歯科パノラマ断層撮影）',
    kubun: 'E100',
    points: 182,
    category: '31',
    source: 'H25 (offset ~600500)',
  },
  dentalXrayDiagnosis: {
    code: '305000210',
    name: '写真診断（単純撮影（歯科エックス線撮影（全顎撮影以外）））',
    kubun: 'E000',
    points: 20,
    category: '31',
    unit: '1枚',
    source: 'H25 (offset ~592000)',
  },
  dentalXrayDigital: {
    code: '305004110',
    name: '単純撮影（デジタル撮影）（歯科エックス線撮影（全顎撮影以外））',
    kubun: 'E100',
    points: 28,
    category: '31',
    unit: '1枚',
    source: 'H25 (offset ~598000)',
  },
  cariesTreatment: {
    code: '309000110',
    name: 'う蝕処置',
    kubun: 'I000',
    points: 18,
    category: '41',
    unit: '1歯1回',
    source: 'H25 (offset ~677000)',
  },
  scaling: {
    code: '309004810',
    name: '歯周基本治療（スケーリング）',
    kubun: 'I011',
    points: 72,
    category: '41',
    unit: '3分の1顎',
    source: 'H25 (offset ~716000)',
  },
  scalingAdditional: {
    code: '309004970',
    name: '3分の1顎を増すごとの加算（スケーリング）',
    kubun: 'I011',
    points: 38,
    category: '41',
    source: 'H25 (offset ~716500)',
  },
  spt1to9: {
    code: '309014710',
    name: '歯周病安定期治療（１歯以上１０歯未満）',
    kubun: 'I011-2',
    points: 200,
    category: '41',
    source: 'H25 (offset ~718000)',
  },
  spt10to19: {
    code: '309014810',
    name: '歯周病安定期治療（１０歯以上２０歯未満）',
    kubun: 'I011-2',
    points: 250,
    category: '41',
    source: 'H25 (offset ~718000)',
  },
  spt20: {
    code: '309005710',
    name: '歯周病安定期治療（２０歯以上）',
    kubun: 'I011-2',
    points: 350,
    category: '41',
    source: 'H25 (offset ~718500)',
  },
  mechanicalCleaning: {
    code: '309011410',
    name: '機械的歯面清掃処置',
    kubun: 'I030',
    points: 72,
    category: '41',
    unit: '1口腔につき',
    source: 'H25 (offset ~737000)',
  },
  extractionDeciduous: {
    code: '310000110',
    name: '抜歯手術（乳歯）',
    kubun: 'J000',
    points: 130,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~749000)',
  },
  extractionAnterior: {
    code: '310000210',
    name: '抜歯手術（前歯）',
    kubun: 'J000',
    points: 160,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~749500)',
  },
  extractionMolar: {
    code: '310000310',
    name: '抜歯手術（臼歯）',
    kubun: 'J000',
    points: 270,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~750000)',
  },
  fillingSimple: {
    code: '313024310',
    name: '充填１（単純なもの）',
    kubun: 'M009',
    points: 106,
    category: '62',
    unit: '1歯',
    source: 'H25 (offset ~974000)',
  },
  fillingComplex: {
    code: '313024410',
    name: '充填１（複雑なもの）',
    kubun: 'M009',
    points: 158,
    category: '62',
    unit: '1歯',
    source: 'H25 (offset ~974500)',
  },
  /** 歯科充填用材料Ⅰ（複合レジン系）単純: written on an SS line after the 充填 (材料 code, 3130xxx20). */
  resinMaterialSimple: {
    code: '313009920',
    name: '充填（歯科充填用材料Ⅰ（複合レジン系））（単純なもの）',
    kubun: 'M009',
    points: 11,
    category: '62',
    source: 'H25 (offset ~975500)',
  },
} as const satisfies Record<string, DentalFee>;

export interface DentalDiagnosis {
  /** 7-digit 傷病名コード; 0000999 = 未コード化 (then `name` is written on HS). */
  code: string;
  name: string;
  icd10: string;
  /** The abbreviation 歯科 charts use. */
  abbreviation: string;
  source: string;
}

/** 歯科 傷病名. う蝕 ✅ B26 (offset ~531000, kana ウショク). 歯周炎・歯肉炎 ⚠️: their master codes were
 * not read; they go out as 未コード化 (0000999 + name), which a 審査 accepts but flags. */
export const DENTAL_DIAGNOSES = {
  caries: { code: '8843836', name: 'う蝕', icd10: 'K029', abbreviation: 'C', source: 'B26 ✅' },
  cariesC1: { code: '8830787', name: 'う蝕第１度', icd10: 'K020', abbreviation: 'C1', source: 'B26 ✅' },
  cariesC2: { code: '8830788', name: 'う蝕第２度', icd10: 'K021', abbreviation: 'C2', source: 'B26 ✅' },
  cariesC3: { code: '8830789', name: 'う蝕第３度', icd10: 'K025', abbreviation: 'C3', source: 'B26 ✅' },
  cariesC4: { code: '8830790', name: 'う蝕第４度', icd10: 'K028', abbreviation: 'C4', source: 'B26 ✅' },
  chronicPeriodontitis: {
    code: '0000999',
    name: '慢性歯周炎',
    icd10: 'K053',
    abbreviation: 'P',
    source: '⚠️ master code not read; ICD-10 K053 (chronic periodontitis) from ICD-10',
  },
  gingivitis: {
    code: '0000999',
    name: '慢性歯肉炎',
    icd10: 'K051',
    abbreviation: 'G',
    source: '⚠️ master code not read; ICD-10 K051 (chronic gingivitis) from ICD-10',
  },
} as const satisfies Record<string, DentalDiagnosis>;

/** A visit of a typical episode: the fees billed that day (keys of DENTAL_FEES) and their counts. */
export interface DentalVisit {
  fees: { fee: keyof typeof DENTAL_FEES; times: number }[];
}

export interface DentalEpisode {
  key: string;
  diagnosis: keyof typeof DENTAL_DIAGNOSES;
  /** Visits of the episode, in order (the first is the 初診 or, for maintenance, a 再診). */
  visits: DentalVisit[];
  /** ⚠️ Relative frequency among 歯科 episodes (assumed, not from data). */
  weight: number;
}

/**
 * Typical episodes ⚠️: the fee combinations follow the 点数表 rules as commonly billed (初診 with
 * 歯科疾患管理料 from the 2nd visit, 歯周基本検査 before スケーリング, SPT for stable periodontitis), but
 * the visit counts and weights are assumptions. National data put 歯科 at about 1.6–1.8 日 per
 * claim-month ⚠️ (医療費の動向, not re-checked).
 */
export const DENTAL_EPISODES: DentalEpisode[] = [
  {
    key: 'caries-C2-filling',
    diagnosis: 'cariesC2',
    weight: 0.3,
    visits: [
      {
        fees: [
          { fee: 'initial', times: 1 },
          { fee: 'dentalXrayDiagnosis', times: 1 },
          { fee: 'dentalXrayDigital', times: 1 },
          { fee: 'fillingSimple', times: 1 },
          { fee: 'resinMaterialSimple', times: 1 },
        ],
      },
      {
        fees: [
          { fee: 'revisit', times: 1 },
          { fee: 'management', times: 1 },
        ],
      },
    ],
  },
  {
    key: 'periodontitis-initial',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.35,
    visits: [
      {
        fees: [
          { fee: 'initial', times: 1 },
          { fee: 'panoramaDiagnosis', times: 1 },
          { fee: 'panoramaDigital', times: 1 },
          { fee: 'perioExam20', times: 1 },
        ],
      },
      {
        fees: [
          { fee: 'revisit', times: 1 },
          { fee: 'management', times: 1 },
          { fee: 'scaling', times: 1 },
          { fee: 'scalingAdditional', times: 5 },
        ],
      },
      {
        fees: [
          { fee: 'revisit', times: 1 },
          { fee: 'perioExam20', times: 1 },
          { fee: 'mechanicalCleaning', times: 1 },
        ],
      },
    ],
  },
  {
    key: 'periodontitis-maintenance',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.25,
    visits: [
      {
        fees: [
          { fee: 'revisit', times: 1 },
          { fee: 'management', times: 1 },
          { fee: 'spt20', times: 1 },
        ],
      },
    ],
  },
  {
    key: 'extraction-molar',
    diagnosis: 'cariesC4',
    weight: 0.1,
    visits: [
      {
        fees: [
          { fee: 'initial', times: 1 },
          { fee: 'dentalXrayDiagnosis', times: 1 },
          { fee: 'dentalXrayDigital', times: 1 },
          { fee: 'extractionMolar', times: 1 },
        ],
      },
      { fees: [{ fee: 'revisit', times: 1 }] },
    ],
  },
];
