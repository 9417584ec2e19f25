-- 003_care: columns for the documented care files and the facility list (docs/formats/care.md).
--
-- care_claim keeps the whole arithmetic of a 介護給付費明細 row (費用額 = floor(単位数 × 単位数単価),
-- 保険給付額 = floor(費用額 × 給付率) when there is no 公費, 利用者負担額 = the rest) and the 介護保険者:
--   care_insurer_code  介護保険者番号 (6 digits)
--   service_days       サービス実日数
--   unit_price         単位数単価 (円 per 単位, by 地域区分 and 人件費割合)
--   benefit_rate       給付率 (%): 90 | 80 | 70, 100 for ケアマネジメント (43, 46)
--   public_yen         公費負担額
--   patient_share_yen  利用者負担額
-- facility.facility_type keeps the 種別 of the facility list verbatim (医科診療所 | 病院 | 歯科診療所 | 薬局 |
-- 健診機関 | 介護事業所) next to the canonical facility_kind (医科 | 歯科 | 調剤 | 健診 | 介護).

alter table care_claim add column if not exists care_insurer_code varchar;
alter table care_claim add column if not exists service_days integer;
alter table care_claim add column if not exists unit_price double;
alter table care_claim add column if not exists benefit_rate integer;
alter table care_claim add column if not exists public_yen integer;
alter table care_claim add column if not exists patient_share_yen integer;
alter table facility add column if not exists facility_type varchar;
