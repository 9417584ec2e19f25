-- encounter: inpatient stays and emergency visits, one row each.
--
-- Method
--   * Inpatient stay: the 医科入院 and DPC claims of one member at one facility with the same 入院年月日
--     are one stay, however many monthly claims (and re-submissions) it was billed on.
--     start_date = 入院年月日; end_date = the first day the last claim covers (the admission date, or
--     the 1st of its month) + its 診療実日数 − 1: inpatient days are consecutive, so this is the day of
--     discharge (or the last billed day of a stay still running).
--   * emergency: the stay bills 救急医療管理加算 (A205: 190171910, 190172010).
--   * readmission_30d: the member had another stay (any facility) that ended 1–30 days before this
--     admission; a move to another hospital the day after discharge is a transfer (転院), not a
--     readmission. The unplanned/planned split needs the DPC 様式1 and is not made here.
--   * Emergency visit: an outpatient claim-day with 夜間休日救急搬送医学管理料 (B001-2-6: 113013810),
--     the fee of patients brought in by ambulance at night or on holidays.
with stays_raw as (
  select c.member_key, c.facility_code, c.admission_date,
         min(c.service_month) as first_month, max(c.service_month) as last_month,
         count(*) as claims, sum(c.points * 10 + coalesce(c.meal_yen, 0)) as cost_yen,
         bool_or(c.claim_kind = 'DPC') as dpc,
         arg_max(greatest(c.admission_date, c.service_month) + cast(coalesce(c.days, 1) - 1 as integer), c.service_month) as end_date
  from claim c
  where c.claim_kind in ('医科入院', 'DPC') and c.admission_date is not null and c.member_key is not null
  group by c.member_key, c.facility_code, c.admission_date
),
flags as (
  select c.member_key, c.facility_code, c.admission_date, true as emergency
  from claim c join claim_procedure p using (claim_id)
  where c.claim_kind in ('医科入院', 'DPC') and p.procedure_code in ('190171910', '190172010')
  group by c.member_key, c.facility_code, c.admission_date
),
stays as (
  select s.*, coalesce(f.emergency, false) as emergency,
         lag(s.end_date) over (partition by s.member_key order by s.admission_date, s.facility_code) as previous_end,
         lag(s.facility_code) over (partition by s.member_key order by s.admission_date, s.facility_code) as previous_facility
  from stays_raw s left join flags f using (member_key, facility_code, admission_date)
),
er as (
  select c.member_key, c.facility_code, c.service_month, c.claim_id, p.day_counts,
         c.points * 10 as cost_yen
  from claim c join claim_procedure p using (claim_id)
  where c.claim_kind = '医科入院外' and p.procedure_code = '113013810' and c.member_key is not null
)
select 'inpatient' as encounter_type, member_key, facility_code, admission_date as start_date, end_date,
       date_diff('day', admission_date, end_date) + 1 as days, dpc, emergency,
       coalesce(date_diff('day', previous_end, admission_date) between 1 and 30
                and not (previous_facility <> facility_code and date_diff('day', previous_end, admission_date) <= 1), false) as readmission_30d,
       claims, cost_yen
from stays
union all
select 'emergency', member_key, facility_code,
       -- the day of the month whose count is set in the 31 per-day counts
       service_month + cast(list_position(list_transform(string_split(day_counts, ','), x -> x <> '0'), true) - 1 as integer),
       null, 1, false, true, false, 1, cost_yen
from er
