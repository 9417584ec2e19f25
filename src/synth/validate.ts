// `kachi synth validate DIR`: computes the calibration statistics of a generated population from its
// files, through the normal readers, ingest and indicator engine (an in-memory store and a throwaway
// key), and compares each with its published value and a stated tolerance.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pseudonymizer } from '../ingest/pseudonymize.js';
import { runPipeline } from '../pipeline/run.js';
import { Store } from '../store/db.js';

export interface CalibrationCheck {
  id: string;
  labelJa: string;
  published: number;
  generated: number | null;
  tolerance: number;
  pass: boolean;
  source: string;
}

interface Target {
  id: string;
  labelJa: string;
  published: number;
  tolerance: number;
  source: string;
  sql: string;
}

const S11 = 'MHLW 各保険者の比較 FY2019 (calibration.md §1.1)';
const S61 = 'MHLW 特定健診・特定保健指導の実施状況 FY2023 (§6.1)';
const S43 = 'NDB オープンデータ第9回 FY2021 受診者 (§4.2, §4.3)';

/** Mean age on the mid-window date of members enrolled then, by insurer type (age from birth year-month). */
const meanAge = (types: string, on: string) =>
  `select avg(date_diff('month', strptime(m.birth_ym || '-01', '%Y-%m-%d'), date '${on}') / 12.0)
   from enrollment e join member m using (member_key) join insurer i using (insurer_number)
   where i.insurer_type in (${types}) and e.start_date <= date '${on}' and coalesce(e.end_date, date '9999-12-31') >= date '${on}'`;
const dependants = (types: string, on: string) =>
  `select sum(case when e.relation = '家族' then 1 else 0 end) * 1.0 / nullif(sum(case when e.relation = '本人' then 1 else 0 end), 0)
   from enrollment e join insurer i using (insurer_number)
   where i.insurer_type in (${types}) and e.start_date <= date '${on}' and coalesce(e.end_date, date '9999-12-31') >= date '${on}'`;
const rate = (type: string) =>
  `select avg(value) from indicator_result where indicator_id = 'tokutei_kenshin_rate' and entity_type = 'insurer_type' and entity_id = '${type}' and stratum = 'all'`;
const share = (sex: number, cond: string) =>
  `select 100.0 * avg(case when ${cond} then 1 else 0 end) from checkup c join member m using (member_key) where m.sex = ${sex}`;

const S23 = 'MHLW 年齢階級別1人当たり医療費 FY2019 ×1.10 to FY2023 (calibration.md §2.3)';
const S14 = 'MHLW 各保険者の比較 FY2019 1人当たり医療費 ×1.10 (§1.1, §2.4)';
const S71 = '日本透析医学会 わが国の慢性透析療法の現況 2022 (§7.1)';
const S8 = '社会医療診療行為別統計 2020 / 調剤医療費の動向 FY2022 (§8)';
const S44 = 'MHLW 特定健診・特定保健指導の実施状況 FY2023 (§4.4)';
const S91 = '介護保険事業状況報告 2020-09 ÷ 人口推計 (§9.1)';

/** 要介護（要支援）認定率 (%) on a date among members of an age range enrolled then. */
const certified = (on: string, lo: number, hi: number) => `
  with pop as (select distinct e.member_key from enrollment e join member m using (member_key)
               where e.start_date <= date '${on}' and coalesce(e.end_date, date '9999-12-31') >= date '${on}'
                 and date_diff('year', strptime(m.birth_ym || '-01', '%Y-%m-%d'), date '${on}') between ${lo} and ${hi}),
  cert as (select distinct member_key from care_certification
           where valid_from <= date '${on}' and coalesce(valid_to, date '9999-12-31') >= date '${on}' and care_level <> '非該当')
  select 100.0 * (select count(*) from pop where member_key in (select member_key from cert)) / nullif((select count(*) from pop), 0)`;

