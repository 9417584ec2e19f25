// The most common DPC admissions of an insurer population, for synthetic DPC claims (RECEIPTD.UKE).
//
// What is verified and what is not — read before use:
// - 14-digit codes: ✅ where a 令和6年度 (FY2024 discharges, 令和6年度 診断群分類) 病院情報の公表 page or an
//   MHLW committee document of the R6 period lists the code; ⚠️ where the code was only seen under an
//   older revision or in a synthetic generator (it may have been split or renamed in R6).
// - National mean length of stay (平均在院日数（全国）): ✅ copied from the R6 病院情報の公表 pages cited.
// - 入院期間 I/II/III and the points per day: ⚠️ ALL ESTIMATES. The 令和6年度 診断群分類点数表
//   (MHLW 電子点数表 xlsx, https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000198757_00008.html,
//   e.g. content/12400000/001245899.xlsx) could not be read here. Estimates follow the R6 rules
//   (II = national mean stay rounded; I = about its 25th percentile; III = a multiple of 30) with
//   per-day points typical of 一般病棟 DPC (I > II > III). Replace with the 点数表 values before
//   trusting any money figure.
// - 手術 codes: where `code` is set, it was read from the 診療行為マスター (subset-research-8.json ✅) and
//   the synthetic DPC claim bills the operation (and general anaesthesia) 出来高 on the 2nd day.
// - 傷病名コード: ✅ when present in src/terminology/data/b_subset.csv (its sources are in
//   subset-research*.json); otherwise 0000999 (未コード化) with the name, ⚠️.
// - 手術 (出来高): 区分番号 and points ⚠️ (from the 医科点数表 as remembered) where `code` is null (the
//   row was not found in the 医科診療行為マスター; such operations are not billed).
//
// Sources (keys used below):
// - YTH: https://www.yth.or.jp/about/mark/2024 — 令和6年度 病院指標 (pages corpus).
// - HMM: https://hamamatsuh.johas.go.jp/data/media/hamamatsuh/page/about/dpc/kankei/jouhou_kouhyou/r06/jouhou_kouhyou.html
//   — 令和6年度 病院情報の公表.
// - OMR: https://omura.jadecom.or.jp/dpc/index.html — 令和6年度 市立大村市民病院 病院情報の公表.
// - WIC59: https://www.wic-net.com/material/document/20682/53 and …/20898/88 — 入院・外来医療等の調査・
//   評価分科会 (令和7年度) slides citing 020110xx97xxx0 and 060100xx01xxxx for R6 DPC estimates, and
//   ranking the top 30 入院契機 DPC6 by patients (020110, 160690, 040080, 160800, 050130, 060100,
//   040081, 110310, 180030, 100380, …, 010060 13th).
// - R6KAITEI: https://wic-net.com/material/document/13704/188 — 令和6年度診療報酬改定の概要 p.188
//   (点数設定方式E: 060035xx0100xx …).
// - OLD: hospital 病院指標 pages of earlier years (H30–R4: nshp-muroran, och.or.jp, kinen.jp) and the
//   synthetic code pool of an unnamed DPC simulator (find_string "040080x099x0xx").
import { textHash } from '../rng.js';

export interface DpcGroupData {
  key: string;
  /** 14-character 診断群分類番号. */
  code: string;
  name: string;
  codeStatus: '✅' | '⚠️';
  codeSource: string;
  /** 平均在院日数（全国） from an R6 病院情報の公表 page, or null. */
  nationalMeanStay: number | null;
  /** ⚠️ Estimated last day of 入院期間 I, II, III (admission day = day 1). */
  periodDays: [number, number, number];
  /** ⚠️ Estimated points per day in 入院期間 I, II, III. */
  pointsPerDay: [number, number, number];
  /** 医療資源を最も投入した傷病名 (also used as 主傷病名 and 入院の契機となった傷病名). */
  diagnosis: { code: string; name: string; icd10: string; status: '✅' | '⚠️' };
  /** Typical 出来高 手術 of the group (⚠️ points; レセ電 code not read). */
  procedure: {
    kubun: string;
    name: string;
    points: number;
    code: string | null;
    /** Under 閉鎖循環式全身麻酔 (L008 5, 2 hours). */
    anaesthesia?: boolean;
  } | null;
  /** Age profile: mean age of patients in the group and the band where most admissions fall. */
  ages: { mean: number; band: [number, number]; source: string };
  /** ⚠️ Relative admission frequency (rank-based: WIC59 ranking where listed, else assumed). */
  weight: number;
}

