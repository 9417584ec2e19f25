// Canonical record types: the TypeScript face of src/store/migrations/*.sql.
// Dates are ISO strings (YYYY-MM-DD); money integer yen; points integer 点.

export type Sex = 1 | 2;
export type Relation = '本人' | '家族';
export type InsurerType = 'kyokai' | 'kumiai_single' | 'kumiai_sogo' | 'kyosai' | 'kokuho' | 'kokuho_kumiai' | 'koki' | 'senin';
export type ClaimKind = '医科入院' | '医科入院外' | 'DPC' | '歯科' | '調剤' | '訪問看護';

export interface Insurer {
  insurer_number: string;
  name: string;
  insurer_type: InsurerType;
  industry_code: string | null;
  prefecture_code: string | null;
}

export interface Employer {
  employer_id: string;
  insurer_number: string;
  name: string;
  industry_code: string | null;
  prefecture_code: string | null;
}

export interface Municipality {
  municipality_code: string;
  name: string;
  prefecture_code: string;
}

export interface Member {
  member_key: string;
  sex: Sex;
  birth_ym: string;
  age_base_ym: string;
  relation: Relation | null;
  municipality_code: string | null;
  death_date: string | null;
}

export interface Provenance {
  ingest_file_id: string;
  source_line: number;
}

export interface Enrollment extends Provenance {
  enrollment_key: string;
  member_key: string;
  insurer_number: string;
  relation: Relation;
  employer_id: string | null;
  municipality_code: string | null;
  start_date: string;
  end_date: string | null;
}

export interface Facility {
  facility_code: string;
  name: string | null;
  facility_kind: string | null;
  prefecture_code: string | null;
  municipality_code: string | null;
  beds: number | null;
  functions: string | null;
}

export interface Claim extends Provenance {
  claim_id: string;
  member_key: string | null;
  enrollment_key: string | null;
  insurer_number: string;
  facility_code: string;
  claim_kind: ClaimKind;
  claim_type_code: string;
  service_month: string;
  billing_month: string;
  admission_date: string | null;
  days: number | null;
  points: number;
  meal_yen: number | null;
  patient_share_yen: number | null;
}

export interface ClaimDiagnosis {
  claim_id: string;
  seq: number;
  disease_code: string;
  icd10: string | null;
  disease_name: string | null;
  modifier_codes: string | null;
  is_main: boolean;
  is_suspected: boolean;
  onset_date: string | null;
  outcome_code: string | null;
  source_line: number;
}

interface ClaimLineBase {
  claim_id: string;
  seq: number;
  unit_seq: number;
  category_code: string | null;
  burden_code: string | null;
  quantity: number | null;
  unit_points: number | null;
  times: number | null;
  day_counts: string | null;
  source_line: number;
}

export interface ClaimProcedure extends ClaimLineBase {
  procedure_code: string;
}

export interface ClaimDrug extends ClaimLineBase {
  drug_code: string;
  yj_code: string | null;
  is_generic: boolean | null;
  days_supplied: number | null;
}

export interface ClaimDevice extends ClaimLineBase {
  device_code: string;
}

/** 特定健診 result: core items and 質問票 (see src/terminology/checkup-items.ts for the codes). */
export interface Checkup extends Provenance {
  checkup_id: string;
  member_key: string;
  enrollment_key: string | null;
  insurer_number: string;
  exam_date: string;
  fiscal_year: number;
  facility_code: string | null;
  source_entry: string | null;
  [item: string]: string | number | boolean | null;
}

export interface QuarantineRow {
  run_id: string;
  file_path: string;
  file_hash: string | null;
  line: number | null;
  record_type: string | null;
  field: string | null;
  reason_code: string;
  reason: string;
  raw: string | null;
}

export interface IndicatorResult {
  run_id: string;
  indicator_id: string;
  entity_type: string;
  entity_id: string;
  period: string;
  stratum: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  value_std: number | null;
  ci_low: number | null;
  ci_high: number | null;
  suppressed: boolean;
  rule_version: string;
}
