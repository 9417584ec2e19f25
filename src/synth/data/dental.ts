// 歯科 fees and diagnoses for synthetic 歯科 claims (RECEIPTC.UKE, 点数表 3), 令和6年度改定 (2024-06).
//
// Sources (details and offsets in src/terminology/data/subset-research-4.json and subset-research-7.json):
// - H25: the 支払基金 歯科診療行為マスター h_20251201.csv in horirinn2000/medical_master
//   (csv/dental_practice/h_20251201.csv, commit 7963a8b9b5c8681b65ce1e478cbbc7f5d510f4a9). Columns
//   (1-indexed): 3 code, 4–7 区分 (e.g. "I","011","02","001" = I011-2), 11 点数識別, 12 新点数 (R6),
//   14 旧点数 (R4), 58 変更年月日. The file is CP932 read as Greek: names are garbled, codes and
//   points are intact; each row below was matched on its 区分番号 and 点数.
// - B26: 傷病名マスター b_20260101.txt in yokenzan/receiptisan (csv/master/2024/b_20260101.txt,
//   commit a21160efc4b89214dc69d5df59f098916b835a75): code, name, ICD-10.
// - HB: ryo02suzu/-Sourirette data/masters/hb_20260601.txt (commit 67c49389246ea46a5884ab29edb27923d5a83848), a copy of
//   a 支払基金 傷病名 file whose abolished abbreviation rows (Ｐｅｒ, ＭＴ, Ｐ …) carry their 移行先 code (column 4).
// - DIG: HealthDataWorks/fhir-ig-jp-rezept-dental DentalMedicalIdentification-CodeSystem.fsh
//   (記録条件仕様（歯科用）別表20 診療識別コード, R02 edition).
// ✅ = read from the source named; ⚠️ = not checked against a primary source.

/** 歯科 診療識別 (入院外) used here [DIG ✅]: 11 初診, 12 再診, 13 管理・リハ, 31 X線検査 (画像・検査),
 * 41 処置・手術1, 42 処置・手術2, 54 麻酔, 61/62 歯冠修復・欠損補綴. Which of 41–44 / 61–64 a fee
 * takes is ⚠️ (the 別表 numbers the slots without assigning fees; here 処置・手術 → 41, 充填 → 62, other 歯冠修復・
 * 欠損補綴 (M001–M018) → 61). The 別表 read has no 在宅 slot, so 歯科訪問診療料 and the 在宅 管理/指導料 go under 13 ⚠️. */
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

