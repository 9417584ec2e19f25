import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUke } from '../../src/formats/uke/reader.js';
import type { UkeEvent } from '../../src/formats/uke/types.js';
import { FIXTURES, SHARED_SAMPLE } from '../helpers/store.js';

async function collect(path: string): Promise<UkeEvent[]> {
  const out: UkeEvent[] = [];
  for await (const e of readUke(path)) out.push(e);
  return out;
}
const claims = (ev: UkeEvent[]) => ev.flatMap((e) => (e.type === 'claim' ? [e.claim] : []));
const rejections = (ev: UkeEvent[]) => ev.flatMap((e) => (e.type === 'rejection' ? [e.rejection] : []));

describe('UKE reader (医科)', () => {
  it('parses the worked example of data-formats.md §1.10 to its documented totals', async () => {
    const ev = await collect(join(FIXTURES, 'uke', 'worked-example.UKE'));
    expect(rejections(ev)).toEqual([]);
    const [c] = claims(ev);
    expect(c).toBeDefined();
    if (!c) return;
    expect(c.facility.facilityCode).toBe('1311234569');
    expect(c.kind).toBe('医科入院外');
    expect(c.serviceMonth).toBe('2024-04-01');
    expect(c.patient).toEqual({ name: '保険　花子', kanaName: 'ホケンハナコ', sex: 2, birthDate: '1965-07-12' });
    expect(c.insurance?.insurerNumber).toBe('06139992');
    expect(c.insurance?.points).toBe(216);
    expect(c.computed.insurance).toBe(216); // 73 × 2 + 5 × 14
    expect(c.warnings).toEqual([]);
    expect(c.edaban).toBe('01');
    expect(c.diagnoses.map((d) => [d.code, d.isMain])).toEqual([
      ['4375001', true],
      ['0000999', false],
    ]);
    expect(c.details.map((d) => [d.record, d.category, d.points, d.times])).toEqual([
      ['SI', '12', 73, 2],
      ['IY', '21', 5, 14],
    ]);
    expect(c.details[0]?.dayCounts.reduce((a, b) => a + b, 0)).toBe(2);
    const trailer = ev.find((e) => e.type === 'trailer');
    expect(trailer).toMatchObject({ computedCount: 1, computedPoints: 216, trailer: { totalPoints: 216 } });
  });

  it('tolerates a trailing 0x1A EOF mark', async () => {
    const ev = await collect(join(FIXTURES, 'uke', 'eof-mark.UKE'));
    expect(rejections(ev)).toEqual([]);
    expect(claims(ev)).toHaveLength(1);
  });

  it('rejects a claim with a malformed record, naming line and field, and still yields the intact claim', async () => {
    const ev = await collect(join(FIXTURES, 'uke', 'one-malformed.UKE'));
    const rej = rejections(ev);
    expect(rej[0]).toMatchObject({ line: 4, recordType: 'SI', field: '負担区分', code: 'BAD_BURDEN' });
    expect(rej[1]).toMatchObject({ line: 2, recordType: 'RE', code: 'CLAIM_INCOMPLETE' });
    expect(claims(ev).map((c) => c.receiptNo)).toEqual([2]);
  });

  it('reports a truncated file (no GO) instead of throwing', async () => {
    const ev = await collect(join(FIXTURES, 'bad', 'truncated.UKE'));
    expect(rejections(ev).map((r) => r.code)).toContain('TRUNCATED');
  });

  it.runIf(existsSync(SHARED_SAMPLE))('reproduces every declared total of the receiptisan 医科外来 sample', async () => {
    const ev = await collect(SHARED_SAMPLE);
    expect(rejections(ev)).toEqual([]);
    const cs = claims(ev);
    expect(cs).toHaveLength(75);
    for (const c of cs) expect(c.warnings.filter((w) => w.code === 'TOTAL_MISMATCH')).toEqual([]);
    // The sample's deliberately long names (e.g. line 7's 未コード化傷病名) exceed the 2013-era byte maxima:
    // reported as warnings, never as rejections.
    const warned = new Set(cs.flatMap((c) => c.warnings).map((w) => `${w.code}:${w.field}`));
    expect([...warned].sort()).toEqual(['TOO_LONG:傷病名称', 'TOO_LONG:氏名']);
    const t = ev.find((e) => e.type === 'trailer');
    expect(t).toMatchObject({ computedCount: 140, computedPoints: 86392, trailer: { totalCount: 140, totalPoints: 86392 } });
  });
});
