// Writes a synthetic population as the files an insurer holds: the insurer list and the member
// register (被保険者台帳, Shift_JIS CSV with one row per 資格 period), plus a manifest. Claims and
// checkups follow in later steps of the synthetic-population issue.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { INSURER_LIST_HEADER, MEMBER_REGISTER_HEADER } from '../formats/csv/register.js';
import { INSURER_TYPE_JA } from '../model/terms-ja.js';
import { type InsurerPreset, standardInsurers } from './data/insurers.js';
import { addDays, makeWorld, type Person, simulateHousehold } from './population.js';

export interface SynthOptions {
  members: number;
  /** First and last 年度 (fiscal years). */
  fromFy: number;
  toFy: number;
  seed: number;
  out: string;
}

export interface SynthManifest {
  generator: string;
  seed: number;
  window: { start: string; end: string };
  households: number;
  persons: number;
  spans: number;
  deaths: number;
  byInsurerType: Record<string, number>;
  files: string[];
}

const INSURER_TYPE_CSV: Record<string, string> = {
  kyokai: '協会けんぽ',
  kumiai_single: '健保組合単一',
  kumiai_sogo: '健保組合総合',
  kyosai: '共済組合',
  kokuho: '市町村国保',
  kokuho_kumiai: '国保組合',
  koki: '後期高齢者医療',
  senin: '船員保険',
};

/** Generates households until `members` persons exist; yields them in order (deterministic). */
export function* generatePopulation(
  opts: Pick<SynthOptions, 'members' | 'fromFy' | 'toFy' | 'seed'>,
  insurers: InsurerPreset[] = standardInsurers(),
) {
  const world = makeWorld(insurers, { start: `${opts.fromFy}-04-01`, end: `${opts.toFy + 1}-03-31` });
  let persons = 0;
  for (let index = 0; persons < opts.members; index++) {
    const members = simulateHousehold(opts.seed, index, world);
    persons += members.length;
    yield { index, members };
  }
}

function registerRows(p: Person): string[] {
  return p.spans.map((s) =>
    [
      s.insurer.number,
      s.kigo,
      s.bango,
      s.edaban,
      `${p.surname}　${p.given}`,
      `${p.surnameKana}　${p.givenKana}`,
      String(p.sex),
      p.birth,
      s.relation,
      s.start,
      s.end ? addDays(s.end, 1) : '',
      s.employerId ?? '',
      s.employerName ?? '',
      s.insurer.industry,
      s.municipality,
    ].join(','),
  );
}

export async function writeSynthPopulation(opts: SynthOptions): Promise<SynthManifest> {
  await mkdir(opts.out, { recursive: true });
  const insurers = standardInsurers();
  await writeFile(
    join(opts.out, 'insurers.csv'),
    `${INSURER_LIST_HEADER.join(',')}\r\n${insurers.map((i) => [i.number, i.name, INSURER_TYPE_CSV[i.type], i.industry, i.prefecture].join(',')).join('\r\n')}\r\n`,
  );
  const register = createWriteStream(join(opts.out, 'member_register.csv'));
  register.write(iconv.encode(`${MEMBER_REGISTER_HEADER.join(',')}\r\n`, 'cp932'));
  const m: SynthManifest = {
    generator: 'kachi synth 0.1 (population and enrolment)',
    seed: opts.seed,
    window: { start: `${opts.fromFy}-04-01`, end: `${opts.toFy + 1}-03-31` },
    households: 0,
    persons: 0,
    spans: 0,
    deaths: 0,
    byInsurerType: {},
    files: ['insurers.csv', 'member_register.csv', '_meta/manifest.json'],
  };
  let block: string[] = [];
  for (const { members } of generatePopulation(opts, insurers)) {
    m.households++;
    for (const p of members) {
      m.persons++;
      if (p.death) m.deaths++;
      m.spans += p.spans.length;
      for (const s of p.spans) {
        const t = INSURER_TYPE_JA[s.insurer.type] ?? s.insurer.type;
        m.byInsurerType[t] = (m.byInsurerType[t] ?? 0) + 1;
      }
      block.push(...registerRows(p));
    }
    if (block.length > 5000) {
      if (!register.write(iconv.encode(`${block.join('\r\n')}\r\n`, 'cp932')))
        await new Promise<void>((r) => register.once('drain', () => r()));
      block = [];
    }
  }
  if (block.length) register.write(iconv.encode(`${block.join('\r\n')}\r\n`, 'cp932'));
  await new Promise<void>((resolve, reject) => register.end((err?: Error | null) => (err ? reject(err) : resolve())));
  // The manifest (and later the ground truth) sits in _meta/, outside the ingest path.
  await mkdir(join(opts.out, '_meta'), { recursive: true });
  await writeFile(join(opts.out, '_meta', 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
  return m;
}
