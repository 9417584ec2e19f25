// Record layouts of レセプト電算 (UKE) files, current 西暦 edition, as data. One layout per record
// type: the field names (Japanese, as in the 支払基金 記録条件仕様), their mode and maximum byte
// length in Shift_JIS. Column 0 is the record id and is not listed.
//
// Sources: ../shared/specs/data-formats.md §1.4–1.6 (支払基金 記録条件仕様 医科 transcribed by
// kuenishi/meddatum rezept_*.hrl for lengths; current column order from yokenzan/receiptisan
// record.rb and its RECEIPTC_GAIRAI_SAMPLE.UKE). Lengths come from the 2013-era transcription and are
// checked as warnings only; modes of code and number fields are checked as errors.
// DPC, 歯科 and 調剤 layouts: see the notes beside each; docs/research/ holds the evidence.

/** N 数字 (half-width digits, optional sign/decimal where `decimal`), A 英数 (half-width ASCII),
 * K 漢字 (full-width), X 英数 or 漢字 (never mixed), R free text (no check). */
export type FieldMode = 'N' | 'A' | 'K' | 'X' | 'R';

export interface FieldSpec {
  name: string;
  mode: FieldMode;
  bytes?: number;
  /** Fixed-length field: when present its value must fill `bytes` exactly. */
  fixed?: boolean;
  /** Numeric field that may hold a decimal point (使用量) or a sign (調整点数). */
  decimal?: boolean;
  signed?: boolean;
}

const f = (name: string, mode: FieldMode, bytes?: number, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  mode,
  bytes,
  ...extra,
});
const fixed = (name: string, mode: FieldMode, bytes: number): FieldSpec => ({ name, mode, bytes, fixed: true });

const days = (bytes: number): FieldSpec[] => Array.from({ length: 31 }, (_, i) => f(`${i + 1}日の情報`, 'N', bytes));
const comments = (): FieldSpec[] => [1, 2, 3].flatMap((i) => [f(`コメントコード${i}`, 'N', 9), f(`文字データ${i}`, 'R', 100)]);

const IR: FieldSpec[] = [
  fixed('審査支払機関', 'N', 1),
  fixed('都道府県', 'N', 2),
  fixed('点数表', 'A', 1),
  fixed('医療機関コード', 'N', 7),
  f('予備', 'N', 2),
  f('医療機関名称', 'R', 40),
  fixed('請求年月', 'N', 6),
  fixed('マルチボリューム識別情報', 'N', 2),
  f('電話番号', 'A', 15),
];

const RE: FieldSpec[] = [
  f('レセプト番号', 'N', 6),
  fixed('レセプト種別', 'N', 4),
  f('診療年月', 'N', 6),
  f('氏名', 'X', 40),
  fixed('男女区分', 'N', 1),
  f('生年月日', 'N', 8),
  f('給付割合', 'N', 3),
  f('入院年月日', 'N', 8),
  f('病棟区分', 'A', 8),
  f('一部負担金・食事療養費・生活療養費標準負担額区分', 'N', 1),
  f('レセプト特記事項', 'A', 10),
  f('病床数', 'N', 4),
  f('カルテ番号等', 'A', 20),
  f('割引点数単価', 'N', 2),
  f('予備1', 'R'),
  f('予備2', 'R'),
  f('予備3', 'R'),
  f('検索番号', 'N', 30),
  f('記録条件仕様年月情報', 'N', 6),
  f('請求情報', 'X', 40),
  ...[1, 2, 3].flatMap((i) => [
    f(`診療科名${i}`, 'N', 2),
    f(`人体の部位等${i}`, 'N', 3),
    f(`性別等${i}`, 'N', 3),
    f(`医学的処置${i}`, 'N', 3),
    f(`特定疾病${i}`, 'N', 3),
  ]),
  f('カタカナ（氏名）', 'R', 200),
  f('患者の状態', 'N', 9),
];

