// The data-quality profile (データ品質プロファイル, the OHDSI Achilles / Tuva lesson): numbered checks
// over the canonical and derived tables, written to one long table `dq_result` (one row per check and
// stratum) so that the web page, the CLI and the ingest report show the same numbers.
//
// Each check states what it counts, the unit, and the range a sound insurer dataset stays in; the
// status is 'ok' inside the range, 'warn' outside it. Ranges marked ⚠️ are judgement calls, not
// published norms. `kachi profile` runs it after derive (it needs member_month and checkup_level).
import type { Store } from '../store/db.js';

export type DqRow = {
  check_id: string;
  name_ja: string;
  category: string;
  stratum: string;
  value: number | null;
  denominator: number | null;
  unit: string;
  expected_min: number | null;
  expected_max: number | null;
  status: 'ok' | 'warn' | 'info';
  note: string;
};

interface Check {
  id: string;
  nameJa: string;
  category: '整合性' | '妥当性' | '完全性' | '取込' | '分布';
  unit: string;
  /** Expected range of `value` (null = informational). */
  range: [number | null, number | null] | null;
  note: string;
  /** SQL returning rows (stratum, value, denominator). */
  sql: string;
}

const FY_OF = (col: string) => `case when month(${col}) >= 4 then year(${col}) else year(${col}) - 1 end`;
const AGE_BAND = (col: string) =>
  `case when ${col} < 15 then '0–14' when ${col} < 40 then '15–39' when ${col} < 65 then '40–64' when ${col} < 75 then '65–74' else '75+' end`;

/**
 * Per-capita medical spending by age band, 万円 a year, FY2023 level (calibration.md §2.3 ×1.10): the
 * DQ009 range is half to one and a half times it — a store far outside is missing claims or has
 * duplicated them.
 */
const COST_BY_BAND: Record<string, number> = { '0–14': 17.5, '15–39': 11.5, '40–64': 26.5, '65–74': 59.5, '75+': 105 };

const CHECKS: Check[] = [
  {
    id: 'DQ001',
    nameJa: '資格期間外のレセプト',
    category: '整合性',
    unit: '%',
    range: [0, 0.5],
    note: '診療年月にその保険者の資格が1日もないレセプトの割合（資格喪失後受診・台帳の遅れ）⚠️ 許容 0.5%',
    sql: `select 'all', 100.0 * count(*) filter (where not exists (
              select 1 from enrollment e where e.member_key = c.member_key and e.insurer_number = c.insurer_number
                and e.start_date <= last_day(c.service_month) and coalesce(e.end_date, date '9999-12-31') >= c.service_month)),
            count(*) from claim c`,
  },
  {
    id: 'DQ002',
    nameJa: '死亡日より後のレセプト',
    category: '整合性',
    unit: '件',
    range: [0, 0],
    note: '診療年月が死亡日の月より後',
    sql: `select 'all', count(*) filter (where m.death_date is not null and c.service_month > m.death_date), count(*)
          from claim c join member m using (member_key)`,
  },
  {
    id: 'DQ003',
    nameJa: '対象年齢外の特定健診',
    category: '妥当性',
    unit: '件',
    range: [0, 0],
    note: '対象は「実施年度中に40歳以上75歳以下の年齢に達する者（75歳未満の者に限る）」（実施基準 第1条）: 年度末年齢が40–75歳でない結果（対象外の健診の混入）',
    sql: `select 'all', count(*) filter (where age_fy_end not between 40 and 75), count(*) from checkup_level`,
  },
  {
    id: 'DQ004',
    nameJa: '資格期間外の特定健診',
    category: '整合性',
    unit: '件',
    range: [0, 0],
    note: '受診日にその保険者の資格がない特定健診結果',
    sql: `select 'all', count(*) filter (where not exists (
              select 1 from enrollment e where e.member_key = k.member_key and e.insurer_number = k.insurer_number
                and e.start_date <= k.exam_date and coalesce(e.end_date, date '9999-12-31') >= k.exam_date)),
            count(*) from checkup k`,
  },
  {
    id: 'DQ005',
    nameJa: 'ありえない健診値',
    category: '妥当性',
    unit: '件',
    range: [0, 0],
    note: 'BMI 10–70, 腹囲 40–200cm, 収縮期 60–260, 拡張期 30–160mmHg, HbA1c 3–20%, 空腹時血糖 20–700mg/dL の外（入力・単位の誤り）',
    sql: `select 'all', count(*) filter (where bmi not between 10 and 70 or waist_cm not between 40 and 200
              or sbp not between 60 and 260 or dbp not between 30 and 160 or hba1c not between 3 and 20
              or fpg_mgdl not between 20 and 700 or dbp > sbp), count(*) from checkup`,
  },
  {
    id: 'DQ006',
    nameJa: 'マスターにないコード',
    category: '完全性',
    unit: '種類',
    range: null,
    note: '取込済マスターが知らない傷病名・診療行為・医薬品・特定器材コード（行は保持、集計から漏れる可能性）',
    sql: `select kind, count(distinct code), sum(occurrences) from unknown_code group by kind`,
  },
  {
    id: 'DQ007',
    nameJa: '隔離レコード',
    category: '取込',
    unit: '件',
    range: null,
    note: '理由別の隔離件数（ファイル・行・項目は取込ページ）',
    sql: `select reason_code, count(*), null from quarantine group by reason_code`,
  },
  {
    id: 'DQ008',
    nameJa: 'レセプトのない加入者月',
    category: '分布',
    unit: '%',
    range: [3, 90],
    note: '資格のある月のうちレセプトが1件もない割合（年齢階級別）⚠️ 3–90% の外は取込漏れか重複を疑う（高齢者は毎月受診が多く低い）',
    sql: `select ${AGE_BAND('age')}, 100.0 * avg(case when claims = 0 then 1 else 0 end), count(*) from member_month group by 1`,
  },
  {
    id: 'DQ009',
    nameJa: '1人当たり医療費（年齢階級別）',
    category: '分布',
    unit: '万円/年',
    range: null,
    note: '加入者月で割った年換算の医療費。公表値（年齢階級別1人当たり医療費, 令和5年度水準）の 0.5–1.5 倍の外は警告',
    sql: `select ${AGE_BAND('age')}, sum(cost_yen) * 12.0 / count(*) / 10000, count(*) from member_month group by 1`,
  },
  {
    id: 'DQ010',
    nameJa: '再請求で置き換えたレセプト',
    category: '取込',
    unit: '件',
    range: null,
    note: '同じ自然キー（医療機関・加入者・診療年月・種別…）で再送され、前の版を置き換えたレセプト',
    sql: `select 'all', count(*), null from claim_replacement`,
  },
  {
    id: 'DQ011',
    nameJa: '入院日のない入院レセプト',
    category: '完全性',
    unit: '件',
    range: [0, 0],
    note: '医科入院・DPC で入院年月日が空（入院エピソードを作れない）',
    sql: `select 'all', count(*) filter (where admission_date is null), count(*) from claim where claim_kind in ('医科入院', 'DPC')`,
  },
  {
    id: 'DQ012',
    nameJa: '処方医療機関のない調剤レセプト',
    category: '完全性',
    unit: '件',
    range: [0, 0],
    note: '調剤レセプトの処方医療機関コードが空（重複投薬を数えられない）',
    sql: `select 'all', count(*) filter (where prescriber_code is null), count(*) from claim where claim_kind = '調剤'`,
  },
  {
    id: 'DQ013',
    nameJa: '重なる資格期間',
    category: '整合性',
    unit: '件',
    range: [0, 0],
    note: '同じ加入者・同じ保険者で重なる資格期間（台帳の二重登録）',
    sql: `select 'all', count(*), null from enrollment a join enrollment b
            on a.member_key = b.member_key and a.insurer_number = b.insurer_number
           and (a.enrollment_key < b.enrollment_key or (a.enrollment_key = b.enrollment_key and a.start_date < b.start_date))
           and a.start_date <= coalesce(b.end_date, date '9999-12-31') and b.start_date <= coalesce(a.end_date, date '9999-12-31')`,
  },
  {
    id: 'DQ014',
    nameJa: '健診機関の階層化と規則の不一致',
    category: '妥当性',
    unit: '%',
    range: [0, 5],
    note: '健診データに記載の保健指導レベルと、公式の階層化規則で再計算したレベルが異なる割合 ⚠️ 許容 5%',
    sql: `select 'all', 100.0 * avg(case when reported_level <> level then 1 else 0 end), count(reported_level)
          from checkup_level where reported_level is not null and reported_level <> '判定不能'`,
  },
  {
    id: 'DQ015',
    nameJa: '年度別レセプト件数',
    category: '分布',
    unit: '件',
    range: null,
    note: '年度ごとの件数（途中の年度の欠落・急減を見る）',
    sql: `select cast(${FY_OF('service_month')} as varchar) || '年度', count(*), null from claim group by 1`,
  },
];

