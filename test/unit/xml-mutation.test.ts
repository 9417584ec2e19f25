// Corrupted 特定健診 packages: a damaged document is rejected with its ZIP entry named, every other
// document still comes out; a damaged ZIP is reported, never thrown.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckupEvent, readCheckupZip } from '../../src/formats/tokutei-xml/reader.js';
import { checkupDocument, checkupInputFromDocument, writeCheckupPackage } from '../../src/formats/tokutei-xml/writer.js';
import { tempDir } from '../helpers/store.js';

async function events(path: string): Promise<CheckupEvent[]> {
  const out: CheckupEvent[] = [];
  for await (const e of readCheckupZip(path)) out.push(e);
  return out;
}

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('特定健診 XML under corruption', () => {
  it('rejects only the damaged document (300 mutants)', async () => {
    const base = await events('test/fixtures/tokutei/kenshin.zip');
    const inputs = base.flatMap((e) => (e.type === 'checkup' ? [checkupInputFromDocument(e.doc)] : []));
    // Six documents: the two fixture people under three exam dates.
    const docs = [0, 1, 2].flatMap((k) => inputs.map((d) => checkupDocument({ ...d, examDate: `2024-0${6 + k}-1${k}` })));
    const dir = tempDir();
    const r = rng(7);
    for (let m = 0; m < 300; m++) {
      const victim = Math.floor(r() * docs.length);
      const doc = docs[victim] as string;
      const kind = m % 4;
      const pos = Math.floor(r() * doc.length);
      const mutated =
        kind === 0
          ? doc.slice(0, pos) // truncated document
          : kind === 1
            ? doc.slice(0, pos) + '<' + doc.slice(pos + 1) // stray tag opener
            : kind === 2
              ? doc.replace(/<birthTime value="\d+"\/>/, '<birthTime value="19991399"/>') // impossible date
              : doc.replace(/<id root="1.2.392.200119.6.101" extension="\d+"\/>/, ''); // no 保険者番号
      const path = join(dir, `m${m % 4}.zip`);
      await writeCheckupPackage(
        path,
        { sender: '1311234569', receiver: '06139992', creationDate: '2024-07-15', kind: 1 },
        docs.map((d, i) => (i === victim ? mutated : d)),
      );
      const ev = await events(path);
      const ok = ev.filter((e) => e.type === 'checkup');
      const rej = ev.flatMap((e) => (e.type === 'rejection' ? [e.rejection] : []));
      // Every untouched document comes out; the damaged one either survives intact-enough or is rejected by name.
      expect(ok.length + rej.length, `mutant ${m}`).toBe(docs.length);
      const victimEntry = `h1311234569202407150${1}${String(victim + 1).padStart(6, '0')}.xml`;
      const intact = ev.flatMap((e) => (e.type === 'checkup' && !e.doc.entry.endsWith(victimEntry) ? [e.doc] : []));
      expect(intact.length, `mutant ${m}: untouched documents lost`).toBe(docs.length - 1);
      for (const d of intact) {
        const src = inputs.find((x) => x.bango === d.bango);
        expect(d.values).toEqual(src?.values);
      }
      for (const x of rej) {
        expect(x.file).toMatch(/!.*DATA\/h\d+\.xml$/);
        expect(x.line).toBeTypeOf('number');
      }
    }
  });

  it('reports a damaged ZIP instead of throwing', async () => {
    const bytes = readFileSync('test/fixtures/tokutei/kenshin.zip');
    const dir = tempDir();
    const r = rng(11);
    for (let m = 0; m < 200; m++) {
      const copy = Buffer.from(bytes);
      for (let k = 0; k < 3; k++) copy[Math.floor(r() * copy.length)] = Math.floor(r() * 256);
      const path = join(dir, 'z.zip');
      writeFileSync(path, m % 10 === 0 ? copy.subarray(0, Math.floor(copy.length / 2)) : copy);
      const ev = await events(path);
      for (const e of ev) expect(['index', 'checkup', 'guidance', 'rejection']).toContain(e.type);
    }
  });
});
