// Writes a synthetic population as the files an insurer holds: the insurer list and the member
// register (被保険者台帳, Shift_JIS CSV with one row per 資格 period), plus a manifest. Claims and
// checkups follow in later steps of the synthetic-population issue.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { writeFacilityList } from '../formats/csv/facilities.js';
import { INSURER_LIST_HEADER, MEMBER_REGISTER_HEADER } from '../formats/csv/register.js';
import { type CheckupDocInput, CheckupPackageWriter, checkupDocument, guidanceDocument } from '../formats/tokutei-xml/writer.js';
import { INSURER_TYPE_JA } from '../model/terms-ja.js';
import { CareFiles, type CareSimulation, careProviderFacilities, simulateCare } from './care.js';
import { planYear, type YearPlan } from './care-use.js';
import { CHECKUP_ORGS, type SynthCheckup } from './checkups.js';
import { ClaimFiles, planClaims } from './claims.js';
import { metabolicFactor, mix, personLatent } from './conditions.js';
import { DISEASES } from './data/diseases.js';
import { type InsurerPreset, standardInsurers } from './data/insurers.js';
import { allFacilities, type MunicipalityFacilities, makeFacilities } from './facilities.js';
import { checkupWithEffects, type GuidanceCourse, guidanceFor, type LetterOutcome, letterFor } from './guidance.js';
import { healthLatent } from './health.js';
import { addDays, ageOn, makeWorld, type Person, simulateHousehold } from './population.js';
import { Rng, streamSeed } from './rng.js';

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
  /**
   * Part of a parallel run (parallel.ts): this shard simulates households index ≡ shard.index (mod
   * shard.count) and writes its own files with the suffix _s<index+1>; the output is deterministic
   * for a given seed and shard count.
   */
  shard?: { index: number; count: number };
}

export interface SynthManifest {
  generator: string;
  seed: number;
  /** Members asked for (`--members`); persons may exceed it by the last household. */
  requested: number;
  window: { start: string; end: string };
  households: number;
  persons: number;
  spans: number;
  deaths: number;
  byInsurerType: Record<string, number>;
  /** 特定健診 written, by 年度 and insurer number. */
  checkups: Record<string, Record<string, number>>;
  /** Claims written (医科・DPC・歯科・調剤). */
  claims: number;
  /** 特定保健指導 reports (hg08) written. */
  guidanceReports: number;
  /** 介護 rows written (認定, 給付費明細, Barthel). */
  careRows: number;
  /** Records (lines) and bytes of the claim files. */
  claimLines: number;
  claimBytes: number;
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
  opts: Pick<SynthOptions, 'members' | 'fromFy' | 'toFy' | 'seed' | 'shard'>,
  insurers: InsurerPreset[] = standardInsurers(),
) {
  const world = makeWorld(insurers, { start: `${opts.fromFy}-04-01`, end: `${opts.toFy + 1}-03-31` });
  const { index: first, count } = opts.shard ?? { index: 0, count: 1 };
  // A shard's share of the members (the shares add up to the total).
  const target = Math.round((opts.members * (first + 1)) / count) - Math.round((opts.members * first) / count);
  let persons = 0;
  for (let index = first; persons < target; index += count) {
    const members = simulateHousehold(opts.seed, index, world);
    persons += members.length;
    yield { index, members };
  }
}

export const TRUTH_HEADER = [
  'person_id',
  'kana_name',
  'birth_date',
  'sex',
  'fiscal_year',
  'age_fy_start',
  'insurer_number',
  'relation',
  'hypertension',
  'diabetes',
  'dyslipidemia',
  ...DISEASES.map((d) => d.key),
  'ckd',
  'dialysis',
  'dialysis_start',
  'nephropathy_stage',
  'long_stay',
  'duplicate_prescribing',
  'admissions',
  'admission_rate_next_year',
  'guidance_level',
  'guidance_completed',
  'letter_eligible',
  'letter_assigned',
  'letter_visit',
  'care_level',
  'metabolic_factor',
  'frailty',
  'death_date',
] as const;

const carePersonOf = (p: Person, frailty = 0) => ({
  id: p.id,
  name: `${p.surname}　${p.given}`,
  kanaName: `${p.surnameKana}　${p.givenKana}`,
  sex: p.sex,
  birth: p.birth,
  death: p.death,
  municipality: p.spans[0]?.municipality ?? '131016',
  frailty,
});

