-- 001_core: the canonical model (正規化モデル).
--
-- One row per real-world fact, keyed by pseudonymous member_key (HMAC-SHA-256 of normalised
-- identity, see src/ingest/pseudonymize.ts). No clear-text names, 記号・番号 or addresses are
-- ever stored. Money is integer yen, points integer 点 (1点 = 10円). Dates are ISO DATE;
-- service months are the first day of the month. Every fact row keeps its provenance
-- (ingest_file_id, source_line) so that a number can be traced to the file and line it came from.
--
-- Portable SQL (ANSI types) so that a PostgreSQL backend stays possible; engine-specific
-- syntax lives in src/store/dialect.ts.

create table if not exists insurer (
  insurer_number   varchar primary key,  -- 保険者番号, normalised to bare 6 or 8 digits
  name             varchar not null,
  insurer_type     varchar not null,     -- kyokai | kumiai_single | kumiai_sogo | kyosai | kokuho | kokuho_kumiai | koki | senin
  industry_code    varchar,              -- 業態 (健保組合), free code
  prefecture_code  varchar               -- JIS 01..47
);

create table if not exists employer (
  employer_id      varchar primary key,  -- 事業所 id as given by the insurer register
  insurer_number   varchar not null,
  name             varchar not null,
  industry_code    varchar,
  prefecture_code  varchar
);

create table if not exists municipality (
  municipality_code varchar primary key, -- 全国地方公共団体コード (6 digits incl. check digit)
  name              varchar not null,
  prefecture_code   varchar not null
);

create table if not exists member (
  member_key        varchar primary key, -- person-level key: HMAC(kana name | sex | birth date)
  sex               integer not null,    -- 1 男, 2 女
  birth_ym          varchar not null,    -- YYYY-MM (the day is never stored)
  age_base_ym       varchar not null,    -- YYYY-MM of the day before the birth date: by 年齢計算ニ関スル法律
                                         -- a person reaches each age at the end of that day, so age on any
                                         -- month-end date is exact from this month (born 1 April → March)
  relation          varchar,             -- latest 本人 | 家族
  municipality_code varchar,             -- latest residence municipality
  death_date        date
);

create table if not exists enrollment (
  enrollment_key    varchar not null,    -- insurance-level key: HMAC(保険者番号 | 記号 | 番号 | 枝番)
  member_key        varchar not null,
  insurer_number    varchar not null,
  relation          varchar not null,    -- 本人 | 家族
  employer_id       varchar,
  municipality_code varchar,
  start_date        date not null,       -- 資格取得日
  end_date          date,                -- 資格喪失日の前日 (last covered day); null = ongoing
  ingest_file_id    varchar not null,
  source_line       integer not null,
  primary key (enrollment_key, start_date)
);

create table if not exists facility (
  facility_code     varchar primary key, -- 10-digit 医療機関コード (都道府県2 + 点数表1 + 7)
  name              varchar,
  facility_kind     varchar,             -- 医科 | 歯科 | 調剤 | 健診 | 介護
  prefecture_code   varchar,
  municipality_code varchar,
  beds              integer,
  functions         varchar              -- comma separated function codes
);

create table if not exists claim (
  claim_id          varchar primary key, -- hash of the natural key + version
  member_key        varchar,             -- null when the member could not be linked (then quarantined)
  enrollment_key    varchar,
  insurer_number    varchar not null,
  facility_code     varchar not null,
  claim_kind        varchar not null,    -- 医科入院 | 医科入院外 | DPC | 歯科 | 調剤 | 訪問看護
  claim_type_code   varchar not null,    -- レセプト種別 (4 digits)
  service_month     date not null,       -- 診療年月 (first day)
  billing_month     date not null,       -- 請求年月 (first day)
  admission_date    date,
  days              integer,             -- 診療実日数 (医保)
  points            integer not null,    -- 合計点数 (医保)
  meal_yen          integer,             -- 食事療養・生活療養 合計金額
  patient_share_yen integer,             -- 負担金額 医療保険
  ingest_file_id    varchar not null,
  source_line       integer not null
);

create table if not exists claim_diagnosis (
  claim_id          varchar not null,
  seq               integer not null,
  disease_code      varchar not null,    -- 傷病名コード (7); 0000999 = 未コード化
  icd10             varchar,
  disease_name      varchar,             -- only for 未コード化傷病名 (free text from the claim)
  modifier_codes    varchar,             -- concatenated 4-char 修飾語コード
  is_main           boolean not null,
  is_suspected      boolean not null,    -- 疑い (修飾語 8002)
  onset_date        date,                -- 診療開始日
  outcome_code      varchar,             -- 転帰区分
  source_line       integer not null,
  primary key (claim_id, seq)
);

