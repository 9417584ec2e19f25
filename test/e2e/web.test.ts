// Browser test: the web app shows the numbers that are in the store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import { buildServer } from '../../src/server/app.js';
import type { Store } from '../../src/store/db.js';
import { listMigrations } from '../../src/store/migrate.js';
import { writeSynthPopulation } from '../../src/synth/emit.js';
import { DEMO, tempDir, tempStore, testPseudo } from '../helpers/store.js';

const CHROMIUM = process.env.KACHI_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

describe('web app (headless Chromium)', () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'web', 'index.html')))
      throw new Error('dist/web missing: run `npm run build` first');
    store = await tempStore();
    // The hand-made fixture (with its deliberate defect) and a small generated population.
    const synth = tempDir();
    await writeSynthPopulation({ members: 500, fromFy: 2022, toFy: 2024, seed: 11, out: synth });
    await runPipeline(store, { inputs: [DEMO, synth], reportsDir: join(tempDir(), 'reports'), pseudo: testPseudo() });
    app = await buildServer(store);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it('shows store counts and 特定健診受診率 equal to the store', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: '特定健診受診率（全体）' }).waitFor();
    for (const t of ['member', 'claim', 'checkup']) {
      const shown = await page.getByTestId(`count-${t}`).locator('.v').innerText();
      const inStore = await store.scalar<number>(`select count(*) from ${t}`);
      expect(Number(shown.replace(/,/g, ''))).toBe(inStore);
    }
    const results = await store.query<{ period: string; value: number; numerator: number; denominator: number }>(
      "select period, value, numerator, denominator from indicator_result where indicator_id = 'tokutei_kenshin_rate' and entity_type = 'all' and stratum = 'all' order by period",
    );
    expect(results.length).toBe(3);
    for (const r of results) {
      const row = page.locator(`[data-testid="rate-table"] tr[data-period="${r.period}"]`);
      expect(await row.locator('td.rate').innerText()).toBe(`${r.value.toFixed(1)}%`);
      expect(await row.locator('td').nth(1).innerText()).toBe(String(r.numerator));
      expect(await row.locator('td').nth(2).innerText()).toBe(String(r.denominator));
    }
    const fy = await store.query<{ fiscal_year: number; claims: number }>(
      'select case when month(service_month) >= 4 then year(service_month) else year(service_month) - 1 end as fiscal_year, count(*) as claims from claim group by 1 order by 1',
    );
    for (const y of fy) {
      const cell = page.locator(`[data-testid="fy-table"] tr[data-fy="${y.fiscal_year}"] td.claims`);
      expect(Number((await cell.innerText()).replace(/,/g, ''))).toBe(y.claims);
    }
    await page.screenshot({ path: join(tempDir(), 'overview.png'), fullPage: true });
    await page.close();
  });

  it('shows the ingest page: files, quarantined records with reasons, masters', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/#/ingest`);
    await page.locator('[data-testid="masters-table"] tbody tr').first().waitFor();
    const files = await store.scalar<number>('select count(*) from ingest_file');
    expect(await page.locator('[data-testid="files-table"] tbody tr').count()).toBe(files);
    const q = await store.query<{ reason_code: string }>('select reason_code from quarantine');
    expect(q.length).toBeGreaterThan(0);
    const shown = await page.locator('[data-testid="quarantine-table"] tbody tr').allInnerTexts();
    expect(shown.length).toBe(q.length);
    expect(shown.join('\n')).toContain('BAD_BURDEN');
    for (const m of await store.query<{ kind: string; n: number }>('select kind, count(*) as n from code_master group by kind')) {
      const cell = page.locator(`[data-testid="masters-table"] tr[data-kind="${m.kind}"] td.rows`);
      expect(Number((await cell.innerText()).replace(/,/g, ''))).toBe(m.n);
    }
    await page.close();
  });

  it('shows the synthetic population page: each calibration target as computed on the store', async () => {
    const api = (await (await fetch(`${url}/api/synth/calibration`)).json()) as {
      id: string;
      generated: number | null;
      pass: boolean;
    }[];
    expect(api.length).toBeGreaterThan(30);
    const page = await browser.newPage();
    await page.goto(`${url}/#/synth`);
    const rows = page.locator('[data-testid="synth-table"] tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await rows.count()).toBe(api.length);
    for (const c of api) {
      const cell = page.locator(`[data-testid="synth-table"] tr[data-id="${c.id}"] td.generated`);
      expect(await cell.innerText()).toBe(c.generated === null ? '—' : String(c.generated));
    }
    const passed = api.filter((c) => c.pass).length;
    expect(await page.getByTestId('synth-summary').innerText()).toContain(`合格 ${passed} / ${api.length}`);
    await page.close();
  });

  it('shows the data-quality page: every check row of the latest profile, with its value and verdict', async () => {
    const rows = await store.query<{ check_id: string; stratum: string; value: number | null; status: string }>(
      'select check_id, stratum, value, status from dq_result order by check_id, stratum',
    );
    expect(rows.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    await page.goto(`${url}/#/quality`);
    const table = page.locator('[data-testid="dq-table"] tbody tr');
    await table.first().waitFor();
    expect(await table.count()).toBe(rows.length);
    for (const r of rows) {
      const cell = page.locator(`[data-testid="dq-table"] tr[data-id="${r.check_id}|${r.stratum}"] td.value`);
      expect(await cell.innerText()).toBe(r.value === null ? '—' : String(r.value));
    }
    const warn = rows.filter((r) => r.status === 'warn').length;
    expect(await page.getByTestId('dq-summary').innerText()).toContain(`要確認 ${warn} / ${rows.length}`);
    // The fixture's deliberate defects are in DQ007 (quarantine by reason).
    expect(rows.some((r) => r.check_id === 'DQ007' && r.stratum === 'BAD_BURDEN')).toBe(true);
    await page.close();
  });

  it('serves the OpenAPI document and health endpoint', async () => {
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', schemaVersion: listMigrations().at(-1)?.version });
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/summary');
  });
});