/** One ground-truth row per person and 年度 of their care plan (enrolled at some point of the 年度). */
function truthRow(
  seed: number,
  p: Person,
  plan: YearPlan,
  guidance: GuidanceCourse | null,
  letter: LetterOutcome | null,
  careLevel: string | null,
): string | null {
  const on = `${plan.fy}-04-01`;
  const span = p.spans.find((s) => s.start <= `${plan.fy + 1}-03-31` && (s.end === null || s.end >= on));
  if (!span || p.birth > `${plan.fy + 1}-03-31` || (p.death && p.death < on)) return null;
  const h = plan.health;
  const g = metabolicFactor(seed, p, personLatent(seed, p), plan.fy);
  const admissions = plan.stays.filter((s) => s.kind === 'acute').length;
  return `${[
    p.id,
    `${p.surnameKana}${p.givenKana}`,
    p.birth,
    p.sex,
    plan.fy,
    h.age,
    span.insurer.number,
    span.relation,
    +h.treated.hypertension,
    +h.treated.diabetes,
    +h.treated.dyslipidemia,
    ...DISEASES.map((d) => +(h.diseases[d.key] ?? false)),
    +h.ckd,
    +h.dialysis,
    plan.dialysisStart ?? '',
    h.nephropathyStage,
    +plan.longStay,
    +plan.duplicatePrescribing,
    admissions,
    h.admissionRate.toFixed(4),
    guidance ? guidance.level : '',
    guidance ? +guidance.completed : '',
    letter ? +letter.eligible : 0,
    letter ? +letter.assigned : 0,
    letter?.visit ?? '',
    careLevel ?? '',
    g.toFixed(4),
    h.frailty.toFixed(4),
    p.death ?? '',
  ].join(',')}\n`;
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
  const sfx = opts.shard && opts.shard.count > 1 ? `_s${opts.shard.index + 1}` : '';
  const shared = !opts.shard || opts.shard.index === 0;
  if (shared)
    await writeFile(
      join(opts.out, 'insurers.csv'),
      `${INSURER_LIST_HEADER.join(',')}\r\n${insurers.map((i) => [i.number, i.name, INSURER_TYPE_CSV[i.type], i.industry, i.prefecture].join(',')).join('\r\n')}\r\n`,
    );
  const register = createWriteStream(join(opts.out, `member_register${sfx}.csv`));
  register.write(iconv.encode(`${MEMBER_REGISTER_HEADER.join(',')}\r\n`, 'cp932'));
  const m: SynthManifest = {
    generator: 'kachi synth 0.3 (population, enrolment, health, care use, 特定健診・保健指導, programmes)',
    seed: opts.seed,
    requested: opts.members,
    window: { start: `${opts.fromFy}-04-01`, end: `${opts.toFy + 1}-03-31` },
    households: 0,
    persons: 0,
    spans: 0,
    deaths: 0,
    byInsurerType: {},
    checkups: {},
    claims: 0,
    guidanceReports: 0,
    careRows: 0,
    claimLines: 0,
    claimBytes: 0,
    files: [
      ...(shared ? ['insurers.csv'] : []),
      `member_register${sfx}.csv`,
      `_meta/manifest${sfx}.json`,
      `_meta/truth${sfx}.csv`,
    ],
  };
  // 特定健診 per (年度, insurer): one package writer each, documents compressed as they are generated.
  const packages = new Map<string, CheckupPackageWriter>();
  const org = CHECKUP_ORGS[0] as (typeof CHECKUP_ORGS)[number];
  let block: string[] = [];
  // One package per 年度, insurer and kind (1 特定健診, 2 特定保健指導), as a 代行機関 delivers them.
  const packageFor = (fy: number, insurer: string, kind: 1 | 2): CheckupPackageWriter => {
    const key = `${fy}|${insurer}|${kind}`;
    let pw = packages.get(key);
    if (!pw) {
      const name = `${kind === 1 ? 'kenshin' : 'hokenshido'}_FY${fy}_${insurer}${sfx}.zip`;
      pw = new CheckupPackageWriter(join(opts.out, name), {
        sender: org.code,
        receiver: insurer,
        creationDate: `${fy + 1}-${kind === 1 ? '04' : '10'}-30`,
        kind,
      });
      packages.set(key, pw);
      m.files.push(name);
    }
    return pw;
  };
  const claimFiles = new ClaimFiles(opts.out, opts.shard && opts.shard.count > 1 ? 200_000 : 400_000, sfx);
  const world = makeFacilities(opts.members);
  const facilitiesOf = new Map<string, MunicipalityFacilities>(world.map((w) => [w.municipality, w]));
  if (shared)
    await writeFacilityList(join(opts.out, 'facilities.csv'), [
      ...allFacilities(world).map((f) => ({
        code: f.code,
        name: f.name,
        type: f.kind,
        prefectureCode: f.prefecture,
        municipalityCode: f.municipality,
        beds: f.beds || null,
        functions: f.functions,
      })),
      ...careProviderFacilities(world.map((w) => w.municipality)),
    ]);
  const careFiles = new CareFiles(opts.out, sfx);
  m.files.push(...careFiles.files);
  if (shared) m.files.push('facilities.csv');
  // Ground truth, outside the ingest path: the true state of every person in every 年度, with the
  // synthetic identity needed to link it to the store (via the deployment's pseudonymiser).
  await mkdir(join(opts.out, '_meta'), { recursive: true });
  const truth = createWriteStream(join(opts.out, '_meta', `truth${sfx}.csv`));
  truth.write(`${TRUTH_HEADER.join(',')}\n`);
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
      const lat = personLatent(opts.seed, p);
      const home = facilitiesOf.get(p.spans[0]?.municipality ?? '') ?? (world[0] as MunicipalityFacilities);
      const checks = new Map<number, SynthCheckup | null>();
      const courses = new Map<number, GuidanceCourse | null>();
      const letters = new Map<number, LetterOutcome>();
      for (let fy = opts.fromFy; fy <= opts.toFy; fy++) {
        const c = opts.checkups === false ? null : checkupWithEffects(opts.seed, p, fy, lat);
        checks.set(fy, c);
        courses.set(fy, c ? guidanceFor(opts.seed, p, c, lat) : null);
        letters.set(fy, letterFor(opts.seed, p, c));
      }
      // 介護: 要介護認定, care claims and Barthel assessments (from 40; frailty shared with mortality and disease).
      let care: CareSimulation | null = null;
      if (ageOn(p.birth, `${opts.toFy + 1}-03-31`) >= 40) {
        const cr = new Rng(streamSeed(opts.seed, p.id, 0xca7e));
        const h = healthLatent(opts.seed, p, lat);
        const cp = carePersonOf(p, mix(h.frailty, 0.6, mix(h.own.dementia ?? 0, 0.5, cr.normal())));
        care = simulateCare(opts.seed, cp, opts.fromFy, opts.toFy);
        if (care.certifications.length || care.claims.length) await careFiles.add(cp, care);
      }
      const prompted = [...letters.values()].flatMap((l) => (l.visit && l.reason ? [{ date: l.visit, reason: l.reason }] : []));
      for (let fy = opts.fromFy; fy <= opts.toFy; fy++) {
        const plan = planYear(opts.seed, p, fy, home, lat, prompted);
        if (opts.claims !== false) for (const [month, mc] of planClaims(p, plan)) claimFiles.addMonth(month, mc);
        const row = truthRow(
          opts.seed,
          p,
          plan,
          courses.get(fy) ?? null,
          letters.get(fy) ?? null,
          care?.years.find((y) => y.fy === fy)?.level ?? null,
        );
        if (row) truth.write(row);
        const c = checks.get(fy);
        if (!c) continue;
        const checkupOrg = CHECKUP_ORGS[
          streamSeed(opts.seed, p.id, 0x0c9) % CHECKUP_ORGS.length
        ] as (typeof CHECKUP_ORGS)[number];
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
        await packageFor(fy, c.span.insurer.number, 1).add(checkupDocument(doc));
        const course = courses.get(fy);
        for (const rep of course?.reports ?? [])
          await packageFor(fy, c.span.insurer.number, 2).add(
            guidanceDocument({ ...rep, facilityCode: checkupOrg.code, facilityName: checkupOrg.name }),
          );
      }
    }
    if (block.length > 5000) {
      if (!register.write(iconv.encode(`${block.join('\r\n')}\r\n`, 'cp932')))
        await new Promise<void>((r) => register.once('drain', () => r()));
      block = [];
    }
  }
  if (block.length) register.write(iconv.encode(`${block.join('\r\n')}\r\n`, 'cp932'));
  claimFiles.close();
  await careFiles.close();
  m.careRows = careFiles.rows;
  m.claimLines = claimFiles.lines;
  m.claimBytes = claimFiles.bytes;
  await new Promise<void>((resolve, reject) => truth.end((err?: Error | null) => (err ? reject(err) : resolve())));
  m.claims = claimFiles.claims;
  m.files.push(...claimFiles.files.sort());
  await new Promise<void>((resolve, reject) => register.end((err?: Error | null) => (err ? reject(err) : resolve())));
  for (const [key, pw] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const [fy, insurer, kind] = key.split('|') as [string, string, string];
    await pw.close();
    if (kind === '2') {
      m.guidanceReports += pw.count;
      continue;
    }
    const byFy = m.checkups[`FY${fy}`] ?? {};
    byFy[insurer] = pw.count;
    m.checkups[`FY${fy}`] = byFy;
  }
  // The manifest (and later the ground truth) sits in _meta/, outside the ingest path.
  await mkdir(join(opts.out, '_meta'), { recursive: true });
  await writeFile(join(opts.out, '_meta', `manifest${sfx}.json`), `${JSON.stringify(m, null, 2)}\n`);
  return m;
}