create table if not exists claim_procedure (
  claim_id          varchar not null,
  seq               integer not null,
  unit_seq          integer not null,    -- 点数・回数算定単位 number within the claim
  category_code     varchar,             -- 診療識別 (carried forward)
  burden_code       varchar,             -- 負担区分
  procedure_code    varchar not null,
  quantity          double,
  unit_points       integer,             -- points of the billing unit (on its last line only)
  times             integer,             -- 回数
  day_counts        varchar,             -- 31 comma-separated per-day counts
  source_line       integer not null,
  primary key (claim_id, seq)
);

create table if not exists claim_drug (
  claim_id          varchar not null,
  seq               integer not null,
  unit_seq          integer not null,
  category_code     varchar,
  burden_code       varchar,
  drug_code         varchar not null,    -- レセ電 医薬品コード (9)
  yj_code           varchar,
  is_generic        boolean,
  quantity          double,              -- 使用量
  unit_points       integer,
  times             integer,             -- 回数 (for 内服: days supplied)
  days_supplied     integer,
  day_counts        varchar,
  source_line       integer not null,
  primary key (claim_id, seq)
);

create table if not exists claim_device (
  claim_id          varchar not null,
  seq               integer not null,
  unit_seq          integer not null,
  category_code     varchar,
  burden_code       varchar,
  device_code       varchar not null,
  quantity          double,
  unit_points       integer,
  times             integer,
  day_counts        varchar,
  source_line       integer not null,
  primary key (claim_id, seq)
);

create table if not exists checkup (
  checkup_id        varchar primary key,
  member_key        varchar not null,
  enrollment_key    varchar,
  insurer_number    varchar not null,
  exam_date         date not null,
  fiscal_year       integer not null,    -- 年度 of exam_date (April–March)
  facility_code     varchar,             -- 健診機関番号
  height_cm double, weight_kg double, bmi double, waist_cm double, visceral_fat_cm2 double,
  sbp integer, dbp integer,
  blood_draw_timing integer,  -- 9N141 (…6.2202): 2 空腹時(10時間以上), 3 3.5〜10時間, 4 3.5時間未満
  tg_mgdl integer, tg_fasting boolean, hdl_mgdl integer, ldl_mgdl integer, non_hdl_mgdl integer,
  ast integer, alt integer, ggt integer,
  fpg_mgdl integer, random_glucose_mgdl integer, hba1c double,
  urine_glucose integer, urine_protein integer,    -- 定性 codes (…6.2102): 1 −, 2 ±, 3 +, 4 2+, 5 3+
  creatinine double, egfr double, hemoglobin double,
  med_bp boolean, med_glucose boolean, med_lipid boolean,
  hist_stroke boolean, hist_heart boolean, hist_kidney boolean, anemia boolean,
  smoking integer,           -- 第4期 …6.24060
  weight_gain_20 boolean, exercise_30min boolean, walking_1h boolean, walking_fast boolean,
  chewing integer, eating_speed integer, late_dinner boolean, snacking integer, skip_breakfast boolean,
  drinking_freq integer, drinking_amount integer, sleep_ok boolean, improvement_intent integer,
  guidance_experience boolean,
  metabo_judgement integer,  -- 9N501: 1 基準該当, 2 予備群該当, 3 非該当, 4 判定不能
  guidance_level integer,    -- 9N506: 1 積極的, 2 動機付け, 3 なし, 4 判定不能
  ingest_file_id    varchar not null,
  source_line       integer not null,
  source_entry      varchar              -- ZIP entry of the CDA document
);

create table if not exists health_guidance (
  -- One row per 特定保健指導 report (hg08 document): 21 開始時, 22 実績評価時, 23 途中終了, …
  -- The derived layer joins the reports of one programme (member × insurer × 年度 of 初回面接).
  guidance_id       varchar primary key,
  member_key        varchar not null,
  insurer_number    varchar not null,
  fiscal_year       integer not null,    -- 年度 of the 初回面接 (or of the report when absent)
  report_category   varchar not null,
  service_date      date not null,
  support_level     integer,             -- 1 積極的支援, 2 動機付け支援, 3 動機付け支援相当
  initial_date      date,
  initial_form      integer,             -- 支援形態 (…6.24010)
  target_waist_cm   double, target_weight_kg double,
  continuous_contacts integer, continuous_points integer,
  final_date        date,
  final_waist_cm    double, final_weight_kg double, final_sbp integer, final_dbp integer,
  outcome_waist_weight integer,          -- 0 未達成, 1 1cm・1kg, 2 2cm・2kg (…6.24090)
  outcome_points    integer,
  facility_code     varchar,
  ingest_file_id    varchar not null,
  source_entry      varchar
);

