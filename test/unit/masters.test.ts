import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { ensureMasters, importMasterFile } from '../../src/terminology/import.js';
import { readMaster } from '../../src/terminology/masters.js';
import { FIXTURES, tempStore, testPseudo } from '../helpers/store.js';

const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'external', 'receiptisan', 'masters-2022');

describe('code masters', () => {
  it.runIf(existsSync(REAL))('reads the real published rows in their column layout', async () => {
    const rows = async (f: string, kind: 'b' | 's' | 'y' | 't' | 'z') => {
      const out = [];
      for await (const e of readMaster(join(REAL, f), kind)) {
        expect(e.type).toBe('row');
        if (e.type === 'row') out.push(e.row);
      }
      return out;
    };
    const b = await rows('b_ALL00000000.csv', 'b');
    expect(b.find((r) => r.code === '4375001')).toMatchObject({ name: 'もやもや病', icd10: 'I675', abolishedOn: null });
    const y = await rows('y_ALL00000000.csv', 'y');
    expect(y.find((r) => r.code === '610406079')).toMatchObject({
      name: 'ガスター散２％',
      value: 26,
      isGeneric: false,
      dosageForm: '1',
      yakkaCode: '2325003B2029',
    });
    const s = await rows('s_ALL00000000.csv', 's');
    expect(s.find((r) => r.code === '111000110')).toMatchObject({ name: '初診料', value: 282 });
    const t = await rows('t_ALL00000000.csv', 't');
    expect(t.find((r) => r.code === '700010000')).toMatchObject({ name: '半切', value: 120, unit: '枚' });
    const z = await rows('z_ALL00000000.csv', 'z');
    expect(z.find((r) => r.code === '2060')).toMatchObject({ name: '左右', category: 'A2000000' });
  });

  it('rejects a row of the wrong master or with a bad code, naming the line', async () => {
    const store = await tempStore();
    const r = await importMasterFile(store, join(FIXTURES, 'masters', 'y_broken.csv'));
    expect(r.kind).toBe('y');
    expect(r.rows).toBe(1);
    expect(r.rejections.map((x) => [x.line, x.code])).toEqual([
      [2, 'BAD_CODE'],
      [3, 'FIELD_COUNT'],
    ]);
  });

  it('enriches claims from the shipped subset and lists unknown codes without dropping them', async () => {
    const store = await tempStore();
    const loaded = await ensureMasters(store);
    expect(loaded.map((l) => l.kind).sort()).toEqual(['b', 'c', 's', 't', 'y', 'z']);
    const report = await ingest(store, testPseudo(), [join(FIXTURES, 'uke', 'chozai.CYO')]);
    // 610406079 ガスター散 is not in the subset; 612170710 ノルバスク錠５ｍｇ (brand) is.
    expect(await store.query('select drug_code, is_generic, yj_code from claim_drug order by drug_code')).toEqual([
      { drug_code: '610406079', is_generic: null, yj_code: null },
      { drug_code: '612170710', is_generic: false, yj_code: '2171022F2025' },
    ]);
    expect(report.files[0]?.unknownCodes).toEqual({ y: 1 });
    expect(await store.query('select kind, code, occurrences from unknown_code')).toEqual([
      { kind: 'y', code: '610406079', occurrences: 1 },
    ]);
  });
});