const HO: FieldSpec[] = [
  f('保険者番号', 'A', 8),
  f('被保険者証等の記号', 'X', 38),
  f('被保険者証等の番号', 'X', 38),
  f('診療実日数', 'N', 2),
  f('合計点数', 'N', 8),
  f('予備', 'N', 5),
  f('食事療養・生活療養回数', 'N', 2),
  f('食事療養・生活療養合計金額', 'N', 8),
  f('職務上の事由', 'N', 1),
  f('証明書番号', 'N', 3),
  f('負担金額 医療保険', 'N', 9),
  f('減免区分', 'N', 1),
  f('減額割合', 'N', 3),
  f('減額金額', 'N', 6),
];

const KO: FieldSpec[] = [
  f('公費負担者番号', 'A', 8),
  f('公費受給者番号', 'N', 7),
  f('任意給付区分', 'N', 1),
  f('診療実日数', 'N', 2),
  f('合計点数', 'N', 8),
  f('負担金額 公費', 'N', 8),
  f('公費給付対象外来一部負担金', 'N', 6),
  f('公費給付対象入院一部負担金', 'N', 6),
  f('予備', 'N', 5),
  f('食事療養・生活療養回数', 'N', 2),
  f('食事療養・生活療養合計金額', 'N', 8),
];

const SN: FieldSpec[] = [
  f('負担者種別', 'N', 1),
  f('確認区分', 'N', 2),
  f('保険者番号等（資格確認）', 'A', 8),
  f('被保険者証等の記号（資格確認）', 'X', 38),
  f('被保険者証等の番号（資格確認）', 'X', 38),
  f('枝番', 'N', 2),
  f('受給者番号', 'N', 7),
  f('予備', 'R'),
];

const JD: FieldSpec[] = [f('負担者種別', 'N', 1), ...days(1)];
const MF: FieldSpec[] = [f('窓口負担額区分', 'N', 2), ...Array.from({ length: 31 }, (_, i) => f(`予備${i + 1}`, 'N', 9))];

const SY: FieldSpec[] = [
  f('傷病名コード', 'N', 7),
  f('診療開始日', 'N', 8),
  f('転帰区分', 'N', 1),
  f('修飾語コード', 'A', 80),
  f('傷病名称', 'R', 40),
  f('主傷病', 'N', 2),
  f('補足コメント', 'R', 40),
];

const detail = (codeName: string, quantityName: string): FieldSpec[] => [
  f('診療識別', 'N', 2),
  fixed('負担区分', 'A', 1),
  fixed(codeName, 'N', 9),
  f(quantityName, 'N', 11, { decimal: true }),
  f('点数', 'N', 7),
  f('回数', 'N', 3),
  ...comments(),
  ...days(3),
];

const SI = detail('診療行為コード', '数量データ');
const IY = detail('医薬品コード', '使用量');
const TO: FieldSpec[] = [
  f('診療識別', 'N', 2),
  fixed('負担区分', 'A', 1),
  fixed('特定器材コード', 'N', 9),
  f('使用量', 'N', 9, { decimal: true }),
  f('点数', 'N', 7),
  f('回数', 'N', 3),
  f('単位コード', 'N', 3),
  f('単価', 'N', 11, { decimal: true }),
  f('予備', 'R'),
  f('商品名及び規格又はサイズ', 'R', 300),
  ...comments(),
  ...days(3),
];
const CO: FieldSpec[] = [f('診療識別', 'N', 2), f('負担区分', 'A', 1), f('コメントコード', 'N', 9), f('文字データ', 'R', 200)];
const SJ: FieldSpec[] = [f('症状詳記区分', 'N', 2), f('症状詳記データ', 'R', 2400)];
const GO: FieldSpec[] = [f('総件数', 'N', 6), f('総合計点数', 'N', 10), fixed('マルチボリューム識別情報', 'N', 2)];

/** DPC records (RECEIPTD.UKE). Order and lengths from the 2013-era DPC 記録条件仕様 transcription
 * (meddatum rezept_dpc.hrl), dates now 西暦 (⚠️ see docs/research). */