/** Runs every check, replaces `dq_result` and returns its rows. */
export async function runProfile(store: Store): Promise<DqRow[]> {
  const out: DqRow[] = [];
  for (const c of CHECKS) {
    const rows = await store.query<{ s: string; v: number | null; d: number | null }>(
      `select cast(s as varchar) as s, cast(v as double) as v, cast(d as double) as d from (${c.sql}) as t(s, v, d)`,
    );
    for (const r of rows) {
      const published = c.id === 'DQ009' ? COST_BY_BAND[r.s] : undefined;
      const [lo, hi] = published !== undefined ? [published * 0.5, published * 1.5] : (c.range ?? [null, null]);
      const value = r.v === null ? null : Math.round(r.v * 100) / 100;
      const checked = lo !== null || hi !== null;
      const inside = value !== null && (lo === null || value >= lo) && (hi === null || value <= hi);
      out.push({
        check_id: c.id,
        name_ja: c.nameJa,
        category: c.category,
        stratum: r.s,
        value,
        denominator: r.d,
        unit: c.unit,
        expected_min: lo,
        expected_max: hi,
        status: !checked ? 'info' : inside || (value === null && (r.d ?? 0) === 0) ? 'ok' : 'warn',
        note: c.note,
      });
    }
  }
  await store.transaction(async () => {
    await store.run(`create or replace table dq_result (
      check_id varchar not null, name_ja varchar not null, category varchar not null, stratum varchar not null,
      value double, denominator double, unit varchar not null, expected_min double, expected_max double,
      status varchar not null, note varchar not null)`);
    await store.append('dq_result', out);
  });
  return out;
}

export function formatProfile(rows: DqRow[]): string {
  const mark = { ok: '✓', warn: '⚠', info: '·' } as const;
  const lines = rows.map(
    (r) =>
      `${mark[r.status]} ${r.check_id} ${r.name_ja}${r.stratum === 'all' ? '' : ` [${r.stratum}]`}: ${r.value ?? '—'} ${r.unit}` +
      (r.expected_min !== null || r.expected_max !== null ? ` (期待 ${r.expected_min ?? ''}–${r.expected_max ?? ''})` : ''),
  );
  const warn = rows.filter((r) => r.status === 'warn').length;
  lines.push(`警告 ${warn} 件 / ${rows.length} 行`);
  return lines.join('\n');
}
