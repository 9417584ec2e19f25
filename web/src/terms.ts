// Japanese labels for the UI (mirrors src/model/terms-ja.ts).
export const TABLE_JA: Record<string, string> = {
  insurer: '保険者',
  employer: '事業所',
  member: '加入者',
  enrollment: '資格',
  facility: '医療機関',
  claim: 'レセプト',
  claim_diagnosis: '傷病名',
  claim_procedure: '診療行為',
  claim_drug: '医薬品',
  checkup: '特定健診',
  quarantine: '隔離レコード',
};

export const INSURER_TYPE_JA: Record<string, string> = {
  kyokai: '協会けんぽ',
  kumiai_single: '健保組合（単一）',
  kumiai_sogo: '健保組合（総合）',
  kyosai: '共済組合',
  kokuho: '市町村国保',
  kokuho_kumiai: '国保組合',
  koki: '後期高齢者医療',
  senin: '船員保険',
};

export function fiscalYearLabel(fy: number): string {
  const r = fy - 2018;
  return r >= 1 ? `令和${r === 1 ? '元' : r}年度` : `平成${fy - 1988}年度`;
}

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('ja-JP'));
