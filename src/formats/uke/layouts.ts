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

export const UKE_LAYOUTS: Record<string, FieldSpec[]> = {
  IR,
  RE,
  HO,
  KO,
  SN,
  JD,
  MF,
  SY,
  SI,
  IY,
  TO,
  CO,
  SJ,
  GO,
  BU,
  SB,
  HH,
  GT,
};

/** Number of fields of a record type including the record id, or undefined for untyped records. */
export function fieldCount(type: string): number | undefined {
  const l = UKE_LAYOUTS[type];
  return l ? l.length + 1 : undefined;
}