create table if not exists care_certification (
  member_key        varchar not null,
  care_insurer_code varchar not null,    -- 介護保険者番号 (municipality)
  decision_date     date not null,
  valid_from        date not null,
  valid_to          date,
  care_level        varchar not null,    -- 要支援1 | 要支援2 | 要介護1 … 要介護5 | 非該当
  ingest_file_id    varchar not null,
  source_line       integer not null,
  primary key (member_key, valid_from)
);

create table if not exists care_claim (
  care_claim_id     varchar primary key,
  member_key        varchar not null,
  service_month     date not null,
  provider_code     varchar not null,    -- 介護事業所番号
  service_type_code varchar not null,    -- サービス種類コード
  units             integer not null,    -- 単位数
  cost_yen          integer not null,    -- 費用額
  benefit_yen       integer,             -- 保険給付額
  ingest_file_id    varchar not null,
  source_line       integer not null
);

create table if not exists adl_assessment (
  member_key        varchar not null,
  assessment_date   date not null,
  provider_code     varchar,
  feeding integer, transfer integer, grooming integer, toileting integer, bathing integer,
  mobility integer, stairs integer, dressing integer, bowels integer, bladder integer,
  total integer not null,                -- Barthel Index 0–100
  ingest_file_id    varchar not null,
  source_line       integer not null,
  primary key (member_key, assessment_date)
);

create table if not exists survey_response (
  response_id       varchar not null,
  member_key        varchar not null,
  instrument        varchar not null,    -- e.g. EQ-5D-5L, PREM
  item_code         varchar not null,
  answer            varchar,
  answered_at       timestamp not null,
  ingest_file_id    varchar,
  primary key (response_id, item_code)
);

create table if not exists family_doctor_registration (
  member_key        varchar not null,
  facility_code     varchar not null,
  registered_from   date not null,
  registered_to     date,
  source            varchar not null,    -- claims | member | staff
  primary key (member_key, facility_code, registered_from)
);

-- Operational tables -------------------------------------------------------------------------

create table if not exists ingest_run (
  run_id            varchar primary key,
  started_at        timestamp not null,
  finished_at       timestamp,
  status            varchar not null,    -- running | done | failed
  files_total       integer,
  files_loaded      integer,
  files_skipped     integer,
  files_failed      integer
);

create table if not exists ingest_file (
  ingest_file_id    varchar primary key, -- sha256 of the file content
  run_id            varchar not null,
  path              varchar not null,
  format            varchar not null,
  loaded_at         timestamp not null,
  records_read      integer not null,
  records_loaded    integer not null,
  records_rejected  integer not null
);

create table if not exists quarantine (
  run_id            varchar not null,
  file_path         varchar not null,
  file_hash         varchar,
  line              integer,
  record_type       varchar,
  field             varchar,
  reason_code       varchar not null,
  reason            varchar not null,
  raw               varchar              -- the offending record with identity fields masked
);

create table if not exists audit_log (
  occurred_at       timestamp not null,
  actor             varchar not null,
  action            varchar not null,
  object_type       varchar not null,
  object_id         varchar,
  detail            varchar
);

create table if not exists pipeline_run (
  run_id            varchar primary key,
  started_at        timestamp not null,
  finished_at       timestamp,
  status            varchar not null
);

create table if not exists pipeline_stage (
  run_id            varchar not null,
  stage             varchar not null,    -- ingest | derive | compute | report
  started_at        timestamp not null,
  finished_at       timestamp,
  status            varchar not null,
  row_counts        varchar,             -- JSON {table: rows}
  rule_versions     varchar,             -- JSON {rule: version}
  message           varchar,
  primary key (run_id, stage)
);

create table if not exists indicator_result (
  run_id            varchar not null,
  indicator_id      varchar not null,
  entity_type       varchar not null,    -- all | insurer_type | insurer | employer | municipality | prefecture
  entity_id         varchar not null,
  period            varchar not null,    -- FY2024 | 2024-05
  stratum           varchar not null,    -- 'all' or e.g. 'sex=1;age=40-44'
  numerator         double,
  denominator       double,
  value             double,              -- null when suppressed
  value_std         double,              -- age-standardised
  ci_low            double,
  ci_high           double,
  suppressed        boolean not null,
  rule_version      varchar not null
);