const BU: FieldSpec[] = [
  f('診断群分類番号', 'A', 14),
  f('今回入院年月日', 'N', 8),
  f('今回退院年月日', 'N', 8),
  f('DPC転帰区分', 'N', 1),
  f('死因', 'R', 100),
];
const SB: FieldSpec[] = [
  f('傷病名コード', 'N', 7),
  f('修飾語コード', 'A', 80),
  f('傷病名称', 'R', 40),
  f('ICD10コード', 'A', 5),
  f('傷病名区分', 'N', 2),
  f('死因区分', 'N', 1),
  f('補足コメント', 'R', 40),
];
const HH: FieldSpec[] = [
  f('診療年月', 'N', 6),
  f('請求調整区分', 'N', 1),
  f('自他保険区分', 'N', 1),
  f('負担区分', 'A', 1),
  f('入院期間区分', 'N', 1),
  f('1日当たり点数', 'N', 6),
  f('入院日数', 'N', 2),
  f('包括小計点数', 'N', 7),
];
const GT: FieldSpec[] = [
  f('診療年月', 'N', 6),
  f('請求調整区分', 'N', 1),
  f('自他保険区分', 'N', 1),
  f('負担区分', 'A', 1),
  f('包括小計点数合算', 'N', 8),
  f('包括評価点数', 'N', 8, { decimal: true }),
  f('調整点数', 'N', 8, { signed: true }),
  f('今月包括合計点数', 'N', 8, { signed: true }),
  f('診療識別', 'N', 2),
  f('変更年月日', 'N', 8),
  f('文字データ', 'R', 200),
];

/** DPC RE: the 医科 RE with レセプト総括区分 and 明細情報数 inserted before 検索番号 (40 columns; ⚠️
 * docs/research/uke-layouts-dpc-dental-pharmacy.md §3 — chosen when an RE in a 医科 file has 40 columns). */
const RE_DPC: FieldSpec[] = [...RE.slice(0, 17), f('レセプト総括区分', 'N', 1), f('明細情報数', 'N', 2), ...RE.slice(17)];
const KK: FieldSpec[] = [
  f('予備1', 'N', 1),
  f('一般病棟以外の病棟移動の有無', 'N', 1),
  f('予定・緊急入院区分', 'N', 1),
  f('前回退院年月日', 'N', 8),
  f('前回同一傷病での入院の有無', 'N', 1),
  f('入院時年齢', 'N', 3),
  f('出生時体重', 'N', 4),
  f('JCS', 'N', 3),
  f('予備2', 'N', 1),
  f('Burn Index', 'R', 5),
  f('重症度等', 'R', 100),
  f('予備3', 'N', 3),
  f('入院時月齢', 'N', 2),
];
const SK: FieldSpec[] = [
  f('診療行為コード', 'N', 9),
  f('区分番号', 'R', 10),
  f('実施年月日', 'N', 8),
  f('予備', 'N', 1),
  f('診療区分コード', 'R', 4),
  f('診療名称', 'R', 200),
];
const GA: FieldSpec[] = [
  f('診療年月', 'N', 6),
  f('請求調整区分', 'N', 1),
  f('外泊等', 'N', 31),
  f('診断群分類番号', 'A', 14),
  f('医療機関別係数', 'N', 6, { decimal: true }),
  f('翌月再入院予定の有無', 'N', 1),
];
const CD: FieldSpec[] = [
  f('実施年月日', 'N', 8),
  f('診療識別', 'N', 2),
  f('順序番号', 'N', 4),
  f('行為明細番号', 'N', 3),
  f('レセ電コード', 'N', 9),
  f('使用量', 'N', 11, { decimal: true }),
  f('数量データ', 'N', 8),
  f('単位コード', 'N', 3),
  f('回数', 'N', 3),
  f('特定器材名称', 'R', 254),
];

