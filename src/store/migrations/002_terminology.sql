-- 002_terminology: the public レセ電 code masters (傷病名 b, 修飾語 z, 診療行為 s, 医薬品 y, 特定器材 t,
-- コメント c) in one long table, and the codes seen in claims that the loaded masters do not know.
-- Unknown codes are never dropped: the claim rows keep them and they are listed here with counts.

create table if not exists code_master (
  kind              varchar not null,    -- b | z | s | y | t | c
  code              varchar not null,
  name              varchar not null,
  kana              varchar,
  icd10             varchar,             -- 傷病名: ICD-10 (2013 columns first)
  value             double,              -- 点数 (s) or 金額 in yen (y 薬価, t 価格)
  unit              varchar,
  is_generic        boolean,             -- 医薬品: 後発品
  dosage_form       varchar,             -- 医薬品: 剤形 1 内用, 3 その他, 4 注射, 6 外用, 8 歯科
  yakka_code        varchar,             -- 医薬品: 薬価基準収載医薬品コード (12); first 4 = 薬効分類
  category          varchar,             -- 修飾語区分 / コメントパターン
  changed_on        date,
  abolished_on      date,
  source            varchar not null,    -- file name the row was imported from
  primary key (kind, code)
);

create table if not exists unknown_code (
  kind              varchar not null,    -- b (傷病名) | s (診療行為) | y (医薬品) | t (特定器材)
  code              varchar not null,
  ingest_file_id    varchar not null,
  occurrences       integer not null,
  primary key (kind, code, ingest_file_id)
);
