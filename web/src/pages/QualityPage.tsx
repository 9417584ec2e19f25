import { useEffect, useState } from 'react';
import type { DqRow } from '../../../src/quality/profile';
import { getJson } from '../api';

const STATUS_JA = { ok: '正常', warn: '要確認', info: '参考' } as const;

/**
 * データ品質: the numbered checks of `kachi profile` (run after each pipeline run), one row per check
 * and stratum, with the expected range and a verdict.
 */
export function QualityPage() {
  const [rows, setRows] = useState<DqRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<DqRow[]>('/api/quality')
      .then(setRows)
      .catch((e: Error) => setError(e.message));
  }, []);
  const warnings = rows?.filter((r) => r.status === 'warn').length ?? 0;
  return (
    <main>
      {error && <p className="err">データを取得できません: {error}</p>}
      <section aria-labelledby="dq">
        <h2 id="dq">データ品質プロファイル</h2>
        <p>
          取り込んだデータの整合性・妥当性・完全性を番号付きの検査で確かめます（<code>kachi profile</code>
          、パイプライン実行ごとに更新）。期待範囲の外は「要確認」です。
          {rows && (
            <strong data-testid="dq-summary">
              {' '}
              要確認 {warnings} / {rows.length} 行
            </strong>
          )}
        </p>
        {rows?.length === 0 && <p>まだ実行されていません。`kachi run` または `kachi profile` を実行してください。</p>}
        {rows && rows.length > 0 && (
          <table data-testid="dq-table">
            <thead>
              <tr>
                <th>番号</th>
                <th>検査</th>
                <th>区分</th>
                <th>層</th>
                <th className="n">値</th>
                <th>単位</th>
                <th className="n">期待範囲</th>
                <th>判定</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.check_id}|${r.stratum}`} data-id={`${r.check_id}|${r.stratum}`} title={r.note}>
                  <td>{r.check_id}</td>
                  <td>{r.name_ja}</td>
                  <td>{r.category}</td>
                  <td>{r.stratum === 'all' ? '全体' : r.stratum}</td>
                  <td className="n value">{r.value ?? '—'}</td>
                  <td>{r.unit}</td>
                  <td className="n">
                    {r.expected_min === null && r.expected_max === null ? '—' : `${r.expected_min ?? ''}–${r.expected_max ?? ''}`}
                  </td>
                  <td className={r.status === 'warn' ? 'err' : r.status === 'ok' ? 'ok' : ''}>{STATUS_JA[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