// ---- 歯科 (docs/research/uke-layouts-dpc-dental-pharmacy.md §2; 記録条件仕様（歯科用）and 作手引き) ----
const UK_DENTAL: FieldSpec[] = [
  fixed('審査支払機関', 'N', 1),
  fixed('都道府県', 'N', 2),
  fixed('点数表', 'A', 1),
  fixed('医療機関コード', 'N', 7),
  f('予備', 'N', 2),
  f('医療機関名称', 'R', 40),
  fixed('請求年月', 'N', 6),
  f('届出', 'A', 40),
  fixed('マルチボリューム識別情報', 'N', 2),
];
const IR_DENTAL: FieldSpec[] = [
  fixed('審査支払機関', 'N', 1),
  fixed('都道府県', 'N', 2),
  fixed('点数表', 'A', 1),
  fixed('医療機関コード', 'N', 7),
  f('予備', 'N', 2),
  fixed('請求年月', 'N', 6),
  f('電話番号', 'A', 15),
  f('届出', 'A', 40),
];
const RE_DENTAL: FieldSpec[] = [
  f('レセプト番号', 'N', 6),
  fixed('レセプト種別', 'N', 4),
  f('診療年月', 'N', 6),
  f('氏名', 'X', 40),
  fixed('男女区分', 'N', 1),
  f('生年月日', 'N', 8),
  f('給付割合', 'N', 3),
  f('入院年月日', 'N', 8),
  f('診療開始日', 'N', 8),
  f('転帰区分', 'N', 1),
  f('病棟区分', 'A', 8),
  f('一部負担金・食事療養費・生活療養費標準負担額区分', 'N', 1),
  f('レセプト特記事項', 'A', 10),
  f('予備1', 'N', 4),
  f('カルテ番号等', 'A', 20),
  f('請求情報１', 'N', 2),
  f('予備2', 'N', 2),
  f('未来院請求', 'N', 2),
  f('検索番号', 'N', 30),
  f('予備3', 'N', 5),
  f('請求情報２', 'X', 40),
  f('予備4', 'N', 2),
  f('予備5', 'N', 3),
  f('予備6', 'N', 3),
  f('カタカナ（氏名）', 'R', 80),
  f('患者の状態', 'N', 60),
];
const HO_SHORT = (daysName: string): FieldSpec[] => [
  f('保険者番号', 'A', 8),
  f('被保険者証等の記号', 'X', 38),
  f('被保険者証等の番号', 'X', 38),
  f(daysName, 'N', 2),
  f('合計点数', 'N', 8),
];
const HO_DENTAL: FieldSpec[] = [
  ...HO_SHORT('診療実日数'),
  f('食事療養・生活療養回数', 'N', 2),
  f('食事療養・生活療養合計金額', 'N', 8),
  f('職務上の事由', 'N', 1),
  f('証明書番号', 'N', 3),
  f('負担金額 医療保険', 'N', 9),
  f('減免区分', 'N', 1),
  f('減額割合', 'N', 3),
  f('減額金額', 'N', 6),
];
const KO_DENTAL: FieldSpec[] = [
  f('公費負担者番号', 'A', 8),
  f('公費受給者番号', 'N', 7),
  f('任意給付区分', 'N', 1),
  f('診療実日数', 'N', 2),
  f('合計点数', 'N', 8),
  f('負担金額 公費', 'N', 8),
  f('公費給付対象一部負担金', 'N', 6),
  f('食事療養・生活療養回数', 'N', 2),
  f('食事療養・生活療養合計金額', 'N', 8),
];
const HS: FieldSpec[] = [
  f('診療開始日', 'N', 8),
  f('転帰区分', 'N', 1),
  f('歯式コード', 'A', 384),
  f('傷病名コード', 'N', 7),
  f('修飾語コード', 'A', 80),
  f('傷病名称', 'R', 40),
  f('併存傷病名数', 'N', 1),
  f('病態移行', 'N', 1),
  f('主傷病', 'N', 2),
  f('コメントコード', 'N', 9),
  f('補足コメント', 'R', 100),
  f('歯式コード（補足コメント）', 'A', 384),
];
const SS: FieldSpec[] = [
  f('診療識別', 'N', 2),
  fixed('負担区分', 'A', 1),
  fixed('診療行為コード', 'N', 9),
  f('数量データ１', 'N', 8),
  f('数量データ２', 'N', 8),
  ...Array.from({ length: 35 }, (_, i) => [f(`加算コード${i + 1}`, 'A', 5), f(`加算数量データ${i + 1}`, 'N', 8)]).flat(),
  f('点数', 'N', 7),
  f('回数', 'N', 3),
  ...days(3),
];
const SI_DENTAL: FieldSpec[] = [
  f('診療識別', 'N', 2),
  fixed('負担区分', 'A', 1),
  fixed('診療行為コード', 'N', 9),
  f('数量データ', 'N', 8),
  f('点数', 'N', 7),
  f('回数', 'N', 3),
  ...days(3),
];
const IY_DENTAL: FieldSpec[] = [
  f('診療識別', 'N', 2),
  fixed('負担区分', 'A', 1),
  fixed('医薬品コード', 'N', 9),
  f('使用量', 'N', 11, { decimal: true }),
  f('点数', 'N', 7),
  f('回数', 'N', 3),
  f('医薬品区分', 'A', 1),
  ...days(3),
];
const TO_DENTAL: FieldSpec[] = [
  f('診療識別', 'N', 2),
  fixed('負担区分', 'A', 1),
  fixed('特定器材コード', 'N', 9),
  f('使用量', 'N', 9, { decimal: true }),
  f('単位コード', 'N', 3),
  f('単価', 'N', 11, { decimal: true }),
  f('特定器材加算等コード１', 'N', 9),
  f('特定器材加算等数量データ１', 'N', 9),
  f('特定器材加算等コード２', 'N', 9),
  f('特定器材加算等数量データ２', 'N', 9),
  f('商品名及び規格又はサイズ', 'R', 300),
  f('点数', 'N', 7),
  f('回数', 'N', 3),
  ...days(3),
];
const CO_DENTAL: FieldSpec[] = [
  f('診療識別', 'N', 2),
  f('負担区分', 'A', 1),
  f('コメントコード', 'N', 9),
  f('文字データ', 'R', 400),
  f('歯式コード（コメント）', 'A', 384),
  f('予備1', 'A', 1),
  f('予備2', 'A', 2),
  f('予備3', 'A', 3),
  f('予備4', 'N', 7),
  f('予備5', 'N', 7),
];

