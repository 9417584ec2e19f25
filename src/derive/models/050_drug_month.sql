-- drug_month: the oral drugs of a member in a calendar month — polypharmacy (多剤) and duplicate
-- prescribing (重複投薬) as the 保険者努力支援制度 共通⑤ and the 国保 重複・多剤投与者 programmes count them.
--
-- Method
--   * Oral drugs: 剤形 1 (内用) in the 医薬品マスター, from 調剤 claims (院外処方, counted by their
--     処方医療機関 = prescriber_code) and from 医科入院外 claims (院内処方, 診療識別 21, by the clinic).
--   * n_drugs: distinct ingredient-forms (first 9 characters of the 薬価基準収載医薬品コード: 薬効分類 4
--     + 成分 3 + 剤形 1 + 規格 1 — strengths and makers of one ingredient count once ⚠️ the 9th character
--     is the 規格 sequence, so two strengths of one ingredient count twice).
--   * n_drugs_14d: those with at least 14 days supplied in the month — the 長期処方 criterion used by
--     the 国保 多剤 definitions (14 or 15 days depending on the 都道府県 manual ⚠️).
--   * duplicate_ingredients: ingredients (first 7 characters: 薬効分類 + 成分) prescribed by two or more
--     different 医療機関 in the month — 重複投薬.
with lines as (
  select c.member_key, c.service_month as month,
         coalesce(c.prescriber_code, c.facility_code) as prescriber,
         d.yj_code, coalesce(d.days_supplied, d.times, 1) as days
  from claim c
  join claim_drug d using (claim_id)
  join code_master m on m.kind = 'y' and m.code = d.drug_code and m.dosage_form = '1'
  where c.member_key is not null and d.yj_code is not null
    and (c.claim_kind = '調剤' or (c.claim_kind = '医科入院外' and d.category_code = '21'))
),
per_drug as (
  select member_key, month, substr(yj_code, 1, 9) as ingredient_form, sum(days) as days
  from lines group by all
),
drugs as (
  select member_key, month, count(*) as n_drugs, count(*) filter (where days >= 14) as n_drugs_14d
  from per_drug group by all
),
per_ingredient as (
  select member_key, month, substr(yj_code, 1, 7) as ingredient, count(distinct prescriber) as prescribers
  from lines group by all
),
dup as (
  select member_key, month, count(*) filter (where prescribers >= 2) as duplicate_ingredients
  from per_ingredient group by all
),
prescribers as (
  select member_key, month, count(distinct prescriber) as prescribers from lines group by all
)
select d.member_key, d.month, d.n_drugs, d.n_drugs_14d, u.duplicate_ingredients, p.prescribers
from drugs d
join dup u using (member_key, month)
join prescribers p using (member_key, month)