export const DPC_GROUPS: DpcGroupData[] = [
  {
    key: 'pneumonia-75plus',
    code: '0400802499x0xx',
    name: '肺炎等（市中肺炎かつ75歳以上） 手術なし 手術・処置等2なし',
    codeStatus: '✅',
    codeSource: 'YTH, HMM (R6)',
    nationalMeanStay: 16.4,
    periodDays: [6, 16, 60],
    pointsPerDay: [2900, 2150, 1830],
    diagnosis: { code: '4860030', name: '肺炎', icd10: 'J189', status: '✅' },
    procedure: null,
    ages: { mean: 85, band: [75, 95], source: 'YTH 84.23, HMM 85.10/89.08; the code itself requires ≥75' },
    weight: 12,
  },
  {
    key: 'aspiration-pneumonia',
    code: '040081xx99x0xx',
    name: '誤嚥性肺炎 手術なし 手術・処置等2なし',
    codeStatus: '✅',
    codeSource: 'YTH, HMM (R6)',
    nationalMeanStay: 20.78,
    periodDays: [8, 21, 60],
    pointsPerDay: [2850, 2100, 1790],
    diagnosis: { code: '5070003', name: '誤嚥性肺炎', icd10: 'J690', status: '✅' },
    procedure: null,
    ages: { mean: 85, band: [75, 95], source: 'YTH 83.61, HMM 84.97/86.36' },
    weight: 10,
  },
  {
    key: 'heart-failure',
    code: '050130xx9900x0',
    name: '心不全 手術なし 手術・処置等1なし 手術・処置等2なし',
    codeStatus: '✅',
    codeSource: 'YTH (R6; its 全国 stay 4.47 is a copy slip of the row above, not used)',
    nationalMeanStay: null,
    periodDays: [7, 17, 60],
    pointsPerDay: [2750, 2050, 1740],
    diagnosis: { code: '4289015', name: '心不全', icd10: 'I509', status: '✅' },
    procedure: null,
    ages: { mean: 84, band: [70, 95], source: 'YTH 84.18; OLD nshp-muroran 82.3' },
    weight: 9,
  },
  {
    key: 'cerebral-infarction',
    code: '010060xx99x40x',
    name: '脳梗塞 手術なし 手術・処置等2 4あり',
    codeStatus: '⚠️',
    codeSource: 'OLD (R2–R4 used 010060x2990401 with JCS/Rankin digits); R6 form not seen',
    nationalMeanStay: null,
    periodDays: [7, 16, 60],
    pointsPerDay: [3000, 2200, 1870],
    diagnosis: { code: '8838708', name: '脳梗塞', icd10: 'I639', status: '✅' },
    procedure: null,
    ages: { mean: 75, band: [60, 90], source: '⚠️ OLD kinen.jp 72.42' },
    weight: 6,
  },
  {
    key: 'angina-pci',
    code: '050050xx0200xx',
    name: '狭心症、慢性虚血性心疾患 経皮的冠動脈形成術等 手術・処置等1なし',
    codeStatus: '✅',
    codeSource: 'YTH (R6)',
    nationalMeanStay: 4.18,
    periodDays: [2, 4, 30],
    pointsPerDay: [3200, 2300, 1950],
    diagnosis: { code: '4139007', name: '狭心症', icd10: 'I209', status: '✅' },
    procedure: { kubun: 'K549-3', name: '経皮的冠動脈ステント留置術（その他のもの）', points: 24380, code: null },
    ages: { mean: 73, band: [60, 85], source: 'YTH 73.35' },
    weight: 5,
  },
  {
    key: 'ami-pci',
    code: '050030xx97000x',
    name: '急性心筋梗塞 その他の手術あり 手術・処置等1なし 手術・処置等2なし',
    codeStatus: '⚠️',
    codeSource: 'OLD (nshp-muroran lists 050030xx97030x); R6 form not seen',
    nationalMeanStay: null,
    periodDays: [5, 11, 30],
    pointsPerDay: [3600, 2450, 2080],
    diagnosis: { code: '8832376', name: '急性心筋梗塞', icd10: 'I219', status: '✅' },
    procedure: { kubun: 'K549-1', name: '経皮的冠動脈ステント留置術（急性心筋梗塞に対するもの）', points: 34380, code: null },
    ages: { mean: 70, band: [55, 85], source: '⚠️ assumed' },
    weight: 2,
  },
  {
    key: 'hip-fracture-surgery',
    code: '160800xx01xxxx',
    name: '股関節・大腿近位の骨折 人工骨頭挿入術 肩、股等',
    codeStatus: '⚠️',
    codeSource: 'OLD and WIC59 ranking (DPC6 160800); 14-digit R6 form not seen',
    nationalMeanStay: null,
    periodDays: [9, 25, 60],
    pointsPerDay: [2700, 2000, 1700],
    diagnosis: { code: '8208009', name: '大腿骨頚部骨折', icd10: 'S7200', status: '✅' },
    procedure: { kubun: 'K081-1', name: '人工骨頭挿入術（股）', points: 19500, code: '150049510', anaesthesia: true }, // code ✅ subset-research-8
    ages: { mean: 84, band: [70, 95], source: '⚠️ assumed (osteoporotic fractures of the old)' },
    weight: 7,
  },
  {
    key: 'cataract',
    code: '020110xx97xxx0',
    name: '白内障、水晶体の疾患 手術あり 片眼',
    codeStatus: '✅',
    codeSource: 'WIC59 (R7 committee estimate of R6 DPC points uses this code)',
    nationalMeanStay: null,
    periodDays: [2, 3, 30],
    pointsPerDay: [3100, 2200, 1870],
    diagnosis: { code: '0000999', name: '老人性白内障', icd10: 'H259', status: '⚠️' },
    procedure: {
      kubun: 'K282-1-ロ',
      name: '水晶体再建術（眼内レンズを挿入する場合）（その他のもの）',
      points: 12100,
      code: '150253010', // ✅ subset-research-8 (R6 12,100点)
    },
    ages: { mean: 74, band: [60, 85], source: '⚠️ assumed' },
    weight: 12,
  },
  {
    key: 'colon-polyp-emr',
    code: '060100xx01xxxx',
    name: '小腸大腸の良性疾患（良性腫瘍を含む。） 内視鏡的大腸ポリープ・粘膜切除術',
    codeStatus: '✅',
    codeSource: 'OMR (R6), WIC59; OLD kinen.jp (R4) gives 全国 2.64 days',
    nationalMeanStay: null,
    periodDays: [1, 3, 30],
    pointsPerDay: [3000, 2100, 1800],
    diagnosis: { code: '0000999', name: '大腸ポリープ', icd10: 'K635', status: '⚠️' },
    procedure: {
      kubun: 'K721-1',
      name: '内視鏡的大腸ポリープ・粘膜切除術（長径２センチメートル未満）',
      points: 5000,
      code: '150285010', // ✅ subset-research-9
    },
    ages: { mean: 65, band: [50, 80], source: 'OLD kinen.jp 63.81 (R4) ⚠️' },
    weight: 9,
  },
  {
    key: 'colon-cancer-surgery',
    code: '060035xx0100xx',
    name: '結腸（虫垂を含む。）の悪性腫瘍 結腸切除術等 手術・処置等1なし 手術・処置等2なし',
    codeStatus: '✅',
    codeSource: 'R6KAITEI (listed among 点数設定方式E groups)',
    nationalMeanStay: null,
    periodDays: [6, 13, 60],
    pointsPerDay: [3400, 2400, 2040],
    diagnosis: { code: '1539004', name: '大腸癌', icd10: 'C189', status: '✅' },
    procedure: { kubun: 'K719-3', name: '腹腔鏡下結腸悪性腫瘍切除術', points: 59510, code: null },
    ages: { mean: 72, band: [55, 85], source: '⚠️ assumed' },
    weight: 3,
  },
  {
    key: 'lung-cancer-bronchoscopy',
    code: '040040xx9910xx',
    name: '肺の悪性腫瘍 手術なし 手術・処置等1あり 手術・処置等2なし',
    codeStatus: '✅',
    codeSource: 'HMM (R6)',
    nationalMeanStay: 3.03,
    periodDays: [1, 3, 30],
    pointsPerDay: [3300, 2200, 1870],
    diagnosis: { code: '1629006', name: '肺癌', icd10: 'C349', status: '✅' },
    procedure: null,
    ages: { mean: 74, band: [60, 85], source: 'HMM 74.23' },
    weight: 3,
  },
  {
    key: 'copd-exacerbation',
    code: '040120xx99000x',
    name: '慢性閉塞性肺疾患 手術なし 手術・処置等1なし 手術・処置等2なし',
    codeStatus: '⚠️',
    codeSource: '⚠️ assumed from the R4 tree (040120); not seen on an R6 page',
    nationalMeanStay: null,
    periodDays: [5, 13, 60],
    pointsPerDay: [2800, 2100, 1780],
    diagnosis: { code: '8840399', name: '慢性閉塞性肺疾患', icd10: 'J449', status: '✅' },
    procedure: null,
    ages: { mean: 78, band: [65, 90], source: '⚠️ assumed' },
    weight: 2,
  },
  {
    key: 'urinary-tract-infection',
    code: '110310xx99xxxx',
    name: '腎臓又は尿路の感染症 手術なし',
    codeStatus: '✅',
    codeSource: 'YTH, HMM (R6)',
    nationalMeanStay: 13.66,
    periodDays: [5, 14, 60],
    pointsPerDay: [2650, 1950, 1660],
    diagnosis: { code: '0000999', name: '尿路感染症', icd10: 'N390', status: '⚠️' },
    procedure: null,
    ages: { mean: 80, band: [65, 95], source: 'YTH 82.87; OLD och.or.jp 76.10' },
    weight: 7,
  },
  {
    key: 'bile-duct-stone-ercp',
    code: '060340xx03x00x',
    name: '胆管（肝内外）結石、胆管炎 限局性腹腔膿瘍手術等 手術・処置等2なし 定義副傷病なし',
    codeStatus: '✅',
    codeSource: 'HMM (R6)',
    nationalMeanStay: 8.88,
    periodDays: [3, 9, 30],
    pointsPerDay: [3100, 2250, 1910],
    diagnosis: { code: '0000999', name: '総胆管結石', icd10: 'K805', status: '⚠️' },
    procedure: { kubun: 'K685-1', name: '内視鏡的胆道結石除去術（胆道砕石術を伴うもの）', points: 14300, code: null },
    ages: { mean: 78, band: [65, 90], source: 'HMM 78.71' },
    weight: 3,
  },
  {
    key: 'appendicitis',
    code: '060150xx03xxxx',
    name: '虫垂炎 虫垂切除術 虫垂周囲膿瘍を伴わないもの等',
    codeStatus: '⚠️',
    codeSource: '⚠️ assumed from the R4 tree (060150); not seen on an R6 page',
    nationalMeanStay: null,
    periodDays: [2, 5, 30],
    pointsPerDay: [3100, 2200, 1870],
    diagnosis: { code: '0000999', name: '急性虫垂炎', icd10: 'K359', status: '⚠️' },
    procedure: { kubun: 'K718-2-1', name: '腹腔鏡下虫垂切除術（虫垂周囲膿瘍を伴わないもの）', points: 13760, code: null },
    ages: { mean: 40, band: [10, 70], source: '⚠️ assumed' },
    weight: 2,
  },
  {
    key: 'dehydration',
    code: '100380xxxxxxxx',
    name: '体液量減少症',
    codeStatus: '✅',
    codeSource: 'HMM (R6), WIC59 ranking',
    nationalMeanStay: 10.26,
    periodDays: [4, 10, 30],
    pointsPerDay: [2500, 1850, 1570],
    diagnosis: { code: '0000999', name: '脱水症', icd10: 'E86', status: '⚠️' },
    procedure: null,
    ages: { mean: 80, band: [65, 95], source: 'HMM 78.36' },
    weight: 4,
  },
  {
    key: 'chronic-kidney-failure',
    code: '110280xx99000x',
    name: '慢性腎炎症候群・慢性間質性腎炎・慢性腎不全 手術なし 手術・処置等1なし 手術・処置等2なし',
    codeStatus: '⚠️',
    codeSource: 'OLD och.or.jp (R1; 全国 11.67 then); R6 form not seen',
    nationalMeanStay: null,
    periodDays: [4, 11, 30],
    pointsPerDay: [2600, 1950, 1660],
    diagnosis: { code: '5859002', name: '慢性腎不全', icd10: 'N189', status: '✅' },
    procedure: null,
    ages: { mean: 72, band: [55, 90], source: '⚠️ OLD och.or.jp 71.72' },
    weight: 3,
  },
];

/**
 * 医療機関別係数 (GA) of a synthetic DPC hospital, fixed by its code ⚠️: 基礎係数 of the DPC標準病院群
 * (about 1.05 under R6) + 機能評価係数Ⅰ (about 0.20–0.35: 入院基本料 and 体制加算 moved into the
 * coefficient) + 機能評価係数Ⅱ (about 0.08) + 救急補正係数 (0–0.04); together about 1.30–1.50, the range
 * the 中医協 DPC 評価分科会 reports for most hospitals (values assumed, not read from the 告示).
 */
export function dpcHospitalCoefficient(facilityCode: string): number {
  const h = textHash(facilityCode);
  return Math.round((1.3 + (h % 2001) / 10000) * 10000) / 10000;
}