// ---- 調剤 (RECEIPTY.CYO; research note §1: 記録条件仕様（調剤用）and the official phasample rows) ----
const YK: FieldSpec[] = [
  fixed('審査支払機関', 'N', 1),
  fixed('都道府県', 'N', 2),
  fixed('点数表', 'A', 1),
  fixed('薬局コード', 'N', 7),
  f('薬局名称', 'R', 40),
  fixed('請求年月', 'N', 6),
  fixed('マルチボリューム識別情報', 'N', 2),
  f('電話番号', 'A', 15),
];
const RE_PHARMACY: FieldSpec[] = [
  f('レセプト番号', 'N', 6),
  fixed('レセプト種別', 'N', 4),
  f('調剤年月', 'N', 6),
  f('氏名', 'X', 40),
  fixed('男女区分', 'N', 1),
  f('生年月日', 'N', 8),
  f('給付割合', 'N', 3),
  f('レセプト特記事項', 'A', 10),
  f('医療機関都道府県', 'N', 2),
  f('医療機関点数表', 'N', 1),
  f('医療機関コード', 'N', 7),
  f('医療機関名称', 'R'),
  f('医療機関所在地', 'R'),
  ...Array.from({ length: 20 }, (_, i) => f(`保険医氏名${i + 1}`, 'R')),
  f('麻薬免許番号', 'R'),
  f('調剤録番号等', 'A', 20),
  f('予備1', 'N', 1),
  f('検索番号', 'N', 30),
  f('予備2', 'N', 5),
  f('請求情報', 'X', 40),
  f('一部負担金区分', 'N', 1),
  f('カタカナ（氏名）', 'R', 200),
];
const HO_PHARMACY: FieldSpec[] = [
  ...HO_SHORT('処方箋受付回数'),
  f('予備1', 'N', 5),
  f('職務上の事由', 'N', 1),
  f('証明書番号', 'N', 3),
  f('一部負担金', 'N', 8),
  f('予備2', 'N', 1),
  f('減免区分', 'N', 1),
  f('減額割合', 'N', 3),
  f('減額金額', 'N', 6),
];
const KO_PHARMACY: FieldSpec[] = [
  f('公費負担者番号', 'A', 8),
  f('公費受給者番号', 'N', 7),
  f('任意給付区分', 'N', 1),
  f('処方箋受付回数', 'N', 2),
  f('合計点数', 'N', 8),
  f('予備1', 'N', 5),
  f('一部負担金額', 'N', 8),
  f('予備2', 'N', 6),
  f('公費給付対象一部負担金', 'N', 8),
];
const SH: FieldSpec[] = [
  fixed('処方No', 'N', 2),
  f('剤形', 'N', 1),
  f('用法', 'N', 3),
  f('特別指示', 'R', 80),
  f('単位薬剤料', 'N', 7),
  ...[1, 2, 3, 4].map((i) => f(`第${i}公費単位薬剤料`, 'N', 7)),
];
const triple = (label: string) => [f(`${label}負担区分`, 'A', 1), f(`${label}コード`, 'N', 9), f(`${label}点数`, 'N', 7)];
const CZ: FieldSpec[] = [
  f('医師番号', 'N', 2),
  f('処方月日', 'N', 8),
  f('調剤月日', 'N', 8),
  f('処方箋受付回', 'N', 2),
  f('調剤数量', 'N', 3),
  f('負担区分', 'A', 1),
  f('算定区分', 'N', 1),
  f('算定先No', 'N', 2),
  f('薬剤調製料コード', 'N', 9),
  f('薬剤調製料点数', 'N', 4),
  f('分割区分', 'N', 1),
  f('前回までの数量', 'N', 3),
  f('薬剤料点数', 'N', 7),
  f('予備1', 'R'),
  ...Array.from({ length: 10 }, (_, i) => triple(`加算${i + 1}`)).flat(),
  f('一包化日数', 'N', 3),
  f('分割調剤種類', 'N', 1),
  f('前回までの一包化日数', 'N', 3),
  f('医師指示分割調剤コード', 'N', 9),
  f('医師指示分割区分', 'N', 1),
  f('医師指示分割対象調剤数量', 'N', 3),
  f('医師指示分割対象一包化日数', 'N', 3),
  f('包括管理料等', 'N', 2),
  f('他医療機関受診', 'N', 1),
  ...triple('外来服薬支援料2'),
  f('調剤管理料負担区分', 'A', 1),
  f('調剤管理料算定区分', 'N', 1),
  f('調剤管理料算定先No', 'N', 2),
  f('調剤管理料コード', 'N', 9),
  f('調剤管理料点数', 'N', 7),
  ...triple('調剤管理料時間外等加算'),
  f('薬剤料減算区分', 'N', 1),
  f('薬剤料減算合計点数', 'N', 7, { signed: true }),
  ...[1, 2, 3, 4].map((i) => f(`薬剤料減算第${i}公費点数`, 'N', 7, { signed: true })),
];
const IY_PHARMACY: FieldSpec[] = [
  f('負担区分', 'A', 1),
  fixed('医薬品コード', 'N', 9),
  f('使用量', 'N', 11, { decimal: true }),
  f('予備1', 'R'),
  f('予備2', 'R'),
  f('混合区分', 'N', 1),
  f('混合区分枝番', 'N', 1),
  f('配合不適区分', 'N', 1),
  f('1回用量', 'N', 11, { decimal: true }),
];
const TO_PHARMACY: FieldSpec[] = [
  f('負担区分', 'A', 1),
  fixed('特定器材コード', 'N', 9),
  f('使用量', 'N', 9, { decimal: true }),
  f('単位コード', 'N', 3),
  f('単価', 'N', 11, { decimal: true }),
  f('特定器材名称', 'R', 300),
];
const CO_PHARMACY: FieldSpec[] = [f('コメントコード', 'N', 9), f('文字データ', 'R', 200)];
const quad = (label: string) => [
  f(`${label}負担区分`, 'A', 1),
  f(`${label}コード`, 'N', 9),
  f(`${label}回数`, 'N', 3),
  f(`${label}点数`, 'N', 7),
];
const KI: FieldSpec[] = [
  f('算定日', 'N', 8),
  f('処方箋受付回', 'N', 2),
  ...triple('調剤基本料'),
  f('予備1', 'R'),
  ...Array.from({ length: 12 }, (_, i) => quad(`薬学管理料${i + 1}`)).flat(),
  ...Array.from({ length: 3 }, (_, i) => quad(`摘要薬学管理料${i + 1}`)).flat(),
  f('前回調剤年月日', 'N', 8),
  f('前回調剤数量', 'N', 3),
  ...Array.from({ length: 10 }, (_, i) => quad(`調剤基本料加算${i + 1}`)).flat(),
  f('包括管理料等', 'N', 2),
  f('他医療機関受診', 'N', 1),
  f('医師指示分割調剤基本料コード', 'N', 9),
  f('医師指示分割薬学管理料コード', 'N', 9),
  f('医師指示分割摘要薬学管理料コード', 'N', 9),
];
const ST: FieldSpec[] = [
  f('医師番号', 'N', 2),
  f('処方月日', 'N', 8),
  f('調剤月日', 'N', 8),
  f('処方箋受付回', 'N', 2),
  f('分割指示回数', 'N', 2),
  f('保険分割対象点数', 'N', 7),
  f('保険分割後点数', 'N', 7),
  ...[1, 2, 3, 4].flatMap((i) => [f(`第${i}公費分割対象点数`, 'N', 7), f(`第${i}公費分割後点数`, 'N', 7)]),
];

