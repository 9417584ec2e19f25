// The one dictionary of Japanese domain terms used by the UI (imported by web/ too), reports and CLI.
// Keep this module free of Node imports so that the browser bundle can use it.
// Canonical names stay English snake_case in code and SQL.
export const TERMS_JA = {
  insurer: '保険者',
  employer: '事業所',
  municipality: '市区町村',
  member: '加入者',
  enrollment: '資格',
  facility: '医療機関',
  claim: 'レセプト',
  claim_diagnosis: '傷病名',
  claim_procedure: '診療行為',
  claim_drug: '医薬品',
  claim_device: '特定器材',
  checkup: '特定健診',
  health_guidance: '特定保健指導',
  care_certification: '要介護認定',
  care_claim: '介護給付費明細',
  adl_assessment: 'ADL評価 (Barthel Index)',
  survey_response: 'アンケート回答',
  family_doctor_registration: 'かかりつけ医登録',
  quarantine: '隔離レコード',
  audit_log: '監査ログ',
  ingest_run: '取込実行',
  indicator_result: '指標結果',
  fiscal_year: '年度',
} as const;

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
