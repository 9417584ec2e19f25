// Data-quality defects injected into a synthetic population (src/synth/defects.ts), then loaded by
// the real ingest: the ledger must predict what ingest does with each defect. Where ingest does not
// yet behave as predicted, the assertion is `it.fails` with the gap named (it turns red when fixed);
// none is left.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readUke } from '../../src/formats/uke/reader.js';
import { type IngestReport, ingest } from '../../src/ingest/ingest.js';
import type { Store } from '../../src/store/db.js';
import { type DefectEntry, type DefectKind, type DefectLedger, injectDefects } from '../../src/synth/defects.js';
import { writeSynthPopulation } from '../../src/synth/emit.js';
import { ensureMasters } from '../../src/terminology/import.js';
import { tempDir, tempStore, testPseudo } from '../helpers/store.js';

let clean: string;
let dir: string;
let ledger: DefectLedger;
let store: Store;
let report: IngestReport;

const of = (kind: DefectKind) => ledger.entries.filter((e) => e.kind === kind);
const qKey = (file: string, q: { line: number | null; record: string | null; field: string | null; code: string }) =>
  `${file}|${q.line}|${q.record}|${q.field ?? ''}|${q.code}`;

async function actualQuarantine(): Promise<{ file: string; line: number | null; key: string }[]> {
  const rows = await store.query<{
    file_path: string;
    line: number | null;
    record_type: string;
    field: string | null;
    reason_code: string;
  }>('select file_path, line, record_type, field, reason_code from quarantine');
  return rows.map((r) => {
    const file = r.file_path.slice(dir.length + 1);
    return { file, line: r.line, key: qKey(file, { line: r.line, record: r.record_type, field: r.field, code: r.reason_code }) };
  });
}

const fileIdSql = '(select ingest_file_id from ingest_file where path = $1)';

async function claimAt(file: string, line: number) {
  const rows = await store.query<{ claim_id: string; points: number; billing: string }>(
    `select claim_id, points, strftime(billing_month, '%Y-%m') as billing from claim where ingest_file_id = ${fileIdSql} and source_line = $2`,
    [join(dir, file), line],
  );
  return rows[0] ?? null;
}

async function childCount(table: string, claimId: string): Promise<number> {
  return Number(await store.scalar(`select count(*) from ${table} where claim_id = $1`, [claimId]));
}

/** Record ids of the lines of a claim as delivered (CP932 file). */
function recordIds(e: DefectEntry): string[] {
  const lines = iconv.decode(readFileSync(join(dir, e.file)), 'cp932').split('\r\n');
  const [a, b] = e.claimLines as [number, number];
  return lines.slice(a - 1, b).map((l) => l.slice(0, 2));
}

function sameFiles(a: string, b: string, skipMeta = false): boolean {
  const list = (d: string) =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((x) => x.isFile())
      .map((x) => join(x.parentPath, x.name).slice(d.length + 1))
      .filter((p) => !(skipMeta && p.startsWith('_meta')))
      .sort();
  const la = list(a);
  if (JSON.stringify(la) !== JSON.stringify(list(b))) return false;
  return la.every((p) => readFileSync(join(a, p)).equals(readFileSync(join(b, p))));
}

beforeAll(async () => {
  clean = tempDir('kachi-defects-clean-');
  await writeSynthPopulation({ members: 300, fromFy: 2023, toFy: 2023, seed: 7, out: clean });
  dir = tempDir('kachi-defects-');
  cpSync(clean, dir, { recursive: true });
  ledger = await injectDefects(dir, { rate: 0.02, seed: 11 });
  store = await tempStore();
  await ensureMasters(store);
  report = await ingest(store, testPseudo(), [dir]);
});