/** Member-years of exposure in a 年度 with the age at its start, by insurer type. */
const exposure = (fy: number) => `
  select e.member_key, i.insurer_type,
         date_diff('year', strptime(m.birth_ym || '-01', '%Y-%m-%d'), date '${fy}-04-01') as age,
         (date_diff('day', greatest(e.start_date, date '${fy}-04-01'),
                    least(coalesce(e.end_date, date '9999-12-31'), date '${fy + 1}-03-31')) + 1) / 365.0 as years
  from enrollment e join member m using (member_key) join insurer i using (insurer_number)
  where e.start_date <= date '${fy + 1}-03-31' and coalesce(e.end_date, date '9999-12-31') >= date '${fy}-04-01'`;

/** Yen per member-year (医科・DPC・歯科・調剤 points × 10 + 食事), for members whose age or type matches. */
const costPerCapita = (fy: number, where: string) => `
  with x as (${exposure(fy)}),
  c as (select member_key, sum(points * 10 + coalesce(meal_yen, 0)) as yen from claim
        where service_month between date '${fy}-04-01' and date '${fy + 1}-03-01' group by member_key),
  who as (select member_key, sum(years) as years, min(age) as age, any_value(insurer_type) as insurer_type from x group by member_key)
  select sum(coalesce(c.yen, 0)) / sum(w.years) / 10000.0 from who w left join c using (member_key) where ${where}`;

/** New chronic dialysis patients per 100,000 member-years: 人工腎臓 in the 年度, none in the year before. */
const dialysisIncidence = (fy: number) => `
  with d as (select c.member_key, min(c.service_month) as first from claim c join claim_procedure p using (claim_id)
             where p.procedure_code like '14005%' group by c.member_key),
  x as (${exposure(fy)})
  select 100000.0 * (select count(*) from d where first >= date '${fy}-04-01' and first <= date '${fy + 1}-03-01')
         / (select sum(years) from x)`;
const dialysisPrevalence = (fy: number) => `
  with x as (${exposure(fy)})
  select 100000.0 * (select count(distinct c.member_key) from claim c join claim_procedure p using (claim_id)
                     where p.procedure_code like '14005%' and c.service_month = date '${fy}-10-01')
         / (select sum(years) from x)`;

/** Share (%) of 調剤 claims of patients of an age range with ≥5 different drugs. */
const polypharmacy = (lo: number, hi: number) => `
  with k as (select c.claim_id, date_diff('year', strptime(m.birth_ym || '-01', '%Y-%m-%d'), c.service_month) as age,
                    count(distinct d.drug_code) as n
             from claim c join member m using (member_key) join claim_drug d using (claim_id)
             where c.claim_kind = '調剤' group by c.claim_id, age)
  select 100.0 * avg(case when n >= 5 then 1 else 0 end) from k where age between ${lo} and ${hi}`;

/** 後発医薬品 数量シェア (新指標): 後発品 / (後発品 + 後発品のある先発品), same 薬価基準コード first 9 digits. */
const genericShare = `
  with g as (select distinct substr(yakka_code, 1, 9) as grp from code_master where kind = 'y' and is_generic),
  d as (select d.quantity * coalesce(d.times, 1) as q, m.is_generic, substr(m.yakka_code, 1, 9) as grp
        from claim_drug d join claim c using (claim_id) join code_master m on m.kind = 'y' and m.code = d.drug_code
        where c.claim_kind = '調剤')
  select 100.0 * sum(case when is_generic then q else 0 end) / sum(case when is_generic or grp in (select grp from g) then q else 0 end) from d`;

/** メタボ 該当者+予備群 among examinees (%): 腹囲 (男85/女90) and ≥1 of 血圧・脂質・血糖 (服薬 included). */
const metabolic = (sex: string) => `
  select 100.0 * avg(case when waist_cm >= (case when m.sex = 1 then 85 else 90 end)
     and ((case when sbp >= 130 or dbp >= 85 or med_bp then 1 else 0 end)
        + (case when tg_mgdl >= 150 or hdl_mgdl < 40 or med_lipid then 1 else 0 end)
        + (case when coalesce(fpg_mgdl, 0) >= 110 or (fpg_mgdl is null and hba1c >= 6.0) or med_glucose then 1 else 0 end)) >= 1
     then 1 else 0 end)
  from checkup c join member m using (member_key) where m.sex in (${sex})`;

