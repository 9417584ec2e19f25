-- member_year: one row per member × insurer × 年度 (April–March) in which the member was enrolled.
--
-- Method
--   * Fiscal years are those that hold any claim or checkup in the store.
--   * age_fy_end: age reached by 31 March of the fiscal year end (年度末年齢), the basis of the 40–74
--     target and the 65–74 rule (実施に関する基準 第1条). By 年齢計算ニ関スル法律 an age is reached at the end
--     of the day before the birthday, so a person born on 1 April is a year older on 31 March. The store
--     keeps age_base_ym = year-month of that day; as 31 March is a month end the age is exact.
--   * full_year: one enrolment span with the insurer covers 1 April … 31 March.
--   * checkup_target (特定健診対象者): enrolled the whole year and 40–74 at fiscal year end.
--     Source: 高齢者の医療の確保に関する法律 §20 and the MHLW 実施率 definition — 当該年度の4月1日
--     時点の加入者で年度途中の加入・脱退がない者のうち、年度末時点で40〜74歳の者. The 告示 exclusions
--     (妊産婦, 長期入院, 海外在住, 施設入所) are not derivable from the canonical data yet.
--   * examined: the member has a 特定健診 record with the same insurer dated inside the fiscal year.
with fiscal_years as (
  select distinct fiscal_year from checkup
  union
  select distinct case when month(service_month) >= 4 then year(service_month) else year(service_month) - 1 end
  from claim
),
spans as (
  select e.member_key, e.insurer_number, e.employer_id, e.relation, e.start_date,
         coalesce(e.end_date, date '9999-12-31') as end_date
  from enrollment e
),
member_fy as (
  select s.member_key, s.insurer_number, f.fiscal_year,
         max(s.employer_id) as employer_id,
         max(s.relation) as relation,
         bool_or(s.start_date <= make_date(f.fiscal_year, 4, 1)
                 and s.end_date >= make_date(f.fiscal_year + 1, 3, 31)) as full_year
  from spans s
  join fiscal_years f
    on s.start_date <= make_date(f.fiscal_year + 1, 3, 31)
   and s.end_date >= make_date(f.fiscal_year, 4, 1)
  group by s.member_key, s.insurer_number, f.fiscal_year
),
with_age as (
  select mf.*, m.sex,
         (mf.fiscal_year + 1) - cast(substr(m.age_base_ym, 1, 4) as integer)
           - case when cast(substr(m.age_base_ym, 6, 2) as integer) > 3 then 1 else 0 end as age_fy_end
  from member_fy mf
  join member m on m.member_key = mf.member_key
)
select a.member_key, a.insurer_number, i.insurer_type, a.employer_id, a.relation, a.fiscal_year,
       a.sex, a.age_fy_end, a.full_year,
       (a.full_year and a.age_fy_end between 40 and 74) as checkup_target,
       exists (
         select 1 from checkup c
         where c.member_key = a.member_key and c.insurer_number = a.insurer_number
           and c.fiscal_year = a.fiscal_year
       ) as examined
from with_age a
left join insurer i on i.insurer_number = a.insurer_number
