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

function targets(on: string): Target[] {
  return [
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

export async function validateSynthetic(dir: string): Promise<CalibrationCheck[]> {
  const store = await Store.open(':memory:');
  try {
    const pseudo = Pseudonymizer.fromKey(randomBytes(32));
    await runPipeline(store, {
      inputs: [dir],
      reportsDir: join(mkdtempSync(join(tmpdir(), 'kachi-validate-')), 'reports'),
      pseudo,
    });
    const years = await store.query<{ a: number; b: number }>('select min(fiscal_year) as a, max(fiscal_year) as b from checkup');
    const fy = Math.round(((years[0]?.a ?? 2023) + (years[0]?.b ?? 2023)) / 2);
    const on = `${fy}-10-01`;
    const out: CalibrationCheck[] = [];
    for (const t of targets(on)) {
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
