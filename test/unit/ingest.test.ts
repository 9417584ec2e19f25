import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readMemberRegister } from '../../src/formats/csv/register.js';
import { ingest } from '../../src/ingest/ingest.js';
import { normalizeKana } from '../../src/ingest/pseudonymize.js';
import { canonicalCounts, DEMO, FIXTURES, tempDir, tempStore, testPseudo } from '../helpers/store.js';

describe('ingest', () => {
  it('loads the demo fixture, then skips it on a re-run with identical tables', async () => {
    const store = await tempStore();
    const r1 = await ingest(store, testPseudo(), [DEMO]);
    expect(r1.totals.failed).toBe(0);
    // The fixture's one deliberate defect: an SI line with 負担区分 "%" in RECEIPTC_01_202504.UKE.
    expect(r1.totals.rejected).toBe(2);
    expect(await store.query('select record_type, field, reason_code from quarantine order by line')).toEqual([
      { record_type: 'RE', field: null, reason_code: 'CLAIM_INCOMPLETE' },
      { record_type: 'SI', field: '負担区分', reason_code: 'BAD_BURDEN' },
    ]);
    const c1 = await canonicalCounts(store);
    expect(c1.insurer).toBe(3);
    expect(c1.member).toBe(240);
    expect(c1.claim).toBeGreaterThan(100);
    expect(c1.checkup).toBeGreaterThan(100);
    // Every claim and checkup is linked to a registered member.
    expect(
      await store.scalar(
        'select count(*) from claim c where not exists (select 1 from member m where m.member_key = c.member_key)',
      ),
    ).toBe(0);
    expect(
      await store.scalar(
        'select count(*) from checkup c where not exists (select 1 from member m where m.member_key = c.member_key)',
      ),
    ).toBe(0);
    const r2 = await ingest(store, testPseudo(), [DEMO]);
    expect(r2.totals.skipped).toBe(r1.totals.files);
    expect(await canonicalCounts(store)).toEqual(c1);
  });

  it('rejects corrupted and foreign files with a message naming the file and leaves the store unchanged', async () => {
    const store = await tempStore();
    await ingest(store, testPseudo(), [DEMO]);
    const before = await canonicalCounts(store);
    const bad = ['truncated.UKE', 'foreign.UKE', 'unknown.csv'].map((f) => join(FIXTURES, 'bad', f));
    const r = await ingest(store, testPseudo(), bad);
    expect(r.totals.failed).toBe(3);
    for (const f of r.files) expect(f.message).toContain(f.path);
    expect(await canonicalCounts(store)).toEqual(before);
    const q = await store.query<{ reason_code: string }>('select reason_code from quarantine order by reason_code');
    expect(q.map((x) => x.reason_code)).toEqual([
      'BAD_BURDEN',
      'CLAIM_INCOMPLETE',
      'TRUNCATED',
      'UNKNOWN_FORMAT',
      'UNKNOWN_FORMAT',
    ]);
  });

  it('quarantines a malformed claim with its line and loads the intact one', async () => {
    const store = await tempStore();
    const r = await ingest(store, testPseudo(), [join(FIXTURES, 'uke', 'one-malformed.UKE')]);
    expect(r.files[0]?.loaded.claim).toBe(1);
    const q = await store.query<{ line: number; field: string | null }>('select line, field from quarantine order by line');
    expect(q).toEqual([
      { line: 2, field: null },
      { line: 4, field: '負担区分' },
    ]);
  });

  it('never writes names or insurance numbers into the database file', async () => {
    const dir = tempDir();
    const store = await tempStore(true);
    const path = store.path;
    await ingest(store, testPseudo(), [DEMO]);
    await store.run('checkpoint');
    await store.close();
    copyFileSync(path, join(dir, 'copy.duckdb'));
    const db = readFileSync(join(dir, 'copy.duckdb'));
    const haystacks = [db.toString('utf8'), db.toString('latin1')];
    const rows = [];
    for await (const e of readMemberRegister(join(DEMO, 'member_register.csv'))) if (e.type === 'row') rows.push(e.row);
    expect(rows).toHaveLength(240);
    for (const r of rows) {
      const needles = [r.name, r.kanaName, r.name.replace('　', ''), `A-${String(Number(r.bango) - 1000).padStart(4, '0')}`];
      for (const n of needles) {
        for (const h of haystacks) expect(h.includes(n), `${n} leaked`).toBe(false);
        expect(db.includes(iconv.encode(n, 'cp932')), `${n} leaked (cp932)`).toBe(false);
      }
    }
  });
});

describe('identity normalisation', () => {
  it('folds width, hiragana, small kana and spaces', () => {
    expect(normalizeKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(normalizeKana('やまだ　たろう'));
    expect(normalizeKana('キョウコ')).toBe(normalizeKana('キヨウコ'));
  });
});
