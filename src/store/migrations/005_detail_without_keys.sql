-- 005_detail_without_keys: the claim detail tables (claim_diagnosis, claim_procedure, claim_drug,
-- claim_device) without their (claim_id, seq) primary keys. Ingest writes a claim's lines only with
-- the claim (a re-sent claim's lines are deleted first) and dedupes them per load, so the index only
-- cost time: maintaining an ART index over tens of millions of lines was the largest share of load
-- time. Rows and column order are unchanged; DuckDB cannot drop a constraint, so each table is copied.

create table claim_diagnosis_v5 (
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
  source_line       integer not null
);
insert into claim_diagnosis_v5 select * from claim_diagnosis;
drop table claim_diagnosis;
alter table claim_diagnosis_v5 rename to claim_diagnosis;
create table claim_procedure_v5 (
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
  source_line       integer not null
);
insert into claim_procedure_v5 select * from claim_procedure;
drop table claim_procedure;
alter table claim_procedure_v5 rename to claim_procedure;
create table claim_drug_v5 (
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
  source_line       integer not null
);
insert into claim_drug_v5 select * from claim_drug;
drop table claim_drug;
alter table claim_drug_v5 rename to claim_drug;
create table claim_device_v5 (
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
  source_line       integer not null
);
insert into claim_device_v5 select * from claim_device;
drop table claim_device;
alter table claim_device_v5 rename to claim_device;
