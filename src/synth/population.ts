// Population and enrolment (資格) of the synthetic population, simulated household by household.
//
// Mechanisms, not cells: a household's head is drawn from the 2023 age pyramid, lives with a spouse
// and children by age, and works as an employee with the age- and sex-specific 雇用者 share; employees
// and their 被扶養者 are in 協会けんぽ, a 健保組合 or a 共済 (mix of §1.1), everyone else under 75 in the
// municipality's 国保, and everyone from the 75th birthday in 後期高齢者医療. Over the simulated years
// people die (簡易生命表 q(x)), change jobs (雇用動向調査 hazard), retire into 国保, have children, and
// children leave the household; every change closes one 資格 period and opens another, exact to the
// day, with new insurance numbers (name and birth date stay: the person can be linked across).
import type { Relation } from '../model/canonical.js';
import { checkDigit } from '../util/check-digit.js';
import {
  BIRTH_RATE_COUPLE,
  CHILD_LEAVES_AT,
  deathProbability,
  EMPLOYEE_INSURER_MIX,
  employeeShare,
  JOB_CHANGE_RATE,
  marriedShare,
  POPULATION_2022,
  retirementHazard,
  SPOUSE_DEPENDENT_SHARE,
} from './data/demography.js';
import { type InsurerPreset, MUNICIPALITIES } from './data/insurers.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './data/names.js';
import { deathProbabilityFor } from './health.js';
import { Rng, streamSeed } from './rng.js';

export interface Span {
  insurer: InsurerPreset;
  relation: Relation;
  kigo: string;
  bango: string;
  edaban: string;
  employerId: string | null;
  employerName: string | null;
  municipality: string;
  start: string;
  /** Last covered day; null while enrolled at the end of the window. */
  end: string | null;
}

export interface Person {
  /** Stable id within the run: household index × 100 + member number. */
  id: number;
  surname: string;
  surnameKana: string;
  given: string;
  givenKana: string;
  sex: 1 | 2;
  birth: string;
  death: string | null;
  spans: Span[];
}

