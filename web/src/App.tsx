import { useEffect, useState } from 'react';
import { IngestPage } from './pages/IngestPage';
import { OverviewPage } from './pages/OverviewPage';
import { QualityPage } from './pages/QualityPage';
import { SynthPage } from './pages/SynthPage';

const PAGES = [
  { hash: '#/', label: '概要', render: () => <OverviewPage /> },
  { hash: '#/ingest', label: '取込・コード', render: () => <IngestPage /> },
  { hash: '#/quality', label: 'データ品質', render: () => <QualityPage /> },
  { hash: '#/synth', label: '合成データ検証', render: () => <SynthPage /> },
];

export function App() {
  const [hash, setHash] = useState(window.location.hash || '#/');
  useEffect(() => {
    const on = () => setHash(window.location.hash || '#/');
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const page = PAGES.find((p) => p.hash === hash) ?? PAGES[0];
  return (
    <>
      <header>
        <h1>Kachi（価値）</h1>
        <small>価値に基づく医療のためのデータ基盤 / value-based care platform</small>
        <nav>
          {PAGES.map((p) => (
            <a key={p.hash} href={p.hash} className={p === page ? 'active' : ''}>
              {p.label}
            </a>
          ))}
        </nav>
      </header>
      {page?.render()}
    </>
  );
}