/** Members 40–74 with 糖尿病用剤 (薬効 396) dispensed in the 年度 (%). */
const treatedDiabetes = (fy: number, sex: number) => `
  with x as (${exposure(fy)}), pop as (select distinct x.member_key from x join member m using (member_key) where x.age between 40 and 74 and m.sex = ${sex}),
  t as (select distinct c.member_key from claim c join claim_drug d using (claim_id) join code_master cm on cm.kind = 'y' and cm.code = d.drug_code
        where cm.yakka_code like '396%' and c.service_month between date '${fy}-04-01' and date '${fy + 1}-03-01')
  select 100.0 * (select count(*) from pop where member_key in (select member_key from t)) / (select count(*) from pop)`;

function targets(on: string, lastFy: number): Target[] {
  const fy = Number(on.slice(0, 4));
  const age = (lo: number, hi: number) => `age between ${lo} and ${hi}`;
  const cost = (id: string, labelJa: string, published: number, where: string, source = S23): Target => ({
    id,
    labelJa,
    published,
    tolerance: Math.round(published * 0.25 * 10) / 10,
    source,
    sql: costPerCapita(fy, where),
  });
  return [
    cost('cost_0_14', '1人当たり医療費 0–14歳 (万円)', 17.5, age(0, 14)),
    cost('cost_15_39', '1人当たり医療費 15–39歳 (万円)', 11.5, age(15, 39)),
    cost('cost_40_64', '1人当たり医療費 40–64歳 (万円)', 26.5, age(40, 64)),
    cost('cost_65_74', '1人当たり医療費 65–74歳 (万円)', 59.5, age(65, 74)),
    cost('cost_75_84', '1人当たり医療費 75–84歳 (万円)', 93.0, age(75, 84)),
    cost('cost_85', '1人当たり医療費 85歳以上 (万円)', 122.0, 'age >= 85'),
    cost('cost_kokuho', '1人当たり医療費 市町村国保 (万円)', 41.7, "insurer_type = 'kokuho'", S14),
    cost('cost_kyokai', '1人当たり医療費 協会けんぽ (万円)', 20.5, "insurer_type = 'kyokai'", S14),
    cost('cost_kumiai', '1人当たり医療費 健保組合 (万円)', 18.0, "insurer_type in ('kumiai_single', 'kumiai_sogo')", S14),
    cost('cost_kyosai', '1人当たり医療費 共済組合 (万円)', 17.9, "insurer_type = 'kyosai'", S14),
    cost('cost_koki', '1人当たり医療費 後期高齢者 (万円)', 105.0, "insurer_type = 'koki'", S14),
    {
      id: 'dialysis_prevalence',
      labelJa: '慢性透析患者 (10万人当たり)',
      published: 278,
      tolerance: 90,
      source: S71,
      sql: dialysisPrevalence(fy),
    },
    {
      id: 'dialysis_incidence',
      labelJa: '透析導入 (10万人年当たり, 最終年度)',
      published: 31.9,
      tolerance: 16,
      source: S71,
      sql: dialysisIncidence(lastFy),
    },
    {
      id: 'care_rate_65_74',
      labelJa: '要介護認定率 65–74歳 (%)',
      published: 4.2,
      tolerance: 1.5,
      source: S91,
      sql: certified(on, 65, 74),
    },
    {
      id: 'care_rate_75_84',
      labelJa: '要介護認定率 75–84歳 (%)',
      published: 18.3,
      tolerance: 4,
      source: S91,
      sql: certified(on, 75, 84),
    },
    {
      id: 'care_rate_85',
      labelJa: '要介護認定率 85歳以上 (%)',
      published: 57.8,
      tolerance: 8,
      source: S91,
      sql: certified(on, 85, 130),
    },
    {
      id: 'polypharmacy_65_74',
      labelJa: '5剤以上の調剤レセプト 65–74歳 (%)',
      published: 27.2,
      tolerance: 8,
      source: S8,
      sql: polypharmacy(65, 74),
    },
    {
      id: 'polypharmacy_75',
      labelJa: '5剤以上の調剤レセプト 75歳以上 (%)',
      published: 40.7,
      tolerance: 10,
      source: S8,
      sql: polypharmacy(75, 130),
    },
    { id: 'generic_share', labelJa: '後発医薬品 数量シェア (%)', published: 83.7, tolerance: 6, source: S8, sql: genericShare },
    { id: 'mets_m', labelJa: 'メタボ該当者+予備群 男 (%)', published: 42.4, tolerance: 6, source: S44, sql: metabolic('1') },
    { id: 'mets_f', labelJa: 'メタボ該当者+予備群 女 (%)', published: 12.9, tolerance: 4, source: S44, sql: metabolic('2') },
    {
      id: 'diabetes_rx_m',
      labelJa: '糖尿病用剤 調剤 40–74歳 男 (%)',
      published: 7.8,
      tolerance: 2.5,
      source: S43,
      sql: treatedDiabetes(fy, 1),
    },
    {
      id: 'diabetes_rx_f',
      labelJa: '糖尿病用剤 調剤 40–74歳 女 (%)',
      published: 3.6,
      tolerance: 1.5,
      source: S43,
      sql: treatedDiabetes(fy, 2),
    },
    {
      id: 'mean_age_kokuho',
      labelJa: '平均年齢 市町村国保',
      published: 53.6,
      tolerance: 5,
      source: S11,
      sql: meanAge("'kokuho'", on),
    },
    {
      id: 'mean_age_kyokai',
      labelJa: '平均年齢 協会けんぽ',
      published: 38.1,
      tolerance: 4,
      source: S11,
      sql: meanAge("'kyokai'", on),
    },
    {
      id: 'mean_age_kumiai',
      labelJa: '平均年齢 健保組合',
      published: 35.2,
      tolerance: 4,
      source: S11,
      sql: meanAge("'kumiai_single','kumiai_sogo'", on),
    },
    {
      id: 'mean_age_kyosai',
      labelJa: '平均年齢 共済組合',
      published: 32.9,
      tolerance: 5,
      source: S11,
      sql: meanAge("'kyosai'", on),
    },
    {
      id: 'mean_age_koki',
      labelJa: '平均年齢 後期高齢者医療',
      published: 82.5,
      tolerance: 3,
      source: S11,
      sql: meanAge("'koki'", on),
    },
    {
      id: 'dependants_kyokai',
      labelJa: '被扶養者/被保険者 協会けんぽ',
      published: 0.63,
      tolerance: 0.15,
      source: S11,
      sql: dependants("'kyokai'", on),
    },
    {
      id: 'dependants_kumiai',
      labelJa: '被扶養者/被保険者 健保組合',
      published: 0.76,
      tolerance: 0.15,
      source: S11,
      sql: dependants("'kumiai_single','kumiai_sogo'", on),
    },
    {
      id: 'dependants_kyosai',
      labelJa: '被扶養者/被保険者 共済組合',
      published: 0.87,
      tolerance: 0.2,
      source: S11,
      sql: dependants("'kyosai'", on),
    },
    {
      id: 'checkup_rate_kokuho',
      labelJa: '特定健診受診率 市町村国保 (%)',
      published: 38.2,
      tolerance: 6,
      source: S61,
      sql: rate('kokuho'),
    },
    {
      id: 'checkup_rate_kyokai',
      labelJa: '特定健診受診率 協会けんぽ (%)',
      published: 58.7,
      tolerance: 6,
      source: S61,
      sql: rate('kyokai'),
    },
    {
      id: 'checkup_rate_kumiai',
      labelJa: '特定健診受診率 健保組合（単一） (%)',
      published: 82.9,
      tolerance: 7,
      source: S61,
      sql: rate('kumiai_single'),
    },
    {
      id: 'checkup_rate_kyosai',
      labelJa: '特定健診受診率 共済組合 (%)',
      published: 82.6,
      tolerance: 8,
      source: S61,
      sql: rate('kyosai'),
    },
    { id: 'bmi25_m', labelJa: 'BMI≥25 男 (%)', published: 36.9, tolerance: 5, source: S43, sql: share(1, 'bmi >= 25') },
    { id: 'bmi25_f', labelJa: 'BMI≥25 女 (%)', published: 21.7, tolerance: 5, source: S43, sql: share(2, 'bmi >= 25') },
    { id: 'sbp140_m', labelJa: '収縮期血圧≥140 男 (%)', published: 20.3, tolerance: 5, source: S43, sql: share(1, 'sbp >= 140') },
    { id: 'sbp140_f', labelJa: '収縮期血圧≥140 女 (%)', published: 16.0, tolerance: 5, source: S43, sql: share(2, 'sbp >= 140') },
    { id: 'a1c65_m', labelJa: 'HbA1c≥6.5 男 (%)', published: 9.5, tolerance: 4, source: S43, sql: share(1, 'hba1c >= 6.5') },
    { id: 'a1c65_f', labelJa: 'HbA1c≥6.5 女 (%)', published: 4.6, tolerance: 3, source: S43, sql: share(2, 'hba1c >= 6.5') },
    { id: 'ldl140_m', labelJa: 'LDL≥140 男 (%)', published: 30.6, tolerance: 5, source: S43, sql: share(1, 'ldl_mgdl >= 140') },
    { id: 'ldl140_f', labelJa: 'LDL≥140 女 (%)', published: 30.3, tolerance: 5, source: S43, sql: share(2, 'ldl_mgdl >= 140') },
    { id: 'med_bp_m', labelJa: '降圧薬服用 男 (%)', published: 24.9, tolerance: 5, source: S43, sql: share(1, 'med_bp') },
    { id: 'med_bp_f', labelJa: '降圧薬服用 女 (%)', published: 17.6, tolerance: 5, source: S43, sql: share(2, 'med_bp') },
    { id: 'smoking_m', labelJa: '喫煙 男 (%)', published: 32.0, tolerance: 5, source: S43, sql: share(1, 'smoking = 1') },
    { id: 'smoking_f', labelJa: '喫煙 女 (%)', published: 9.6, tolerance: 4, source: S43, sql: share(2, 'smoking = 1') },
  ];
}

