-- condition_year: chronic conditions per member × 年度 (April–March), from the claims' diagnoses and
-- drugs — the flags behind target lists, risk models and 疾病別医療費.
--
-- Method
--   * Diagnoses: a 傷病名 on any claim with a service month in the 年度, mapped to ICD-10 through the
--     傷病名マスター (claim_diagnosis.icd10). 疑い病名 (修飾語 8002, is_suspected) never flag a
--     condition: レセプト病名 "疑い" records a work-up, not a disease. 未コード化傷病名 (0000999) have
--     no ICD-10 and are not used.
--   * Drugs: a drug of the class dispensed or prescribed in the 年度 (薬価基準収載医薬品コード, whose
--     first 3–4 digits are the 薬効分類): 396 糖尿病用剤; 218 高脂血症用剤; 214 血圧降下剤 and 2171
--     (Ca 拮抗薬, mostly prescribed for hypertension ⚠️ also used for angina); 3339 その他の血液凝固阻止剤
--     only supports 心房細動 together with a diagnosis and is not a flag of its own.
--   * ICD-10 groups (WHO ICD-10 2013 blocks, as used by the 社会保険表章用疾病分類):
--     hypertension I10–I15, diabetes E10–E14, dyslipidemia E78, ckd N18 (and N083/E112 diabetic
--     nephropathy), dialysis Z49/Z992 or 人工腎臓 (J038, 14005x) billed, ihd I20–I25, heart_failure I50,
--     stroke I60–I69, cancer C00–C97, dementia F00–F03/G30, copd J41–J44, depression F32–F33,
--     af I48.
with dx as (
  select c.member_key,
         case when month(c.service_month) >= 4 then year(c.service_month) else year(c.service_month) - 1 end as fiscal_year,
         d.icd10, c.claim_id
  from claim c join claim_diagnosis d using (claim_id)
  where not d.is_suspected and d.icd10 is not null and c.member_key is not null
),
dx_cond as (
  select member_key, fiscal_year, claim_id,
         case
           when regexp_matches(icd10, '^I1[0-5]') then 'hypertension'
           when regexp_matches(icd10, '^E1[0-4]') then 'diabetes'
           when regexp_matches(icd10, '^E78') then 'dyslipidemia'
           when regexp_matches(icd10, '^(N18|N083)') then 'ckd'
           when regexp_matches(icd10, '^(Z49|Z992)') then 'dialysis'
           when regexp_matches(icd10, '^I2[0-5]') then 'ihd'
           when regexp_matches(icd10, '^I50') then 'heart_failure'
           when regexp_matches(icd10, '^I48') then 'af'
           when regexp_matches(icd10, '^I6[0-9]') then 'stroke'
           when regexp_matches(icd10, '^C([0-8][0-9]|9[0-7])') then 'cancer'
           when regexp_matches(icd10, '^(F0[0-3]|G30)') then 'dementia'
           when regexp_matches(icd10, '^J4[1-4]') then 'copd'
           when regexp_matches(icd10, '^F3[23]') then 'depression'
         end as condition
  from dx
),
rx as (
  select c.member_key,
         case when month(c.service_month) >= 4 then year(c.service_month) else year(c.service_month) - 1 end as fiscal_year,
         c.claim_id,
         case
           when d.yj_code like '396%' then 'diabetes'
           when d.yj_code like '218%' then 'dyslipidemia'
           when d.yj_code like '214%' or d.yj_code like '2171%' then 'hypertension'
         end as condition
  from claim c join claim_drug d using (claim_id)
  where d.yj_code is not null and c.member_key is not null
),
dialysis_proc as (
  select c.member_key,
         case when month(c.service_month) >= 4 then year(c.service_month) else year(c.service_month) - 1 end as fiscal_year,
         c.claim_id, 'dialysis' as condition
  from claim c join claim_procedure p using (claim_id)
  where p.procedure_code like '14005%' and c.member_key is not null
),
evidence as (
  select member_key, fiscal_year, condition, count(distinct claim_id) as dx_claims, 0 as rx_claims
  from (select * from dx_cond union all select * from dialysis_proc) where condition is not null
  group by all
  union all
  select member_key, fiscal_year, condition, 0, count(distinct claim_id)
  from rx where condition is not null group by all
)
select member_key, fiscal_year, condition,
       sum(dx_claims) as dx_claims, sum(rx_claims) as rx_claims,
       case when sum(dx_claims) > 0 and sum(rx_claims) > 0 then 'both'
            when sum(dx_claims) > 0 then 'diagnosis' else 'drug' end as evidence
from evidence
group by member_key, fiscal_year, condition