describe('injectDefects', () => {
  it('injects every kind at about the rate, keeps every file loadable, and writes the ledger', async () => {
    for (const [kind, n] of Object.entries(ledger.counts)) expect(n, kind).toBeGreaterThan(0);
    const claimDefects = ledger.entries.filter((e) => e.claimLines !== null).length;
    expect(claimDefects / ledger.pools.claims).toBeGreaterThan(0.015);
    expect(claimDefects / ledger.pools.claims).toBeLessThan(0.03);
    expect(report.totals.failed).toBe(0);
    // GO totals were recomputed: consistent in every changed claim file without a malformed record.
    const malformed = new Set(ledger.entries.filter((e) => e.outcome === 'quarantine').map((e) => e.file));
    const changed = [...new Set(ledger.entries.filter((e) => /\.(UKE|CYO)$/.test(e.file)).map((e) => e.file))];
    for (const f of changed.filter((x) => !malformed.has(x))) {
      for await (const ev of readUke(join(dir, f)))
        if (ev.type === 'trailer') {
          expect(ev.trailer.totalCount, f).toBe(ev.computedCount);
          expect(ev.trailer.totalPoints, f).toBe(ev.computedPoints);
        }
    }
    const csv = readFileSync(join(dir, '_meta', 'defects.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('file,line_or_entry,kind,outcome,detail,expected,quarantine,related');
    expect(csv).toHaveLength(ledger.entries.length + 1);
  });

  it('is byte-identical for the same seed, differs for another, and changes nothing at rate 0', async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    const z = tempDir();
    for (const d of [a, b, c, z]) cpSync(clean, d, { recursive: true });
    await injectDefects(a, { rate: 0.02, seed: 11 });
    await injectDefects(b, { rate: 0.02, seed: 11 });
    await injectDefects(c, { rate: 0.02, seed: 12 });
    const none = await injectDefects(z, { rate: 0, seed: 11 });
    expect(sameFiles(a, b)).toBe(true);
    expect(sameFiles(a, dir)).toBe(true);
    expect(sameFiles(a, c)).toBe(false);
    expect(none.entries).toEqual([]);
    expect(sameFiles(z, clean, true)).toBe(true);
    await expect(injectDefects(a, { rate: 0.02, seed: 11 })).rejects.toThrow(/already injected/);
  });
});

describe('ingest of the defects, as the ledger predicts', () => {
  it('quarantines truncated, short and non-numeric records with file and line, and register defects with field', async () => {
    const actual = new Set((await actualQuarantine()).map((q) => q.key));
    const kinds: DefectKind[] = [
      'truncated_record',
      'field_count_short',
      'non_numeric_points',
      'missing_register_sex',
      'missing_register_birth',
      'loss_before_acquisition',
      'bad_insurer_check_digit',
    ];
    for (const kind of kinds)
      for (const e of of(kind)) {
        expect(e.quarantine.length).toBeGreaterThan(0);
        for (const q of e.quarantine) expect(actual.has(qKey(e.file, q)), `${kind} ${e.file}:${q.line}`).toBe(true);
        // Quarantined claims are not loaded.
        if (e.claimLines) expect(await claimAt(e.file, e.claimLines[0])).toBeNull();
      }
  });

  it('writes no quarantine row the ledger does not predict', async () => {
    const predicted = new Set(ledger.entries.flatMap((e) => e.quarantine.map((q) => qKey(e.file, q))));
    // In the files that received defects (the clean output of the generator is not this test's subject).
    const touched = new Set(ledger.entries.map((e) => e.file));
    const extra = (await actualQuarantine()).filter((q) => touched.has(q.file) && !predicted.has(q.key));
    expect(extra).toEqual([]);
  });

  it('keeps one copy of a duplicated claim, skips a re-delivered file, and does not double-count', async () => {
    for (const e of of('duplicate_claim')) {
      const kept = await claimAt(e.file, e.line as number);
      expect(kept, `${e.file}:${e.line}`).not.toBeNull();
      expect(kept?.points).toBe(e.points?.before);
      expect(await claimAt(e.related?.file as string, e.related?.line as number)).toBeNull();
      // Children are not doubled either.
      const ids = recordIds(e);
      const id = kept?.claim_id as string;
      let children = 0;
      for (const t of ['claim_procedure', 'claim_drug', 'claim_device']) children += await childCount(t, id);
      expect(children).toBe(ids.filter((x) => ['SI', 'SS', 'IY', 'TO'].includes(x)).length);
      expect(await childCount('claim_diagnosis', id)).toBe(ids.filter((x) => ['SY', 'SB', 'HS'].includes(x)).length);
    }
    for (const e of of('duplicate_file')) {
      const statuses = report.files
        .filter((f) => f.path === join(dir, e.file) || f.path === join(dir, e.related?.file as string))
        .map((f) => f.status)
        .sort();
      expect(statuses).toEqual(['loaded', 'skipped']);
    }
    // Claims loaded = the generator's claims (manifest) − quarantined, exactly; every duplicate and
    // re-submission is in the replacement log.
    const manifest = JSON.parse(readFileSync(join(dir, '_meta', 'manifest.json'), 'utf8')) as { claims: number };
    expect(ledger.pools.claimKeys).toBe(manifest.claims);
    const quarantined = ledger.entries.filter((e) => e.claimLines && e.outcome === 'quarantine');
    expect(Number(await store.scalar('select count(*) from claim'))).toBe(manifest.claims - quarantined.length);
    expect(Number(await store.scalar('select count(*) from claim_replacement'))).toBe(
      of('duplicate_claim').length + of('resubmitted_claim').length,
    );
  });

  it('keeps the later version of a re-submitted claim, with its changed points', async () => {
    expect(of('resubmitted_claim').length).toBeGreaterThan(0);
    for (const e of of('resubmitted_claim')) {
      const kept = await claimAt(e.file, e.line as number);
      expect(kept?.points).toBe(e.points?.after);
      expect(e.points?.after).toBeLessThan(e.points?.before as number);
      expect(kept?.billing).toBe(/_(\d{4})(\d{2})\./.exec(e.file)?.slice(1, 3).join('-'));
      expect(await claimAt(e.related?.file as string, e.related?.line as number)).toBeNull();
      const ids = recordIds(e);
      expect(await childCount('claim_procedure', kept?.claim_id as string)).toBe(ids.filter((x) => x === 'SI').length);
      expect(report.files.find((f) => f.path === join(dir, e.file))?.replaced).toBeGreaterThan(0);
    }
  });

  it('lists unknown codes in unknown_code and loads their claims with unchanged points', async () => {
    const rows = await store.query<{ kind: string; code: string; path: string; n: number }>(
      'select u.kind, u.code, f.path, u.occurrences as n from unknown_code u join ingest_file f using (ingest_file_id)',
    );
    const got = new Map(rows.map((r) => [`${r.kind}:${r.code}:${r.path}`, Number(r.n)]));
    // (The clean output may list codes of its own while the shipped master subset catches up.)
    for (const e of of('unknown_code')) expect(got.get(`${e.code?.kind}:${e.code?.code}:${join(dir, e.file)}`), e.detail).toBe(1);
    for (const e of of('unknown_code')) {
      const c = await claimAt(e.file, (e.claimLines as [number, number])[0]);
      expect(c?.points).toBe(e.points?.before);
    }
  });

  it('loads a claim without 傷病名 with no diagnosis rows, and a checkup without an optional value as null', async () => {
    for (const e of of('missing_diagnosis')) {
      const c = await claimAt(e.file, e.line as number);
      expect(c).not.toBeNull();
      expect(await childCount('claim_diagnosis', c?.claim_id as string)).toBe(0);
    }
    for (const e of of('missing_checkup_value')) {
      const rows = await store.query<Record<string, unknown>>(
        `select ${e.column} as v from checkup where source_entry = $1 and ingest_file_id = ${fileIdSql.replace('$1', '$2')}`,
        [e.entry as string, join(dir, e.file)],
      );
      expect(rows, `${e.file}!${e.entry}`).toEqual([{ v: null }]);
    }
  });

  // Formerly a gap: a detail record with one field too many was accepted with its later fields shifted
  // (点数 empty, 回数 holding the points). Detail records must now have exactly their layout's fields.
  it('quarantines a claim whose detail record has one field too many', async () => {
    const actual = new Set((await actualQuarantine()).map((q) => q.key));
    for (const e of of('field_count_extra')) {
      for (const q of e.quarantine) expect(actual.has(qKey(e.file, q))).toBe(true);
      expect(await claimAt(e.file, (e.claimLines as [number, number])[0])).toBeNull();
    }
  });

  // Formerly a gap: an unreadable RE line (UNDECODABLE / WRONG_ENCODING) let its claim's records join
  // the previous claim. It now opens a placeholder claim that is rejected as CLAIM_INCOMPLETE.
  it('quarantines the claim of a mojibake RE line without merging its records into another claim', async () => {
    const actual = await actualQuarantine();
    for (const e of of('mojibake_line')) {
      const [start, end] = e.claimLines as [number, number];
      expect(
        actual.filter((q) => q.file === e.file && q.line !== null && q.line >= start && q.line <= end).map((q) => q.key),
      ).toEqual(e.quarantine.map((q) => qKey(e.file, q)));
      for (const t of ['claim_procedure', 'claim_diagnosis', 'claim_drug']) {
        const n = Number(
          await store.scalar(
            `select count(*) from ${t} x join claim c using (claim_id) where c.ingest_file_id = ${fileIdSql} and x.source_line between $2 and $3`,
            [join(dir, e.file), start, end],
          ),
        );
        expect(n, `${t} rows from ${e.file}:${start}-${end}`).toBe(0);
      }
    }
  });
});
