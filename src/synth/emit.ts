// Writes a synthetic population as the files an insurer holds: the insurer list and the member
// register (被保険者台帳, Shift_JIS CSV with one row per 資格 period), plus a manifest. Claims and
// checkups follow in later steps of the synthetic-population issue.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { INSURER_LIST_HEADER, MEMBER_REGISTER_HEADER } from '../formats/csv/register.js';
import { type CheckupDocInput, CheckupPackageWriter, checkupDocument } from '../formats/tokutei-xml/writer.js';
import { INSURER_TYPE_JA } from '../model/terms-ja.js';
import { CHECKUP_ORGS, checkupFor } from './checkups.js';
import { ClaimFiles, chronicVisits } from './claims.js';
import { conditionScores, conditionsFrom, metabolicFactor, personLatent } from './conditions.js';
import { type InsurerPreset, standardInsurers } from './data/insurers.js';
import { addDays, ageOn, makeWorld, type Person, simulateHousehold } from './population.js';
import { streamSeed } from './rng.js';

export interface SynthOptions {
  members: number;
  /** First and last 年度 (fiscal years). */
  fromFy: number;
  toFy: number;
  seed: number;
  out: string;
  /** Write 特定健診 packages (default true). */
  checkups?: boolean;
  /** Write claims (default true). */
  claims?: boolean;
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
  /** 特定健診 written, by 年度 and insurer number. */
  checkups: Record<string, Record<string, number>>;
  /** Claims written (医科 and 調剤). */
  claims: number;
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

/** One ground-truth row per person and 年度 in which they were alive and enrolled on 31 March (or at death). */
function* truthRows(seed: number, p: Person, fromFy: number, toFy: number): Generator<string> {
  const lat = personLatent(seed, p);
  for (let fy = fromFy; fy <= toFy; fy++) {
    const on = p.death && p.death < `${fy + 1}-03-31` ? p.death : `${fy + 1}-03-31`;
    if (p.birth > on || (p.death && p.death < `${fy}-04-01`)) continue;
    const span = p.spans.find((s) => s.start <= on && (s.end === null || s.end >= on));
    if (!span) continue;
    const g = metabolicFactor(seed, p, lat, fy);
    const age = ageOn(p.birth, `${fy + 1}-03-31`);
    const c = conditionsFrom(conditionScores(lat, g), age, p.sex);
    yield `${p.id},${p.surnameKana}${p.givenKana},${p.birth},${p.sex},${fy},${age},${span.insurer.number},${span.relation},${+c.hypertension},${+c.diabetes},${+c.dyslipidemia},${g.toFixed(4)},${p.death ?? ''}\n`;
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
    generator: 'kachi synth 0.2 (population, enrolment, 特定健診)',
    seed: opts.seed,
    window: { start: `${opts.fromFy}-04-01`, end: `${opts.toFy + 1}-03-31` },
    households: 0,
    persons: 0,
    spans: 0,
    deaths: 0,
    byInsurerType: {},
    checkups: {},
    claims: 0,
    files: ['insurers.csv', 'member_register.csv', '_meta/manifest.json', '_meta/truth.csv'],
  };
  // 特定健診 per (年度, insurer): one package writer each, documents compressed as they are generated.
  const packages = new Map<string, CheckupPackageWriter>();
  const org = CHECKUP_ORGS[0] as (typeof CHECKUP_ORGS)[number];
  let block: string[] = [];
  const months: string[] = [];
  for (let fy = opts.fromFy; fy <= opts.toFy; fy++) {
    for (let k = 0; k < 12; k++) months.push(`${fy + Math.floor((k + 3) / 12)}-${String(((k + 3) % 12) + 1).padStart(2, '0')}`);
  }
  const claimFiles = new ClaimFiles(opts.out);
  // Ground truth, outside the ingest path: the true state of every person in every 年度, with the
  // synthetic identity needed to link it to the store (via the deployment's pseudonymiser).
  await mkdir(join(opts.out, '_meta'), { recursive: true });
  const truth = createWriteStream(join(opts.out, '_meta', 'truth.csv'));
  truth.write(
    'person_id,kana_name,birth_date,sex,fiscal_year,age_fy_end,insurer_number,relation,hypertension,diabetes,dyslipidemia,metabolic_factor,death_date\n',
  );
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
      if (opts.claims !== false) for (const v of chronicVisits(opts.seed, p, months)) await claimFiles.add(v);
      for (const row of truthRows(opts.seed, p, opts.fromFy, opts.toFy)) truth.write(row);
      for (let fy = opts.fromFy; opts.checkups !== false && fy <= opts.toFy; fy++) {
        const c = checkupFor(opts.seed, p, fy);
        if (!c) continue;
        const checkupOrg = CHECKUP_ORGS[
          streamSeed(opts.seed, p.id, 0x0c9) % CHECKUP_ORGS.length
        ] as (typeof CHECKUP_ORGS)[number];
        const key = `${fy}|${c.span.insurer.number}`;
        let pw = packages.get(key);
        if (!pw) {
          const name = `kenshin_FY${fy}_${c.span.insurer.number}.zip`;
          // One package per insurer and 年度, as a 代行機関 delivers them (送付元: the batch's 健診機関).
          pw = new CheckupPackageWriter(join(opts.out, name), {
            sender: org.code,
            receiver: c.span.insurer.number,
            creationDate: `${fy + 1}-04-30`,
            kind: 1,
          });
          packages.set(key, pw);
          m.files.push(name);
        }
        const doc: CheckupDocInput = {
          insurerNumber: c.span.insurer.number,
          kigo: c.span.kigo,
          bango: c.span.bango,
          edaban: c.span.edaban,
          kanaName: `${p.surnameKana}　${p.givenKana}`,
          sex: p.sex,
          birthDate: p.birth,
          examDate: c.examDate,
          facilityCode: checkupOrg.code,
          facilityName: checkupOrg.name,
          values: c.values,
        };
        pw.add(checkupDocument(doc));
      }
    }
    if (block.length > 5000) {
      if (!register.write(iconv.encode(`${block.join('\r\n')}\r\n`, 'cp932')))
        await new Promise<void>((r) => register.once('drain', () => r()));
      block = [];
    }
  }
  if (block.length) register.write(iconv.encode(`${block.join('\r\n')}\r\n`, 'cp932'));
  await claimFiles.close();
  await new Promise<void>((resolve, reject) => truth.end((err?: Error | null) => (err ? reject(err) : resolve())));
  m.claims = claimFiles.claims;
  m.files.push(...claimFiles.files.sort());
  await new Promise<void>((resolve, reject) => register.end((err?: Error | null) => (err ? reject(err) : resolve())));
  for (const [key, pw] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const [fy, insurer] = key.split('|') as [string, string];
    await pw.close();
    const byFy = m.checkups[`FY${fy}`] ?? {};
    byFy[insurer] = pw.count;
    m.checkups[`FY${fy}`] = byFy;
  }
  // The manifest (and later the ground truth) sits in _meta/, outside the ingest path.
  await mkdir(join(opts.out, '_meta'), { recursive: true });
  await writeFile(join(opts.out, '_meta', 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
  return m;
}