/** The calibration checks computed on a store that holds a synthetic population (its files ingested). */
export async function calibrationChecks(store: Store): Promise<CalibrationCheck[]> {
  const years = await store.query<{ a: number | null; b: number | null }>(
    'select min(fiscal_year) as a, max(fiscal_year) as b from checkup',
  );
  const a = years[0]?.a ?? 2023;
  const b = years[0]?.b ?? a;
  const fy = Math.round((a + b) / 2);
  const on = `${fy}-10-01`;
  const out: CalibrationCheck[] = [];
  for (const t of targets(on, b)) {
    // The incidence needs a year before the last one in the window.
    if (t.id === 'dialysis_incidence' && a === b) continue;
    const v = await store.scalar<number | null>(t.sql);
    const generated = v === null || Number.isNaN(v) ? null : Math.round(v * 100) / 100;
    out.push({
      id: t.id,
      labelJa: t.labelJa,
      published: t.published,
      generated,
      tolerance: t.tolerance,
      pass: generated !== null && Math.abs(generated - t.published) <= t.tolerance,
      source: t.source,
    });
  }
  return out;
}

export async function validateSynthetic(dir: string): Promise<CalibrationCheck[]> {
  const store = await Store.open(':memory:');
  try {
    const pseudo = Pseudonymizer.fromKey(randomBytes(32));
    await runPipeline(store, {
      inputs: [dir],
      reportsDir: join(mkdtempSync(join(tmpdir(), 'kachi-validate-')), 'reports'),
      pseudo,
    });
    return await calibrationChecks(store);
  } finally {
    await store.close();
  }
}

export function formatChecks(checks: CalibrationCheck[]): string {
  const lines = [`${'項目 / target'.padEnd(22, '　')}  公表値   生成値  許容     判定`];
  for (const c of checks) {
    lines.push(
      `${c.labelJa.padEnd(22, '　')} ${String(c.published).padStart(7)} ${String(c.generated ?? '—').padStart(8)} ±${String(c.tolerance).padEnd(6)} ${c.pass ? '合格' : '不合格'}`,
    );
  }
  const passed = checks.filter((c) => c.pass).length;
  lines.push(`合格 ${passed} / 不合格 ${checks.length - passed}`);
  return lines.join('\n');
}
