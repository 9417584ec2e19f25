import { useEffect, useState } from 'react';
import { getJson } from '../api';
import { fmt } from '../terms';

interface MastersInfo {
  masters: { kind: string; kindJa: string; rows: number; sources: string }[];
  unknown: { kind: string; code: string; occurrences: number }[];
}
interface IngestFile {
  path: string;
  format: string;
  records_read: number;
  records_loaded: number;
  records_rejected: number;
  loaded_at: string;
}
interface QuarantineRow {
  file_path: string;
  line: number | null;
  record_type: string | null;
  field: string | null;
  reason_code: string;
  reason: string;
}

const FORMAT_JA: Record<string, string> = {
  uke: 'レセプト電算 (UKE・CYO)',
  'tokutei-zip': '特定健診・保健指導 XML',
  'member-register-csv': '被保険者台帳 CSV',
  'insurer-list-csv': '保険者マスタ CSV',
};

/** 取込状況・コードマスター: files loaded, quarantined records with their reasons, masters and unknown codes. */
export function IngestPage() {
  const [masters, setMasters] = useState<MastersInfo | null>(null);
  const [files, setFiles] = useState<IngestFile[]>([]);
  const [quarantine, setQuarantine] = useState<QuarantineRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([
      getJson<MastersInfo>('/api/masters'),
      getJson<IngestFile[]>('/api/ingest/files'),
      getJson<QuarantineRow[]>('/api/quarantine'),
    ])
      .then(([m, f, q]) => {
        setMasters(m);
        setFiles(f);
        setQuarantine(q);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  const short = (p: string) => p.split('/').slice(-2).join('/');
  return (
    <main>
      {error && <p className="err">データを取得できません: {error}</p>}
      <section aria-labelledby="files">
        <h2 id="files">取込ファイル（{fmt(files.length)} 件）</h2>
        <table data-testid="files-table">
          <thead>
            <tr>
              <th>ファイル</th>
              <th>形式</th>
              <th className="n">読込</th>
              <th className="n">取込</th>
              <th className="n">隔離</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path}>
                <td title={f.path}>{short(f.path)}</td>
                <td>{FORMAT_JA[f.format] ?? f.format}</td>
                <td className="n">{fmt(f.records_read)}</td>
                <td className="n">{fmt(f.records_loaded)}</td>
                <td className="n">{fmt(f.records_rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="quarantine">
        <h2 id="quarantine">隔離レコード（{fmt(quarantine.length)} 件）</h2>
        <p>
          <small className="note">取り込まなかったレコードと理由。氏名・記号番号などの原文は保存しません。</small>
        </p>
        <table data-testid="quarantine-table">
          <thead>
            <tr>
              <th>ファイル</th>
              <th className="n">行</th>
              <th>レコード</th>
              <th>項目</th>
              <th>理由</th>
            </tr>
          </thead>
          <tbody>
            {quarantine.map((q) => (
              <tr key={`${q.file_path}:${q.line}:${q.reason_code}:${q.field}`}>
                <td title={q.file_path}>{short(q.file_path)}</td>
                <td className="n">{q.line ?? '—'}</td>
                <td>{q.record_type ?? ''}</td>
                <td>{q.field ?? ''}</td>
                <td>
                  [{q.reason_code}] {q.reason}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="masters">
        <h2 id="masters">コードマスター</h2>
        <table data-testid="masters-table">
          <thead>
            <tr>
              <th>マスター</th>
              <th className="n">件数</th>
              <th>取込元</th>
            </tr>
          </thead>
          <tbody>
            {masters?.masters.map((m) => (
              <tr key={m.kind} data-kind={m.kind}>
                <td>
                  {m.kindJa} ({m.kind})
                </td>
                <td className="n rows">{fmt(m.rows)}</td>
                <td>{m.sources}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>マスターにないコード（取込済み・保持）</h3>
        <table data-testid="unknown-table">
          <thead>
            <tr>
              <th>種別</th>
              <th>コード</th>
              <th className="n">出現回数</th>
            </tr>
          </thead>
          <tbody>
            {masters?.unknown.map((u) => (
              <tr key={`${u.kind}:${u.code}`}>
                <td>{u.kind}</td>
                <td>{u.code}</td>
                <td className="n">{fmt(u.occurrences)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