export type ScoreTable = 'ika' | 'shika' | 'chozai';

/** Layouts per 点数表: 医科 (with DPC records), 歯科, 調剤. */
export const LAYOUTS: Record<ScoreTable, Record<string, FieldSpec[]>> = {
  ika: { IR, RE, RE_DPC, HO, KO, SN, JD, MF, SY, SI, IY, TO, CO, SJ, GO, BU, SB, KK, SK, GA, HH, GT, CD },
  shika: {
    UK: UK_DENTAL,
    IR: IR_DENTAL,
    RE: RE_DENTAL,
    HO: HO_DENTAL,
    KO: KO_DENTAL,
    SN,
    JD,
    MF,
    HS,
    SS,
    SI: SI_DENTAL,
    IY: IY_DENTAL,
    TO: TO_DENTAL,
    CO: CO_DENTAL,
    SJ,
    GO,
  },
  chozai: {
    YK,
    RE: RE_PHARMACY,
    HO: HO_PHARMACY,
    KO: KO_PHARMACY,
    SN,
    JD,
    MF,
    SH,
    CZ,
    IY: IY_PHARMACY,
    TO: TO_PHARMACY,
    CO: CO_PHARMACY,
    TK: CO_PHARMACY,
    KI,
    ST,
    GO,
  },
};

/** The layout key of a record: DPC RE has 40 columns (レセプト総括区分 and 明細情報数 inserted). */
export function layoutKey(table: ScoreTable, type: string, fieldCount: number): string {
  return table === 'ika' && type === 'RE' && fieldCount === 40 ? 'RE_DPC' : type;
}

/** The 点数表 of a file from its head record: UK → 歯科, YK → 調剤, IR → by its 点数表 field. */
export function tableOfHead(fields: string[]): ScoreTable {
  if (fields[0] === 'UK' || (fields[0] === 'IR' && fields[3] === '3')) return 'shika';
  if (fields[0] === 'YK') return 'chozai';
  return 'ika';
}
