-- member_month: one row per member × insurer × calendar month with at least one day of enrolment,
-- the denominator of PMPM (per member per month) costs and of "members without any claim".
--
-- Method
--   * Months run from the first to the last service month or checkup month held in the store.
--   * enrolled_days: days of the month covered by the enrolment span(s) with that insurer.
--   * age: age at the end of the month. member.age_base_ym is the month of the day before the birth
--     date (年齢計算ニ関スル法律: an age is reached at the end of that day), so the age on a month-end
--     date is exact from year-months alone.
--   * claims / cost_yen: claims of the member with that insurer in the month (points × 10 + 食事・生活療養
--     yen; 1点 = 10円), all claim kinds.
with bounds as (
  select min(m) as lo, max(m) as hi from (
    select service_month as m from claim
    union all
    select cast(date_trunc('month', exam_date) as date) from checkup
  )
),
months as (
  select cast(unnest(generate_series(lo, hi, interval 1 month)) as date) as month from bounds where lo is not null
),
spans as (
  select member_key, insurer_number, employer_id, relation, start_date, coalesce(end_date, date '9999-12-31') as end_date
  from enrollment
),
covered as (
  select s.member_key, s.insurer_number, mo.month,
         max(s.employer_id) as employer_id, max(s.relation) as relation,
         sum(date_diff('day', greatest(s.start_date, mo.month), least(s.end_date, last_day(mo.month))) + 1) as enrolled_days
  from spans s
  join months mo on s.start_date <= last_day(mo.month) and s.end_date >= mo.month
  group by s.member_key, s.insurer_number, mo.month
),
costs as (
  select member_key, insurer_number, service_month as month, count(*) as claims,
         sum(points * 10 + coalesce(meal_yen, 0)) as cost_yen
  from claim where member_key is not null
  group by member_key, insurer_number, service_month
)
select c.member_key, c.insurer_number, i.insurer_type, c.month, c.employer_id, c.relation,
       least(c.enrolled_days, day(last_day(c.month))) as enrolled_days, m.sex,
       (year(c.month) * 12 + month(c.month)
         - (cast(substr(m.age_base_ym, 1, 4) as integer) * 12 + cast(substr(m.age_base_ym, 6, 2) as integer))) // 12 as age,
       coalesce(k.claims, 0) as claims, coalesce(k.cost_yen, 0) as cost_yen
from covered c
join member m on m.member_key = c.member_key
left join insurer i on i.insurer_number = c.insurer_number
left join costs k on k.member_key = c.member_key and k.insurer_number = c.insurer_number and k.month = c.month
