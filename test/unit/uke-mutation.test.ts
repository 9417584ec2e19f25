// Mutation test: thousands of randomly corrupted variants of a real-format file. The reader must
// never throw, every rejection must carry a line number, and every claim the corruption did not
// touch must still come out unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readUke } from '../../src/formats/uke/reader.js';
import { buildUkeFile, type ClaimInput } from '../../src/formats/uke/writer.js';
import { tempDir } from '../helpers/store.js';
import { CLAIMS, FACILITY } from '../helpers/uke-samples.js';

const MUTANTS = 3000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base: ClaimInput[] = Array.from({ length: 24 }, (_, i) => {
  const c = CLAIMS[i % CLAIMS.length] as ClaimInput;
  return { ...c, chartNo: `K-${i}`, patient: { ...c.patient, kanaName: `${c.patient.kanaName}${'アイウエオ'[i % 5]}` } };
});
const original = buildUkeFile(FACILITY, base);
const lines = original
  .toString('latin1')
  .split('\r\n')
  .slice(0, -1)
  .map((l) => Buffer.from(l, 'latin1'));

/** Claim extents in line indices (0-based): [RE index, last record index]; delimiter is the next line. */
const extents: [number, number][] = [];
lines.forEach((l, i) => {
  if (l.toString('latin1').startsWith('RE,')) {
    const prev = extents[extents.length - 1];
    if (prev) prev[1] = i - 1;
    extents.push([i, i]);
  }
});
(extents[extents.length - 1] as [number, number])[1] = lines.length - 2;

type Mutation = { bytes: Buffer; touched: Set<number> };

function mutate(r: () => number): Mutation {
  const i = Math.floor(r() * lines.length);
  const copy = lines.map((l) => Buffer.from(l));
  const touched = new Set([i]);
  const kind = Math.floor(r() * 7);
  const line = copy[i] as Buffer;
  switch (kind) {
    case 0: // flip a random byte to a random value
      if (line.length > 0) line[Math.floor(r() * line.length)] = Math.floor(r() * 256);
      break;
    case 1: // cut the line
      copy.splice(i, 1);
      break;
    case 2: // drop a field
      copy[i] = Buffer.from(line.toString('latin1').split(',').slice(0, -2).join(','), 'latin1');
      break;
    case 3: // add a field
      copy[i] = Buffer.concat([line, Buffer.from(',X')]);
      break;
    case 4: // re-encode the line as UTF-8
      copy[i] = Buffer.from(iconv.decode(line, 'cp932'), 'utf8');
      break;
    case 5: {
      // truncate the file inside this line
      const cut = Math.floor(r() * line.length);
      copy[i] = line.subarray(0, cut);
      copy.splice(i + 1);
      for (let k = i; k < lines.length; k++) touched.add(k);
      return { bytes: Buffer.concat(copy.flatMap((l, k) => (k === copy.length - 1 ? [l] : [l, Buffer.from('\r\n')]))), touched };
    }
    default: // a junk line inserted before this one
      copy.splice(i, 0, Buffer.from([0x82, 0xa0, 0xff, 0x2c, 0x41]));
  }
  return { bytes: Buffer.concat(copy.flatMap((l) => [l, Buffer.from('\r\n')])), touched };
}

describe('UKE reader under corruption', () => {
  it(`survives ${MUTANTS} corrupted variants and keeps every untouched claim`, async () => {
    const dir = tempDir();
    const intactRecords = new Map<number, string>();
    {
      const p = join(dir, 'orig.UKE');
      writeFileSync(p, original);
      let k = 0;
      for await (const e of readUke(p))
        if (e.type === 'claim') intactRecords.set(k++, JSON.stringify(e.claim.records.map((x) => x.fields)));
      expect(intactRecords.size).toBe(base.length);
    }
    const r = rng(42);
    let rejectionsSeen = 0;
    for (let m = 0; m < MUTANTS; m++) {
      const { bytes, touched } = mutate(r);
      const p = join(dir, `m${m % 8}.UKE`);
      writeFileSync(p, bytes);
      const out = new Set<string>();
      for await (const e of readUke(p)) {
        if (e.type === 'rejection') {
          rejectionsSeen++;
          expect(e.rejection.line, JSON.stringify(e.rejection)).toBeTypeOf('number');
          expect(e.rejection.file).toBe(p);
        } else if (e.type === 'claim') out.add(JSON.stringify(e.claim.records.map((x) => x.fields)));
      }
      if (touched.has(0)) continue; // IR damaged: no claim of the file can be attributed to a facility
      extents.forEach(([s, e], k) => {
        for (let l = s; l <= e + 1; l++) if (touched.has(l)) return; // the claim or its delimiter was hit
        expect(out.has(intactRecords.get(k) as string), `mutant ${m}: claim ${k} lost`).toBe(true);
      });
    }
    expect(rejectionsSeen).toBeGreaterThan(MUTANTS / 2);
  });

  it('never throws and always names the line on 歯科, 調剤 and DPC files (1500 mutants)', async () => {
    const dir = tempDir();
    const r = rng(99);
    for (const f of ['shika.UKE', 'chozai.CYO', 'dpc.UKE']) {
      const bytes = readFileSync(join('test/fixtures/uke', f));
      for (let m = 0; m < 500; m++) {
        const copy = Buffer.from(bytes);
        const n = 1 + Math.floor(r() * 3);
        for (let k = 0; k < n; k++) copy[Math.floor(r() * copy.length)] = Math.floor(r() * 256);
        const p = join(dir, `x${m % 4}.UKE`);
        writeFileSync(p, m % 7 === 0 ? copy.subarray(0, Math.floor(r() * copy.length)) : copy);
        for await (const e of readUke(p)) if (e.type === 'rejection') expect(e.rejection.line).toBeTypeOf('number');
      }
    }
  });
});