export interface Window {
  start: string;
  end: string;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => iso(toMs(d) + n * DAY);

/** The date of the n-th birthday (29 February births: 1 March in common years). */
export function birthday(birth: string, years: number): string {
  const y = Number(birth.slice(0, 4)) + years;
  const md = birth.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-03-01`;
  return `${y}${birth.slice(4)}`;
}

export function ageOn(birth: string, on: string): number {
  const a = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? a - 1 : a;
}

/** 後期高齢者医療 started on 2008-04-01 (高齢者の医療の確保に関する法律). */
const KOKI_START = '2008-04-01';

interface World {
  insurers: InsurerPreset[];
  window: Window;
  byType: (types: string[]) => InsurerPreset[];
}

/** Household state while simulating. */
interface Household {
  rng: Rng;
  index: number;
  members: Person[];
  head: Person;
  spouse: Person | null;
  municipality: (typeof MUNICIPALITIES)[number];
  /** Employment of the head (and of a working spouse): insurer and employer, or null (国保). */
  job: { insurer: InsurerPreset; employerId: string; employerName: string } | null;
  spouseJob: { insurer: InsurerPreset; employerId: string; employerName: string } | null;
  nextMember: number;
}

function pickAge(rng: Rng, minAge: number): { age: number; sex: 1 | 2 } {
  const weights: number[] = [];
  for (let band = 0; band < 21; band++) {
    const lo = band * 5;
    const w = lo + 4 < minAge ? 0 : 1;
    weights.push(w * (POPULATION_2022.male[band] as number), w * (POPULATION_2022.female[band] as number));
  }
  const k = rng.weighted(weights);
  const band = Math.floor(k / 2);
  const age = Math.max(minAge, band * 5 + rng.int(5));
  return { age, sex: k % 2 === 0 ? 1 : 2 };
}

function newPerson(h: Household, sex: 1 | 2, birth: string, surname?: [string, string]): Person {
  const sn = surname ?? h.rng.pick(SURNAMES);
  const [given, givenKana] = h.rng.pick(sex === 1 ? MALE_NAMES : FEMALE_NAMES);
  const p: Person = {
    id: h.index * 100 + h.nextMember++,
    surname: sn[0],
    surnameKana: sn[1],
    given,
    givenKana,
    sex,
    birth,
    death: null,
    spans: [],
  };
  h.members.push(p);
  return p;
}

function pickJob(rng: Rng, world: World): NonNullable<Household['job']> {
  const k = rng.weighted([EMPLOYEE_INSURER_MIX.kyokai, EMPLOYEE_INSURER_MIX.kumiai, EMPLOYEE_INSURER_MIX.kyosai]);
  const types = k === 0 ? ['kyokai'] : k === 1 ? ['kumiai_single', 'kumiai_sogo'] : ['kyosai'];
  const candidates = world.byType(types);
  const insurer = candidates[rng.weighted(candidates.map((c) => c.weight))] as InsurerPreset;
  const e = insurer.employers[rng.weighted(insurer.employers.map((x) => x.weight))] as InsurerPreset['employers'][number];
  return { insurer, employerId: e.id, employerName: e.name };
}

/** 8-digit number with a check digit (後期 被保険者番号 must carry one: 受付エラー 3122). */
function numberWithCheck(rng: Rng): string {
  const payload = String(1_000_000 + rng.int(9_000_000));
  return `${payload}${checkDigit(payload)}`;
}

export const openSpans = (p: Person) => p.spans.filter((s) => s.end === null);
const current = (p: Person): Span | undefined => p.spans[p.spans.length - 1];

function close(p: Person, lastDay: string): void {
  const s = current(p);
  if (s && s.end === null) s.end = lastDay < s.start ? s.start : lastDay;
}

function open(p: Person, span: Omit<Span, 'end'>): void {
  if (p.death && span.start > p.death) return;
  // Once in 後期高齢者医療, always there (events processed later in a year may carry earlier dates).
  if (current(p)?.insurer.type === 'koki') return;
  close(p, addDays(span.start, -1));
  p.spans.push({ ...span, end: null });
}

/** Enrols the head (本人) and the household's dependants under the head's current situation on `date`. */
function enrolHousehold(h: Household, date: string, world: World, who: Person[]): void {
  const kokiInsurer = world.byType(['koki'])[0] as InsurerPreset;
  const kokuho = world.insurers.find((i) => i.municipality?.code === h.municipality.code) as InsurerPreset;
  const householdBango = String(10_000_000 + h.rng.int(89_999_999));
  const kigo = h.job ? String(1000 + (h.index % 9000)) : '';
  let edaban = 0;
  for (const p of who) {
    if (p.death && p.death < date) continue;
    const start = p.birth > date ? p.birth : date;
    if (ageOn(p.birth, start) >= 75) {
      if (current(p)?.insurer.type !== 'koki') {
        open(p, {
          insurer: kokiInsurer,
          relation: '本人',
          kigo: '',
          bango: numberWithCheck(h.rng),
          edaban: '',
          employerId: null,
          employerName: null,
          municipality: h.municipality.code,
          start,
        });
      }
      continue;
    }
    const isHead = p === h.head;
    const spouseWorks = p === h.spouse && h.spouseJob;
    if (spouseWorks && h.spouseJob) {
      const j = h.spouseJob;
      open(p, {
        insurer: j.insurer,
        relation: '本人',
        kigo: String(1000 + ((h.index + 5) % 9000)),
        bango: String(h.rng.int(900_000) + 100_000),
        edaban: '00',
        employerId: j.employerId,
        employerName: j.employerName,
        municipality: h.municipality.code,
        start,
      });
      continue;
    }
    if (h.job) {
      open(p, {
        insurer: h.job.insurer,
        relation: isHead ? '本人' : '家族',
        kigo,
        bango: householdBango.slice(-6),
        edaban: String(isHead ? 0 : ++edaban).padStart(2, '0'),
        employerId: h.job.employerId,
        employerName: h.job.employerName,
        municipality: h.municipality.code,
        start,
      });
    } else {
      // 国保: every member is a 被保険者 of the household's 世帯 (same 記号番号, 枝番 per person).
      open(p, {
        insurer: kokuho,
        relation: '本人',
        kigo: '',
        bango: householdBango,
        edaban: String(++edaban).padStart(2, '0'),
        employerId: null,
        employerName: null,
        municipality: h.municipality.code,
        start,
      });
    }
  }
}

/** Simulates one household over the window; the result depends only on (seed, index). */
export function simulateHousehold(seed: number, index: number, world: World): Person[] {
  const rng = new Rng(streamSeed(seed, index));
  const { start: w0, end: w1 } = world.window;
  const h: Household = {
    rng,
    index,
    members: [],
    head: null as unknown as Person,
    spouse: null,
    municipality: MUNICIPALITIES[rng.weighted(MUNICIPALITIES.map((m) => m.weight))] as (typeof MUNICIPALITIES)[number],
    job: null,
    spouseJob: null,
    nextMember: 0,
  };
  const { age, sex } = pickAge(rng, 20);
  const headBirth = addDays(addDays(w0, -Math.round(age * 365.25)), -rng.int(365));
  const surname = rng.pick(SURNAMES);
  h.head = newPerson(h, sex, headBirth, surname);
  if (rng.chance(marriedShare(age))) {
    const spouseAge = Math.max(18, Math.round(age + (sex === 1 ? -2 : 2) + rng.normal(0, 3)));
    h.spouse = newPerson(h, sex === 1 ? 2 : 1, addDays(addDays(w0, -Math.round(spouseAge * 365.25)), -rng.int(365)), surname);
  }
  // Children living at home: mother's age at birth 25–38 (⚠️ inferred from the 2023 birth-order pattern).
  if (age >= 25 && age < 65) {
    const n = rng.poisson(age < 45 ? 1.3 : age < 55 ? 1.0 : 0.4);
    for (let k = 0; k < n; k++) {
      const childAge = age - 25 - rng.int(14);
      if (childAge < 0 || childAge > CHILD_LEAVES_AT) continue;
      newPerson(h, rng.chance(0.512) ? 1 : 2, addDays(addDays(w0, -Math.round(childAge * 365.25)), -rng.int(365)), surname);
    }
  }
  if (rng.chance(employeeShare(age, sex))) h.job = pickJob(rng, world);
  if (h.spouse && rng.chance(employeeShare(ageOn(h.spouse.birth, w0), h.spouse.sex) * (1 - SPOUSE_DEPENDENT_SHARE))) {
    h.spouseJob = pickJob(rng, world);
  }
  // Current 資格 began some years before the window (job tenure), not before birth or 2008-04-01 for 後期.
  const tenureStart = addDays(w0, -rng.int(3650));
  enrolHousehold(h, tenureStart, world, h.members);
  for (const p of h.members) {
    const s = p.spans[0];
    if (!s) continue;
    if (s.start < p.birth) s.start = p.birth;
    if (s.insurer.type === 'koki') {
      const b75 = birthday(p.birth, 75);
      s.start = b75 > KOKI_START ? b75 : KOKI_START;
    }
  }

  // Catch up 75th birthdays between the start of the current 資格 and the window (後期 from the birthday).
  for (const p of h.members) {
    const b75 = birthday(p.birth, 75);
    if (b75 <= tenureStart || b75 >= w0 || current(p)?.insurer.type === 'koki') continue;
    if (p === h.head && h.job) {
      h.job = null;
      enrolHousehold(h, b75, world, h.members);
    } else enrolHousehold(h, b75, world, [p]);
  }

  // Year-by-year events inside the window.
  for (let ys = w0; ys <= w1; ys = birthday(ys, 1)) {
    const ye = addDays(birthday(ys, 1), -1) < w1 ? addDays(birthday(ys, 1), -1) : w1;
    const dayIn = () => addDays(ys, rng.int(Math.max(1, Math.round((toMs(ye) - toMs(ys)) / DAY) + 1)));
    const alive = (p: Person, d: string) => !p.death || p.death >= d;
    // 75th birthdays: 後期高齢者医療 from the birthday itself; an employee's 被扶養者 leave with them.
    for (const p of h.members) {
      const b75 = birthday(p.birth, 75);
      if (b75 < ys || b75 > ye || !alive(p, b75) || current(p)?.insurer.type === 'koki') continue;
      if (p === h.head && h.job) {
        h.job = null;
        enrolHousehold(
          h,
          b75,
          world,
          h.members.filter((m) => alive(m, b75)),
        );
      } else enrolHousehold(h, b75, world, [p]);
    }
    // The head's work: retirement into 国保, job changes, or a new job for a 国保 head under 65.
    const headAge = ageOn(h.head.birth, ys);
    if (alive(h.head, ye) && headAge < 75) {
      if (h.job && rng.chance(retirementHazard(headAge, h.job.insurer.type))) {
        h.job = null;
        enrolHousehold(h, dayIn(), world, h.members);
      } else if (h.job && headAge < 60 && rng.chance(h.head.sex === 1 ? JOB_CHANGE_RATE.male : JOB_CHANGE_RATE.female)) {
        h.job = pickJob(rng, world);
        enrolHousehold(
          h,
          dayIn(),
          world,
          h.members.filter((m) => m === h.head || current(m)?.relation === '家族'),
        );
      } else if (!h.job && headAge < 60 && rng.chance(0.08)) {
        h.job = pickJob(rng, world);
        enrolHousehold(h, dayIn(), world, h.members);
      }
    }
    // Births to couples of child-bearing age.
    const mother = h.head.sex === 2 ? h.head : h.spouse;
    if (
      mother &&
      h.spouse &&
      alive(mother, ye) &&
      ageOn(mother.birth, ys) >= 25 &&
      ageOn(mother.birth, ys) < 45 &&
      rng.chance(BIRTH_RATE_COUPLE)
    ) {
      const child = newPerson(h, rng.chance(0.512) ? 1 : 2, dayIn(), [h.head.surname, h.head.surnameKana]);
      enrolHousehold(h, child.birth, world, [child]);
    }
    // Children leave on the 1 April after their 22nd birthday: their own job, or their own 国保.
    for (const p of h.members) {
      if (p === h.head || p === h.spouse || !alive(p, ys)) continue;
      const b = birthday(p.birth, CHILD_LEAVES_AT);
      const leave = `${Number(b.slice(0, 4)) + (b.slice(5) >= '04-02' ? 1 : 0)}-04-01`;
      if (leave < ys || leave > ye) continue;
      const own: Household = {
        ...h,
        head: p,
        spouse: null,
        spouseJob: null,
        members: [p],
        job: rng.chance(0.85) ? pickJob(rng, world) : null,
      };
      enrolHousehold(own, leave, world, [p]);
    }
    // Deaths.
    for (const p of [...h.members]) {
      if (!alive(p, ys) || p.birth > ys) continue;
      // Mortality linked to health: frailty (mean 1 over the population) and the JSDT rate on dialysis.
      const age = ageOn(p.birth, ys);
      if (rng.chance(deathProbabilityFor(seed, p, age, deathProbability(age, p.sex)))) {
        p.death = dayIn();
        close(p, p.death);
        if (p === h.head) {
          // The 被扶養者 lose their 資格 with the 被保険者: the household continues under the spouse.
          const next = h.spouse && alive(h.spouse, p.death) ? h.spouse : null;
          if (next) {
            h.head = next;
            h.spouse = null;
            h.job = h.spouseJob;
            h.spouseJob = null;
            const rest = h.members.filter((m) => m !== p && alive(m, p.death as string));
            enrolHousehold(h, addDays(p.death, 1), world, rest);
          }
        }
      }
    }
  }
  // No 資格 after death: spans opened by events dated before a death end on the day of death.
  for (const p of h.members) {
    if (!p.death) continue;
    p.spans = p.spans.filter((sp) => sp.start <= (p.death as string));
    const last = p.spans[p.spans.length - 1];
    if (last && (last.end === null || last.end > p.death)) last.end = p.death;
  }
  return h.members.filter((p) => p.spans.length > 0 && (p.spans[p.spans.length - 1]?.end ?? '9999') >= w0 && p.birth <= w1);
}

export function makeWorld(insurers: InsurerPreset[], window: Window): World {
  return { insurers, window, byType: (types) => insurers.filter((i) => types.includes(i.type)) };
}
