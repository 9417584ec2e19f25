import { useEffect, useState } from 'react';
import { getJson, type IndicatorResult, type StoreSummary } from '../api';
import { RateChart } from '../RateChart';
import { fiscalYearLabel, fmt, INSURER_TYPE_JA, TABLE_JA } from '../terms';

export function OverviewPage() {
  const [summary, setSummary] = useState<StoreSummary | null>(null);
  const [rates, setRates] = useState<IndicatorResult[]>([]);
  const [byInsurer, setByInsurer] = useState<IndicatorResult[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([
      getJson<StoreSummary>('/api/summary'),
      getJson<IndicatorResult[]>('/api/indicators/tokutei_kenshin_rate/results?entity_type=all&stratum=all'),
      getJson<IndicatorResult[]>('/api/indicators/tokutei_kenshin_rate/results?entity_type=insurer&stratum=all'),
    ])
      .then(([s, r, i]) => {
        setSummary(s);
        setRates(r);
        setByInsurer(i);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const insurerName = (no: string) => summary?.insurers.find((i) => i.insurer_number === no)?.name ?? no;
  const fyOf = (period: string) => Number(period.slice(2));

  return (
    <main>
      {error && <p className="err">データを取得できません / cannot load data: {error}</p>}
      {!summary && !error && <p>読み込み中…</p>}
      {summary && (
        <>
          <section aria-labelledby="contents">
            <h2 id="contents">格納データ</h2>
            <div className="cards">
              {(['insurer', 'member', 'claim', 'checkup'] as const).map((t) => (
                <div className="card" key={t} data-testid={`count-${t}`}>
                  <div>{TABLE_JA[t]}</div>
                  <div className="v">{fmt(summary.counts[t])}</div>
                </div>
              ))}
            </div>
          </section>

          <section aria-labelledby="rate">
            <h2 id="rate">特定健診受診率（全体）</h2>
            <RateChart labels={rates.map((r) => fiscalYearLabel(fyOf(r.period)))} values={rates.map((r) => r.value)} />
            <table data-testid="rate-table">
              <thead>
                <tr>
                  <th>年度</th>
                  <th className="n">受診者数</th>
                  <th className="n">対象者数</th>
                  <th className="n">受診率</th>
                  <th className="n">95%信頼区間</th>
                </tr>
              </thead>
              <tbody>
                {rates.map((r) => (
                  <tr key={r.period} data-period={r.period}>
                    <td>
                      {fiscalYearLabel(fyOf(r.period))}（{r.period}）
                    </td>
                    <td className="n">{fmt(r.numerator)}</td>
                    <td className="n">{fmt(r.denominator)}</td>
                    <td className="n rate">{r.value === null ? '×' : `${r.value.toFixed(1)}%`}</td>
                    <td className="n">{r.ci_low === null ? '' : `${r.ci_low.toFixed(1)}–${r.ci_high?.toFixed(1)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <small className="note">
              対象者: 年度を通じて加入し年度末に40〜74歳の加入者。対象者10人未満の集計は「×」で非表示。
            </small>
          </section>

          <section aria-labelledby="by-insurer">
            <h2 id="by-insurer">保険者別 特定健診受診率</h2>
            <table>
              <thead>
                <tr>
                  <th>保険者</th>
                  <th>年度</th>
                  <th className="n">受診者数／対象者数</th>
                  <th className="n">受診率</th>
                </tr>
              </thead>
              <tbody>
                {byInsurer.map((r) => (
                  <tr key={`${r.entity_id}-${r.period}`}>
                    <td>{insurerName(r.entity_id)}</td>
                    <td>{fiscalYearLabel(fyOf(r.period))}</td>
                    <td className="n">
                      {fmt(r.numerator)}／{fmt(r.denominator)}
                    </td>
                    <td className="n">{r.value === null ? '×' : `${r.value.toFixed(1)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="insurers">
            <h2 id="insurers">保険者</h2>
            <table>
              <thead>
                <tr>
                  <th>保険者番号</th>
                  <th>名称</th>
                  <th>種別</th>
                  <th className="n">加入者数</th>
                </tr>
              </thead>
              <tbody>
                {summary.insurers.map((i) => (
                  <tr key={i.insurer_number}>
                    <td>{i.insurer_number}</td>
                    <td>{i.name}</td>
                    <td>{INSURER_TYPE_JA[i.insurer_type] ?? i.insurer_type}</td>
                    <td className="n">{fmt(i.members)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="by-fy">
            <h2 id="by-fy">年度別 レセプト・特定健診</h2>
            <table data-testid="fy-table">
              <thead>
                <tr>
                  <th>年度</th>
                  <th className="n">レセプト件数</th>
                  <th className="n">請求点数</th>
                  <th className="n">特定健診件数</th>
                </tr>
              </thead>
              <tbody>
                {summary.byFiscalYear.map((y) => (
                  <tr key={y.fiscal_year} data-fy={y.fiscal_year}>
                    <td>{fiscalYearLabel(y.fiscal_year)}</td>
                    <td className="n claims">{fmt(y.claims)}</td>
                    <td className="n">{fmt(y.points)}</td>
                    <td className="n checkups">{fmt(y.checkups)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </main>
  );
}
