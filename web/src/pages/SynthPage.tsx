import { useEffect, useState } from 'react';
import type { CalibrationCheck as Check } from '../../../src/synth/validate';
import { getJson } from '../api';

/**
 * 合成母集団の検証: the calibration targets of the synthetic population (published Japanese statistics)
 * next to the values computed from the loaded files, with the tolerance and a verdict.
 */
export function SynthPage() {
  const [checks, setChecks] = useState<Check[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<Check[]>('/api/synth/calibration')
      .then(setChecks)
      .catch((e: Error) => setError(e.message));
  }, []);
  const passed = checks?.filter((c) => c.pass).length ?? 0;
  return (
    <main>
      {error && <p className="err">データを取得できません: {error}</p>}
      <section aria-labelledby="synth">
        <h2 id="synth">合成母集団の検証（公表統計との比較）</h2>
        <p>
          取り込んだ合成データ（<code>kachi synth</code>
          が実際のファイル形式で出力したもの）から、通常の読込・取込・指標計算を経て算出した値を、公表統計と比べています。
          {checks && (
            <strong data-testid="synth-summary">
              {' '}
              合格 {passed} / {checks.length} 項目
            </strong>
          )}
        </p>
        {checks === null && !error && <p>計算中…（数十秒かかることがあります）</p>}
        {checks && (
          <table data-testid="synth-table">
            <thead>
              <tr>
                <th>項目</th>
                <th className="n">公表値</th>
                <th className="n">生成値</th>
                <th className="n">許容幅</th>
                <th>判定</th>
                <th>出典</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.id} data-id={c.id}>
                  <td>{c.labelJa}</td>
                  <td className="n">{c.published}</td>
                  <td className="n generated">{c.generated ?? '—'}</td>
                  <td className="n">±{c.tolerance}</td>
                  <td className={c.pass ? 'ok' : 'err'}>{c.pass ? '合格' : '不合格'}</td>
                  <td>
                    <small>{c.source}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