/**
 * The fees of a typical 歯科 visit mix, all ✅ from H25 (R6 点数 in column 12; 変更年月日 20240601 unless noted).
 * 材料 rows (codes ending 20, e.g. 金銀パラジウム合金) carry the 材料価格 in points as of the file date (2025-12-01),
 * which is revised between 改定.
 */
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
  // ---- Added by subset-research-7 (all ✅ H25 rows, R6 点数 in column 12; offsets are approximate read_file offsets). ----
  safetyInitial: {
    code: '301001570',
    name: '歯科外来診療医療安全対策加算１（初診）',
    kubun: 'A000',
    points: 12,
    category: '11',
    source: 'H25 (offset ~10500); R4 was 歯科外来診療環境体制加算１（初診） 23 under the same code',
  },
  infectionInitial: {
    code: '301123070',
    name: '歯科外来診療感染対策加算１（初診）',
    kubun: 'A000',
    points: 12,
    category: '11',
    source: 'H25 (offset ~12000); new in R6; the row 変更年月日 is 20250601 (a later edit), points 12',
  },
  safetyRevisit: {
    code: '301026470',
    name: '歯科外来診療医療安全対策加算１（再診）',
    kubun: 'A002',
    points: 2,
    category: '12',
    source: 'H25 (offset ~27000)',
  },
  infectionRevisit: {
    code: '301124470',
    name: '歯科外来診療感染対策加算１（再診）',
    kubun: 'A002',
    points: 2,
    category: '12',
    source: 'H25 (offset ~28500); 変更年月日 20250601',
  },
  newDentureManagement: {
    code: '302003710',
    name: '新製有床義歯管理料（２以外の場合）',
    kubun: 'B013',
    points: 190,
    category: '13',
    unit: '1口腔につき',
    source: 'H25 (offset ~528500)',
  },
  homeVisit1: {
    code: '303000110',
    name: '歯科訪問診療１（診療所）',
    kubun: 'C000',
    points: 1100,
    category: '13',
    unit: '1日につき',
    source: 'H25 (offset ~533000); 在宅 fees are put under 13 (管理・リハ) ⚠️: the 別表20 list read (DIG) has no 在宅 slot',
  },
  homeVisit3: {
    code: '303012810',
    name: '歯科訪問診療３（診療所）',
    kubun: 'C000',
    points: 310,
    category: '13',
    unit: '1日につき',
    source: 'H25 (offset ~541500); new in R6 (4-9 patients in one building)',
  },
  homeCareManagement: {
    code: '303003410',
    name: '歯科疾患在宅療養管理料（１から３まで以外の場合）',
    kubun: 'C001-3',
    points: 200,
    category: '13',
    unit: '月1回',
    source: 'H25 (offset ~559000)',
  },
  homeHygieneGuidance: {
    code: '303007310',
    name: '訪問歯科衛生指導料（単一建物診療患者が１人の場合）',
    kubun: 'C001',
    points: 362,
    category: '13',
    unit: '月4回まで',
    source: 'H25 (offset ~557500)',
  },
  perioPrecise20: {
    code: '304000910',
    name: '歯周精密検査（２０歯以上）',
    kubun: 'D002',
    points: 400,
    category: '31',
    source: 'H25 (offset ~581300)',
  },
  pulpectomy1: {
    code: '309002110',
    name: '抜髄（単根管）',
    kubun: 'I005',
    points: 234,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~681000)',
  },
  pulpectomy2: {
    code: '309002210',
    name: '抜髄（２根管）',
    kubun: 'I005',
    points: 426,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~681500)',
  },
  pulpectomy3: {
    code: '309002310',
    name: '抜髄（３根管以上）',
    kubun: 'I005',
    points: 600,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~682000)',
  },
  infectedCanal1: {
    code: '309003010',
    name: '感染根管処置（単根管）',
    kubun: 'I006',
    points: 160,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~697000)',
  },
  infectedCanal2: {
    code: '309003110',
    name: '感染根管処置（２根管）',
    kubun: 'I006',
    points: 310,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~697500)',
  },
  infectedCanal3: {
    code: '309003210',
    name: '感染根管処置（３根管以上）',
    kubun: 'I006',
    points: 450,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~698000)',
  },
  canalDressing1: {
    code: '309003310',
    name: '根管貼薬処置（単根管）',
    kubun: 'I007',
    points: 33,
    category: '41',
    unit: '1歯1回',
    source: 'H25 (offset ~703000)',
  },
  canalDressing2: {
    code: '309003410',
    name: '根管貼薬処置（２根管）',
    kubun: 'I007',
    points: 41,
    category: '41',
    unit: '1歯1回',
    source: 'H25 (offset ~703500)',
  },
  canalDressing3: {
    code: '309003510',
    name: '根管貼薬処置（３根管以上）',
    kubun: 'I007',
    points: 57,
    category: '41',
    unit: '1歯1回',
    source: 'H25 (offset ~704000)',
  },
  canalFilling1: {
    code: '309003610',
    name: '根管充填（単根管）',
    kubun: 'I008',
    points: 72,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~704500)',
  },
  canalFilling2: {
    code: '309003710',
    name: '根管充填（２根管）',
    kubun: 'I008',
    points: 94,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~705000)',
  },
  canalFilling3: {
    code: '309003810',
    name: '根管充填（３根管以上）',
    kubun: 'I008',
    points: 122,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~705300)',
  },
  pressureFilling1: {
    code: '309014310',
    name: '加圧根管充填処置（単根管）',
    kubun: 'I008-2',
    points: 139,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~705600); billed with 根管充填 the same day',
  },
  pressureFilling2: {
    code: '309014410',
    name: '加圧根管充填処置（２根管）',
    kubun: 'I008-2',
    points: 168,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~705900)',
  },
  pressureFilling3: {
    code: '309014510',
    name: '加圧根管充填処置（３根管以上）',
    kubun: 'I008-2',
    points: 213,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~706200)',
  },
  postOpCare: {
    code: '309004210',
    name: '外科後処置（口腔内外科後処置）',
    kubun: 'I009',
    points: 22,
    category: '41',
    unit: '1口腔1回',
    source: 'H25 (offset ~706300)',
  },
  srpAnterior: {
    code: '309005010',
    name: '歯周基本治療（スケーリング・ルートプレーニング）（前歯）',
    kubun: 'I011',
    points: 60,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~713000)',
  },
  srpPremolar: {
    code: '309005110',
    name: '歯周基本治療（スケーリング・ルートプレーニング）（小臼歯）',
    kubun: 'I011',
    points: 64,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~713400)',
  },
  srpMolar: {
    code: '309005210',
    name: '歯周基本治療（スケーリング・ルートプレーニング）（大臼歯）',
    kubun: 'I011',
    points: 72,
    category: '41',
    unit: '1歯',
    source: 'H25 (offset ~713800)',
  },
  perioSeverityPrev10to19: {
    code: '309019710',
    name: '歯周病重症化予防治療（１０歯以上２０歯未満）',
    kubun: 'I011-2-3',
    points: 200,
    category: '41',
    source: 'H25 (offset ~719000); master 区分 columns I,011,02,008',
  },
  perioSeverityPrev20: {
    code: '309019810',
    name: '歯周病重症化予防治療（２０歯以上）',
    kubun: 'I011-2-3',
    points: 300,
    category: '41',
    source: 'H25 (offset ~719400); master 区分 columns I,011,02,009',
  },
  crownPrepVitalMetal: {
    code: '313000610',
    name: '歯冠形成（生活歯歯冠形成）（金属冠）',
    kubun: 'M001',
    points: 306,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~921300)',
  },
  crownPrepNonvitalMetal: {
    code: '313000910',
    name: '歯冠形成（失活歯歯冠形成）（金属冠）',
    kubun: 'M001',
    points: 166,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~922500)',
  },
  crownPrepNonvitalNonmetal: {
    code: '313001010',
    name: '歯冠形成（失活歯歯冠形成）（非金属冠）',
    kubun: 'M001',
    points: 166,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~922900)',
  },
  cadcamPrepAddNonvital: {
    code: '313025370',
    name: 'ＣＡＤ／ＣＡＭ冠のための支台歯形成加算（失活歯・非金属冠）',
    kubun: 'M001',
    points: 470,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~927500); 注加算 on M001 失活歯 非金属冠',
  },
  coreIndirectMetalMolar: {
    code: '313002310',
    name: '支台築造（間接法）（メタルコア）（大臼歯）',
    kubun: 'M002',
    points: 181,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~932000)',
  },
  coreMetalMaterialMolar: {
    code: '313002720',
    name: '（材）支台築造 間接法 メタルコア（大臼歯）',
    kubun: 'M002',
    points: 110,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~935900); 材料 row (3130xxx20); points as of 変更年月日 20251201 (金パラ etc. are revised between 改定)',
  },
  coreDirectFiberPremolar: {
    code: '313028110',
    name: '支台築造（直接法）（ファイバーポストを用いた場合）（小臼歯及び前歯）',
    kubun: 'M002',
    points: 148,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~934700)',
  },
  fiberPost: {
    code: '313029520',
    name: 'ファイバーポスト（１本につき）',
    kubun: 'M002',
    points: 61,
    category: '61',
    unit: '1本',
    source: 'H25 (offset ~937800); 材料 row',
  },
  impressionSimple: {
    code: '313003210',
    name: '印象採得（歯冠修復）（単純印象）',
    kubun: 'M003',
    points: 32,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~938500)',
  },
  impressionConnected: {
    code: '313003310',
    name: '印象採得（歯冠修復）（連合印象）',
    kubun: 'M003',
    points: 64,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~938900)',
  },
  impressionDentureSimpleDifficult: {
    code: '313003510',
    name: '印象採得（欠損補綴）（単純印象）（困難なもの）',
    kubun: 'M003',
    points: 72,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~939700)',
  },
  impressionDentureConnected: {
    code: '313003610',
    name: '印象採得（欠損補綴）（連合印象）',
    kubun: 'M003',
    points: 230,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~940100)',
  },
  impressionDentureSpecial: {
    code: '313003710',
    name: '印象採得（欠損補綴）（特殊印象）',
    kubun: 'M003',
    points: 272,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~940500)',
  },
  seatCrown: {
    code: '313024110',
    name: '装着（歯冠修復）',
    kubun: 'M005',
    points: 45,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~949500)',
  },
  seatCementResin: {
    code: '313007120',
    name: '（材）装着 歯科用合着・接着材料Ⅰ（レジン系）（標準型）',
    kubun: 'M005',
    points: 17,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~962300); 材料 row',
  },
  seatDentureFew: {
    code: '313005310',
    name: '装着（有床義歯）（少数歯欠損）',
    kubun: 'M005',
    points: 60,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~950700)',
  },
  seatDentureComplete: {
    code: '313005510',
    name: '装着（有床義歯）（総義歯）',
    kubun: 'M005',
    points: 230,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~951700)',
  },
  biteCrown: {
    code: '313007810',
    name: '咬合採得（歯冠修復）',
    kubun: 'M006',
    points: 18,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~964900)',
  },
  biteDentureFew: {
    code: '313008210',
    name: '咬合採得（有床義歯）（少数歯欠損）',
    kubun: 'M006',
    points: 57,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~966000)',
  },
  biteDentureComplete: {
    code: '313008410',
    name: '咬合採得（有床義歯）（総義歯）',
    kubun: 'M006',
    points: 283,
    category: '61',
    unit: '1装置',
    source: 'H25 (offset ~967000)',
  },
  trialDentureFew: {
    code: '313008610',
    name: '仮床試適（少数歯欠損）',
    kubun: 'M007',
    points: 40,
    category: '61',
    unit: '1床',
    source: 'H25 (offset ~969800)',
  },
  trialDentureComplete: {
    code: '313008810',
    name: '仮床試適（総義歯）',
    kubun: 'M007',
    points: 190,
    category: '61',
    unit: '1床',
    source: 'H25 (offset ~970600)',
  },
  fillingComplexResinMaterial: {
    code: '313010020',
    name: '（材）充填 歯科充填用材料Ⅰ（複合レジン系）（複雑なもの）',
    kubun: 'M009',
    points: 29,
    category: '62',
    source: 'H25 (offset ~976000); 材料 row written after 充填１（複雑なもの）',
  },
  fullMetalCrownPosterior: {
    code: '313010810',
    name: '金属歯冠修復（全部金属冠）（小臼歯及び大臼歯）',
    kubun: 'M010',
    points: 459,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~981300)',
  },
  goldPalladiumMolarFullCrown: {
    code: '313011420',
    name: '（材）金属歯冠修復 金銀パラジウム合金（金12%以上）（大臼歯）（全部金属冠）',
    kubun: 'M010',
    points: 1338,
    category: '61',
    unit: '1個',
    source: 'H25 (offset ~983500); 材料 row; 1338 as of 変更年月日 20251201 (随時改定; earlier value 1213)',
  },
  cadcamCrown: {
    code: '313025510',
    name: 'ＣＡＤ／ＣＡＭ冠（２以外の場合）',
    kubun: 'M015-2',
    points: 1200,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~1005600)',
  },
  cadcamMaterialPremolar: {
    code: '313026420',
    name: '（材）ＣＡＤ／ＣＡＭ冠用材料（Ⅱ）（小臼歯）',
    kubun: 'M015-2',
    points: 163,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~1006800); 材料 row',
  },
  cadcamMaterialMolar: {
    code: '313029820',
    name: '（材）ＣＡＤ／ＣＡＭ冠用材料（Ⅲ）（大臼歯）',
    kubun: 'M015-2',
    points: 316,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~1007200); 材料 row',
  },
  denturePartial1to4: {
    code: '313016610',
    name: '有床義歯（局部義歯）（１歯から４歯まで）',
    kubun: 'M018',
    points: 624,
    category: '61',
    unit: '1床',
    source: 'H25 (offset ~1022200); 人工歯 and 鉤 (M020/M021 and 材料) are not included ⚠️',
  },
  denturePartial1to4Material: {
    code: '313017120',
    name: '（材）有床義歯 局部義歯（１歯から４歯まで）',
    kubun: 'M018',
    points: 2,
    category: '61',
    unit: '1床',
    source: 'H25 (offset ~1024500); 材料 row',
  },
  dentureComplete: {
    code: '313017010',
    name: '有床義歯（総義歯）',
    kubun: 'M018',
    points: 2420,
    category: '61',
    unit: '1顎',
    source: 'H25 (offset ~1023800); 人工歯 material not included ⚠️',
  },
  dentureCompleteMaterial: {
    code: '313017520',
    name: '（材）有床義歯 総義歯',
    kubun: 'M018',
    points: 10,
    category: '61',
    unit: '1顎',
    source: 'H25 (offset ~1025800); 材料 row',
  },
  rootLengthMeasure: {
    code: '304000110',
    name: '電気的根管長測定検査',
    kubun: 'D000',
    points: 30,
    category: '31',
    unit: '1歯',
    source: 'H25 (offset ~578000)',
  },
  rootLengthMeasureAdd: {
    code: '304000270',
    name: '２根管以上加算（電気的根管長測定検査）',
    kubun: 'D000',
    points: 15,
    category: '31',
    unit: '1歯',
    source: 'H25 (offset ~578400); 注加算',
  },
  cadcamInnerSurfaceAdd: {
    code: '313025470',
    name: '内面処理加算１（ＣＡＤ／ＣＡＭ冠）',
    kubun: 'M005',
    points: 45,
    category: '61',
    unit: '1歯',
    source: 'H25 (offset ~961300); 注加算 on 装着',
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

/**
 * 歯科 傷病名 (details in subset-research-4.json and subset-research-7.json). う蝕 ✅ B26 (offset ~531000, kana
 * ウショク). 歯周炎・歯肉炎・歯髄炎・歯髄壊疽 ✅ B26 (kana-sorted, offsets ~2.71M–2.81M). 根尖性歯周炎 (Per) and
 * 歯の欠損 (MT) ⚠️: their codes are the 移行先 of the abolished abbreviations Ｐｅｒ and ＭＴ in HB (a copy of a
 * 支払基金 傷病名 file, hb_20260601.txt) and were not read in B26; the names/ICD-10 are unverified.
 * `chronicPeriodontitis` is kept as the key but now carries 歯周炎 (5234009, K053, ✅): 慢性歯周炎 is most likely
 * 5234016 (HB: Ｐ → 5234016; two public fixtures name it 慢性歯周炎) but that row was not read in B26.
 */
export const DENTAL_DIAGNOSES = {
  caries: { code: '8843836', name: 'う蝕', icd10: 'K029', abbreviation: 'C', source: 'B26 ✅' },
  cariesC1: { code: '8830787', name: 'う蝕第１度', icd10: 'K020', abbreviation: 'C1', source: 'B26 ✅' },
  cariesC2: { code: '8830788', name: 'う蝕第２度', icd10: 'K021', abbreviation: 'C2', source: 'B26 ✅' },
  cariesC3: { code: '8830789', name: 'う蝕第３度', icd10: 'K025', abbreviation: 'C3', source: 'B26 ✅' },
  cariesC4: { code: '8830790', name: 'う蝕第４度', icd10: 'K028', abbreviation: 'C4', source: 'B26 ✅' },
  chronicPeriodontitis: {
    code: '5234009',
    name: '歯周炎',
    icd10: 'K053',
    abbreviation: 'P',
    source: 'B26 ✅ (offset ~2709000, kana シシュウエン, 略称 Ｐ); replaces the former 0000999 慢性歯周炎',
  },
  gingivitis: {
    code: '5231018',
    name: '歯肉炎',
    icd10: 'K051',
    abbreviation: 'G',
    source: 'B26 ✅ (offset ~2808500, kana シニクエン, 略称 Ｇ); replaces the former 0000999 慢性歯肉炎',
  },
  pulpitis: {
    code: '5220063',
    name: '歯髄炎',
    icd10: 'K040',
    abbreviation: 'Pul',
    source: 'B26 ✅ (offset ~2731500, kana シズイエン, 略称 Ｐｕｌ)',
  },
  pulpGangrene: {
    code: '5221013',
    name: '歯髄壊疽',
    icd10: 'K041',
    abbreviation: 'Pu壊疽',
    source: 'B26 ✅ (offset ~2731200, kana シズイエソ)',
  },
  apicalPeriodontitis: {
    code: '0000999', // candidate 8832354 not in the shipped 傷病名 subset: written 未コード化 with the name
    name: '根尖性歯周炎',
    icd10: 'K045',
    abbreviation: 'Per',
    source:
      '⚠️ code = HB 移行先 of the abolished abbreviation Ｐｅｒ (5225011); public fixtures name it 急性根尖性歯周炎; name and ICD-10 not read in B26',
  },
  toothLoss: {
    code: '0000999', // candidate 5250001 not in the shipped 傷病名 subset: written 未コード化 with the name
    name: '歯牙欠損',
    icd10: 'K081',
    abbreviation: 'MT',
    source: '⚠️ code = HB 移行先 of the abolished abbreviation ＭＴ (5250003); name and ICD-10 not read in B26',
  },
} satisfies Record<string, DentalDiagnosis>; // not `as const`: codes stay `string` (care-use.ts tests for 0000999)

/** A visit of a typical episode: the fees billed that day (keys of DENTAL_FEES) and their counts. */
export interface DentalVisit {
  fees: { fee: keyof typeof DENTAL_FEES; times: number }[];
}

export interface DentalEpisode {
  key: string;
  diagnosis: keyof typeof DENTAL_DIAGNOSES;
  /** Visits of the episode, in order (the first is the 初診 or, for maintenance and home care, not a 初診). */
  visits: DentalVisit[];
  /** ⚠️ Relative frequency among 歯科 episodes of the ages it applies to (assumed, not from data). */
  weight: number;
  /** Ages (inclusive) the episode applies to; absent = all ages. Read it through dentalEpisodeWeight(). */
  ages?: readonly [number, number];
  /** How the episode was put together. */
  note?: string;
}

type FeeKey = keyof typeof DENTAL_FEES;
const visit = (...fees: (FeeKey | [FeeKey, number])[]): DentalVisit => ({
  fees: fees.map((f) => (typeof f === 'string' ? { fee: f, times: 1 } : { fee: f[0], times: f[1] })),
});
/** 初診 with the two R6 外来 加算 that most clinics hold (医療安全対策加算１, 感染対策加算１) ⚠️ share assumed 100%. */
const FIRST: FeeKey[] = ['initial', 'safetyInitial', 'infectionInitial'];
/** 再診 with the same two 加算. */
const NEXT: FeeKey[] = ['revisit', 'safetyRevisit', 'infectionRevisit'];
const XRAY: FeeKey[] = ['dentalXrayDiagnosis', 'dentalXrayDigital'];
const PANORAMA: FeeKey[] = ['panoramaDiagnosis', 'panoramaDigital'];

/**
 * Typical 歯科 episodes ⚠️. Fee combinations follow the 令和6年度 歯科点数表 as commonly billed (one tooth per
 * endodontic/crown episode; 歯科疾患管理料 from the 2nd visit, once a month; 歯周基本検査 before スケーリング/SRP and
 * again as 再評価; 抜髄/感染根管処置 → 根管貼薬 → 根管充填 + 加圧根管充填 → 支台築造 → 歯冠形成・印象・咬合採得 → 装着;
 * 有床義歯: 印象 → 咬合採得 → 仮床試適 → 装着 → 新製有床義歯管理料 at the first adjustment). Not modelled: 麻酔,
 * 人工歯 and 鉤 of dentures, 補綴時診断料, 有床義歯調整, 在宅 補助加算. Visit counts are typical textbook courses ⚠️;
 * weights are assumptions chosen to approach the national ≈ 800点 per visit-day (歯科 ≈ 3.2兆円 / 4.0億日, 令和4年度
 * 医療費の動向; 国民医療費 FY2023 歯科 2.22万円 <65, 3.69万円 ≥65 per capita). Computed mix (dentalEpisodeWeight at ages
 * 8 / 40 / 70 / 85, weighted 10/55/18/17% ⚠️): ≈ 707 points per visit-day, ≈ 3.5 visit-days and ≈ 2,490 points per
 * episode (age 40: 683 / 3.5; age 70: 762 / 3.8; age 85: 789 / 3.8; age 8: 533 / 2.6). The gap to ≈ 800 is the
 * fees not modelled (麻酔, 補綴時診断料, ベースアップ評価料, 医療DX推進体制整備加算, bridges, 人工歯・鉤). The shares of 歯冠修復・欠損補綴 episodes (≈ 25% of adult episodes) follow the rough
 * national split of 歯科 cost (処置・手術 ≈ 30%, 歯冠修復及び欠損補綴 ≈ 30–35%) ⚠️ not re-checked.
 * Use dentalEpisodeWeight(episode, age) as the pick weight to apply `ages`.
 */
export const DENTAL_EPISODES: DentalEpisode[] = [
  {
    key: 'caries-C2-filling',
    diagnosis: 'cariesC2',
    weight: 0.18,
    note: 'six composite resin fillings (単純 ×2, 複雑 ×4) over 3 visits; パノラマ at the 初診',
    visits: [
      visit(...FIRST, ...PANORAMA, ['fillingSimple', 2], ['resinMaterialSimple', 2]),
      visit(...NEXT, 'management', 'hygieneGuidance', ['fillingComplex', 2], ['fillingComplexResinMaterial', 2]),
      visit(...NEXT, ['fillingComplex', 2], ['fillingComplexResinMaterial', 2]),
    ],
  },
  {
    key: 'gingivitis-cleaning',
    diagnosis: 'gingivitis',
    weight: 0.04,
    note: '歯周基本検査 + スケーリング, then 指導 and 機械的歯面清掃',
    visits: [
      visit(...FIRST, 'perioExam20', 'scaling', ['scalingAdditional', 5]),
      visit(...NEXT, 'management', 'hygieneGuidance', 'mechanicalCleaning'),
    ],
  },
  {
    key: 'extraction-deciduous',
    diagnosis: 'cariesC4',
    weight: 0.1,
    ages: [3, 12],
    visits: [visit(...FIRST, ...XRAY, 'extractionDeciduous'), visit(...NEXT, 'postOpCare')],
  },
  {
    key: 'pulpitis-endo-cadcam-premolar',
    diagnosis: 'pulpitis',
    weight: 0.09,
    ages: [15, 120],
    note: '2-canal premolar: 抜髄 → 貼薬 → 根管充填 → ファイバーポスト支台築造 + CAD/CAM冠',
    visits: [
      visit(...FIRST, ...XRAY, 'rootLengthMeasure', 'rootLengthMeasureAdd', 'pulpectomy2'),
      visit(...NEXT, 'management', 'canalDressing2'),
      visit(...NEXT, ...XRAY, 'rootLengthMeasure', 'rootLengthMeasureAdd', 'canalFilling2', 'pressureFilling2'),
      visit(
        ...NEXT,
        'coreDirectFiberPremolar',
        'fiberPost',
        'crownPrepNonvitalNonmetal',
        'cadcamPrepAddNonvital',
        'impressionConnected',
        'biteCrown',
      ),
      visit(...NEXT, 'cadcamCrown', 'cadcamMaterialPremolar', 'seatCrown', 'cadcamInnerSurfaceAdd', 'seatCementResin'),
    ],
  },
  {
    key: 'pulpitis-endo-metal-crown-molar',
    diagnosis: 'pulpitis',
    weight: 0.08,
    ages: [15, 120],
    note: '3-canal molar: 抜髄 → 貼薬 → 根管充填 → メタルコア (間接法) → 全部金属冠 (金パラ)',
    visits: [
      visit(...FIRST, ...XRAY, 'rootLengthMeasure', 'rootLengthMeasureAdd', 'pulpectomy3'),
      visit(...NEXT, 'management', 'canalDressing3'),
      visit(...NEXT, ...XRAY, 'canalFilling3', 'pressureFilling3', 'impressionSimple'),
      visit(
        ...NEXT,
        'coreIndirectMetalMolar',
        'coreMetalMaterialMolar',
        'seatCementResin',
        'crownPrepNonvitalMetal',
        'impressionConnected',
        'biteCrown',
      ),
      visit(...NEXT, 'fullMetalCrownPosterior', 'goldPalladiumMolarFullCrown', 'seatCrown', 'seatCementResin'),
    ],
  },
  {
    key: 'apical-periodontitis-endo-crown-molar',
    diagnosis: 'apicalPeriodontitis',
    weight: 0.08,
    ages: [15, 120],
    note: '3-canal molar: 感染根管処置 → 貼薬 ×2 → 根管充填 → メタルコア → 全部金属冠 (6 visits)',
    visits: [
      visit(...FIRST, ...XRAY, 'rootLengthMeasure', 'rootLengthMeasureAdd', 'infectedCanal3'),
      visit(...NEXT, 'management', 'canalDressing3'),
      visit(...NEXT, 'canalDressing3'),
      visit(...NEXT, ...XRAY, 'canalFilling3', 'pressureFilling3', 'impressionSimple'),
      visit(
        ...NEXT,
        'coreIndirectMetalMolar',
        'coreMetalMaterialMolar',
        'seatCementResin',
        'crownPrepNonvitalMetal',
        'impressionConnected',
        'biteCrown',
      ),
      visit(...NEXT, 'fullMetalCrownPosterior', 'goldPalladiumMolarFullCrown', 'seatCrown', 'seatCementResin'),
    ],
  },
  {
    key: 'periodontitis-basic-course',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.16,
    ages: [20, 120],
    note: '歯周基本検査 → スケーリング → SRP (8 teeth) → 再評価 (歯周精密検査) with 機械的歯面清掃',
    visits: [
      visit(...FIRST, ...PANORAMA, 'perioExam20'),
      visit(...NEXT, 'management', 'hygieneGuidance', 'scaling', ['scalingAdditional', 5]),
      visit(...NEXT, ['srpMolar', 4], ['srpPremolar', 4]),
      visit(...NEXT, 'management', 'perioPrecise20', 'mechanicalCleaning'),
    ],
  },
  {
    key: 'periodontitis-maintenance-spt',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.07,
    ages: [30, 120],
    note: '歯周病安定期治療 (SPT), one session of the year-long maintenance',
    visits: [visit(...NEXT, 'management', 'hygieneGuidance', 'spt20')],
  },
  {
    key: 'periodontitis-severity-prevention',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.05,
    ages: [20, 120],
    note: '歯周病重症化予防治療 (P重防), new in R4/R6',
    visits: [visit(...NEXT, 'management', 'hygieneGuidance', 'perioSeverityPrev20')],
  },
  {
    key: 'extraction-molar',
    diagnosis: 'cariesC4',
    weight: 0.05,
    ages: [15, 120],
    visits: [visit(...FIRST, ...XRAY, 'extractionMolar'), visit(...NEXT, 'postOpCare')],
  },
  {
    key: 'denture-partial',
    diagnosis: 'toothLoss',
    weight: 0.05,
    ages: [50, 120],
    note: '局部義歯 1–4歯: 印象 ×2 → 咬合採得 + 仮床試適 → 装着 → 新製有床義歯管理料 (人工歯・鉤 not billed ⚠️)',
    visits: [
      visit(...FIRST, ...PANORAMA, 'impressionDentureSimpleDifficult'),
      visit(...NEXT, 'management', 'impressionDentureConnected'),
      visit(...NEXT, 'biteDentureFew', 'trialDentureFew'),
      visit(...NEXT, 'denturePartial1to4', 'denturePartial1to4Material', 'seatDentureFew'),
      visit(...NEXT, 'management', 'newDentureManagement'),
    ],
  },
  {
    key: 'denture-complete',
    diagnosis: 'toothLoss',
    weight: 0.08,
    ages: [65, 120],
    note: '上下総義歯 (2顎, each line ×2): 印象 → 特殊印象 → 咬合採得 → 仮床試適 → 装着 → 新製有床義歯管理料 (人工歯 not billed ⚠️)',
    visits: [
      visit(...FIRST, ...PANORAMA, ['impressionDentureSimpleDifficult', 2]),
      visit(...NEXT, 'management', ['impressionDentureSpecial', 2]),
      visit(...NEXT, ['biteDentureComplete', 2]),
      visit(...NEXT, ['trialDentureComplete', 2]),
      visit(...NEXT, ['dentureComplete', 2], ['dentureCompleteMaterial', 2], ['seatDentureComplete', 2]),
      visit(...NEXT, 'management', 'newDentureManagement'),
    ],
  },
  {
    key: 'home-visit-own-home',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.06,
    ages: [75, 120],
    note: '歯科訪問診療１ (one patient at home, 20 min+) ×4, 歯科疾患在宅療養管理料 monthly, 訪問歯科衛生指導料 on the same day ⚠️ (same-day rule not checked); 初再診料 not billed ⚠️',
    visits: [
      visit('homeVisit1', 'homeCareManagement', 'perioExam1to9'),
      visit('homeVisit1', 'homeHygieneGuidance', 'scaling', ['scalingAdditional', 2]),
      visit('homeVisit1', 'homeCareManagement'),
      visit('homeVisit1', 'homeHygieneGuidance', 'scaling'),
    ],
  },
  {
    key: 'home-visit-facility',
    diagnosis: 'chronicPeriodontitis',
    weight: 0.05,
    ages: [75, 120],
    note: '歯科訪問診療３ (4–9 residents of one facility) ×4 with 歯科疾患在宅療養管理料 monthly',
    visits: [
      visit('homeVisit3', 'homeCareManagement', 'perioExam1to9'),
      visit('homeVisit3', 'scaling', ['scalingAdditional', 2]),
      visit('homeVisit3', 'homeCareManagement'),
      visit('homeVisit3', 'scaling'),
    ],
  },
];

/** The pick weight of an episode for a person of `age`: `weight` inside `ages`, 0 outside. */
export function dentalEpisodeWeight(episode: DentalEpisode, age: number): number {
  if (episode.ages && (age < episode.ages[0] || age > episode.ages[1])) return 0;
  return episode.weight;
}
