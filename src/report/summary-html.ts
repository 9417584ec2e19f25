// A self-contained HTML summary of the store (Japanese first): contents and 特定健診受診率 by 年度.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INSURER_TYPE_JA, TERMS_JA } from '../model/terms-ja.js';
import type { Store } from '../store/db.js';
import { storeSummary } from '../store/summary.js';
import { fiscalYearLabel } from '../util/dates.js';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('ja-JP'));

export async function renderSummaryHtml(store: Store): Promise<string> {
  const s = await storeSummary(store);
  const rates = await store.query<{
    period: string;
    numerator: number;
    denominator: number;
    value: number | null;
    ci_low: number | null;
    ci_high: number | null;
  }>(
    `select period, numerator, denominator, value, ci_low, ci_high from indicator_result
     where indicator_id = 'tokutei_kenshin_rate' and entity_type = 'all' and stratum = 'all' order by period`,
  );
  const countRows = Object.entries(s.counts)
    .map(
      ([t, n]) =>
        `<tr><th>${esc(TERMS_JA[t as keyof typeof TERMS_JA] ?? t)} <small>${esc(t)}</small></th><td class="n">${num(n)}</td></tr>`,
    )
    .join('');
  const insurerRows = s.insurers
    .map(
      (i) =>
        `<tr><td>${esc(i.insurer_number)}</td><td>${esc(i.name)}</td><td>${esc(INSURER_TYPE_JA[i.insurer_type] ?? i.insurer_type)}</td><td class="n">${num(i.members)}</td></tr>`,
    )
    .join('');
  const rateRows = rates
    .map((r) => {
      const fy = Number(r.period.slice(2));
      const v =
        r.value === null
          ? '×（少数のため非表示）'
          : `${r.value.toFixed(1)}% <small>(95%CI ${r.ci_low?.toFixed(1)}–${r.ci_high?.toFixed(1)})</small>`;
      return `<tr><td>${esc(fiscalYearLabel(fy))} (FY${fy})</td><td class="n">${num(r.numerator)}</td><td class="n">${num(r.denominator)}</td><td class="n">${v}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Kachi サマリー</title>
<style>body{font-family:"Noto Sans CJK JP","Hiragino Sans",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}td.n{text-align:right}small{color:#666}</style>
</head><body>
<h1>Kachi（価値）データサマリー</h1>
<p>作成日時: ${esc(new Date().toISOString())} ／ スキーマ版: ${s.schemaVersion}</p>
<h2>特定健診受診率（全体）</h2>
<table><tr><th>年度</th><th>受診者数</th><th>対象者数</th><th>受診率</th></tr>${rateRows}</table>
<h2>保険者</h2>
<table><tr><th>保険者番号</th><th>名称</th><th>種別</th><th>加入者数</th></tr>${insurerRows}</table>
<h2>格納データ件数</h2>
<table>${countRows}</table>
</body></html>`;
}

export async function writeSummaryReport(store: Store, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'summary.html');
  await writeFile(path, await renderSummaryHtml(store), 'utf8');
  return path;
}
