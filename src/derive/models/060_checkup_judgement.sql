-- checkup_judgement: each 特定健診 result judged against the 保健指導判定値 and 受診勧奨判定値 of the
-- 標準的な健診・保健指導プログラム（令和6年度版）, and the メタボリックシンドローム判定. One row per checkup.
--
-- Method (../shared/specs/data-formats.md §4.1 ✅; 0 = 基準内, 1 = 保健指導判定値, 2 = 受診勧奨判定値,
-- null = not measured)
--   * bp: 収縮期 ≥130 or 拡張期 ≥85 → 1; ≥140 or ≥90 → 2.
--   * tg: 空腹時 ≥150 (随時 ≥175) → 1; ≥300 → 2. hdl: <40 → 1 (no 受診勧奨判定値 in the 第4期 table).
--     ldl: ≥120 → 1; ≥140 → 2. non_hdl: ≥150 → 1; ≥170 → 2.
--   * glucose: 空腹時 (or 随時) 血糖 ≥100 → 1, ≥126 → 2; hba1c ≥5.6 → 1, ≥6.5 → 2.
--   * ast, alt ≥31 → 1, ≥51 → 2; ggt ≥51 → 1, ≥101 → 2. egfr <60 → 1, <45 → 2.
--   * hemoglobin: 男 ≤13.0 / 女 ≤12.0 → 1; 男 ≤12.0 / 女 ≤11.0 → 2.
--   * urine_protein (定性 code 1 −, 2 ±, 3 +, 4 2+, 5 3+): ± → 1, + or more → 2 ⚠️ (bands from a
--     健診機関 leaflet, as in the spec).
--   * referral_items: number of items at the 受診勧奨判定値 — the 受診勧奨 lists start from here.
--   * metabolic: メタボリックシンドローム判定 (8学会基準 as the 特定健診 applies it): 腹囲 ≥85 (男) / ≥90 (女)
--     with ≥2 of ① TG ≥150 or HDL <40 or 脂質服薬, ② SBP ≥130 or DBP ≥85 or 血圧服薬, ③ 空腹時血糖 ≥110
--     (HbA1c ≥6.0 when no fasting glucose) or 血糖服薬 → '基準該当'; exactly 1 → '予備群該当';
--     else '非該当'; no 腹囲 → '判定不能'.
with j as (
  select c.checkup_id, c.member_key, c.insurer_number, c.fiscal_year, c.exam_date, m.sex,
    case when c.sbp is null and c.dbp is null then null
         when coalesce(c.sbp, 0) >= 140 or coalesce(c.dbp, 0) >= 90 then 2
         when coalesce(c.sbp, 0) >= 130 or coalesce(c.dbp, 0) >= 85 then 1 else 0 end as bp,
    case when c.tg_mgdl is null then null when c.tg_mgdl >= 300 then 2
         when c.tg_mgdl >= case when c.tg_fasting = false then 175 else 150 end then 1 else 0 end as tg,
    case when c.hdl_mgdl is null then null when c.hdl_mgdl < 40 then 1 else 0 end as hdl,
    case when c.ldl_mgdl is null then null when c.ldl_mgdl >= 140 then 2 when c.ldl_mgdl >= 120 then 1 else 0 end as ldl,
    case when c.non_hdl_mgdl is null then null when c.non_hdl_mgdl >= 170 then 2 when c.non_hdl_mgdl >= 150 then 1 else 0 end as non_hdl,
    case when coalesce(c.fpg_mgdl, c.random_glucose_mgdl) is null then null
         when coalesce(c.fpg_mgdl, c.random_glucose_mgdl) >= 126 then 2
         when coalesce(c.fpg_mgdl, c.random_glucose_mgdl) >= 100 then 1 else 0 end as glucose,
    case when c.hba1c is null then null when c.hba1c >= 6.5 then 2 when c.hba1c >= 5.6 then 1 else 0 end as hba1c,
    case when c.ast is null then null when c.ast >= 51 then 2 when c.ast >= 31 then 1 else 0 end as ast,
    case when c.alt is null then null when c.alt >= 51 then 2 when c.alt >= 31 then 1 else 0 end as alt,
    case when c.ggt is null then null when c.ggt >= 101 then 2 when c.ggt >= 51 then 1 else 0 end as ggt,
    case when c.egfr is null then null when c.egfr < 45 then 2 when c.egfr < 60 then 1 else 0 end as egfr,
    case when c.hemoglobin is null then null
         when c.hemoglobin <= case when m.sex = 1 then 12.0 else 11.0 end then 2
         when c.hemoglobin <= case when m.sex = 1 then 13.0 else 12.0 end then 1 else 0 end as hemoglobin,
    case when c.urine_protein is null then null when c.urine_protein >= 3 then 2 when c.urine_protein = 2 then 1 else 0 end as urine_protein,
    case when c.waist_cm is null and c.visceral_fat_cm2 is null then null
         else coalesce(c.waist_cm >= case when m.sex = 1 then 85 else 90 end, false) or coalesce(c.visceral_fat_cm2 >= 100, false) end as waist_high,
    (case when coalesce(c.tg_mgdl, 0) >= 150 or coalesce(c.hdl_mgdl, 999) < 40 or coalesce(c.med_lipid, false) then 1 else 0 end
     + case when coalesce(c.sbp, 0) >= 130 or coalesce(c.dbp, 0) >= 85 or coalesce(c.med_bp, false) then 1 else 0 end
     + case when (c.fpg_mgdl is not null and c.fpg_mgdl >= 110) or (c.fpg_mgdl is null and coalesce(c.hba1c, 0) >= 6.0)
                 or coalesce(c.med_glucose, false) then 1 else 0 end) as metabolic_risks
  from checkup c join member m using (member_key)
)
select checkup_id, member_key, insurer_number, fiscal_year, exam_date,
       bp, tg, hdl, ldl, non_hdl, glucose, hba1c, ast, alt, ggt, egfr, hemoglobin, urine_protein,
       (coalesce(bp = 2, false)::int + coalesce(tg = 2, false)::int + coalesce(ldl = 2, false)::int
        + coalesce(non_hdl = 2, false)::int + coalesce(glucose = 2, false)::int + coalesce(hba1c = 2, false)::int
        + coalesce(ast = 2, false)::int + coalesce(alt = 2, false)::int + coalesce(ggt = 2, false)::int
        + coalesce(egfr = 2, false)::int + coalesce(hemoglobin = 2, false)::int + coalesce(urine_protein = 2, false)::int) as referral_items,
       case when waist_high is null then '判定不能'
            when waist_high and metabolic_risks >= 2 then '基準該当'
            when waist_high and metabolic_risks = 1 then '予備群該当'
            else '非該当' end as metabolic
from j
