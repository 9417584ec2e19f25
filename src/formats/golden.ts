// Golden snapshots of what the readers return for a file: every event, in order, with the file
// path made relative so that the snapshot does not depend on where the repository lives.
// Used by scripts/make-format-fixtures.mjs (to write) and the format tests (to compare).
import { relative } from 'node:path';
import { readCheckupZip } from './tokutei-xml/reader.js';
import { readUke } from './uke/reader.js';

function relativize<T>(value: T, path: string): T {
  const abs = path;
  const rel = relative(process.cwd(), path);
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.startsWith(abs) ? rel + v.slice(abs.length) : v)),
  );
}

export async function goldenOfUke(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of readUke(path)) out.push(e);
  return relativize(out, path);
}

export async function goldenOfZip(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const e of readCheckupZip(path)) {
    // Raw observations are kept in the golden file: they are part of the reader's contract.
    out.push(e);
  }
  return relativize(out, path);
}
