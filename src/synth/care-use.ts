// Care use of a synthetic person, 年度 by 年度: chronic care at the usual clinic (a visit a month with
// a 28-day prescription), acute outpatient episodes, ambulance (ER) visits, acute admissions with
// unplanned readmissions and post-acute transfers, long stays, chronic dialysis, and the prescriptions
// that become 調剤 claims. The plan is data; claims.ts turns it into レセプト (one 医科 claim per person ×
// facility × month × 入院/入院外, one 調剤 claim per person × pharmacy × month).
import { type Conditions, type Latent, metabolicFactor, personLatent, probit } from './conditions.js';
import {
  ACUTE_LOS,
  ACUTE_REVISITS,
  ADMISSIONS_PER_100,
  AMBULANCE_ADMITTED,
  AMBULANCE_PER_YEAR,
  DENTAL_USE,
  FIRST_VISITS_M,
  INPATIENT_RATE,
  INPATIENT_SCALE_2023,
  OUTPATIENT_DAYS_PER_RATE,
  OUTPATIENT_RATE,
  POST_ACUTE_DAYS,
  HOME_CARE_SHARE,
  POST_ACUTE_SHARE_75,
  READMISSION_28D,
  SPECIALIST_SHARE,
} from './data/admissions.js';
import { POPULATION_2022 } from './data/demography.js';
import { DENTAL_DIAGNOSES, DENTAL_EPISODES, DENTAL_FEES, dentalEpisodeWeight } from './data/dental.js';
import { CKD, DIALYSIS, DISEASES } from './data/diseases.js';
import {
  ACUTE_ADD_ONS,
  ORAL_ANTICANCER,
  ACUTE_EPISODES,
  DRUGS,
  LATER_DRUG_SHARE,
  METABOLIC_REGIMENS,
  SUPPORTIVE_65,
} from './data/drugs.js';
import { ADMISSION_GROUPS, type AdmissionGroup, CHEMO, FEES, type Fee } from './data/fees.js';
import type { Facility, MunicipalityFacilities } from './facilities.js';
import { ageYears, dialysisOnset, type HealthState, healthAt, healthLatent, interpolateBands, onDialysis } from './health.js';
import { addDays, type Person } from './population.js';
import { Rng, streamSeed, textHash } from './rng.js';

export interface Prescription {
  prescriber: Facility;
  days: number;
  /** 医薬品コード, units a day (使用量) and yen per day of each drug. */
  drugs: { code: string; yen: number; key: string; perDay?: number }[];
}

export interface Visit {
  date: string;
  facility: Facility;
  kind: 'chronic' | 'acute' | 'revisit' | 'er' | 'dialysis' | 'dental' | 'home';
  diagnoses: string[];
  items: Fee[];
  /** Items given on several days of the month (dialysis sessions): dates. */
  sessions?: string[];
  rx?: Prescription;
}

export interface Stay {
  facility: Facility;
  admit: string;
  /** Last day in hospital (the discharge day). */
  discharge: string;
  kind: 'acute' | 'post' | 'long';
  emergency: boolean;
  group: AdmissionGroup;
  readmission: boolean;
}

export interface YearPlan {
  fy: number;
  visits: Visit[];
  stays: Stay[];
  /** The state at the start of the 年度 (for the ground truth). */
  health: HealthState;
  dialysisStart: string | null;
  duplicatePrescribing: boolean;
  longStay: boolean;
  /** On home medical care (訪問診療) this 年度. */
  homeCare: boolean;
}

const DAY = 86_400_000;
/** Acute reasons followed by 回復期・地域包括ケア stays in the old (about half of 75+ admissions are these). */
const POST_ACUTE_GROUPS = new Set(['pneumonia', 'aspiration', 'heart_failure', 'stroke', 'hip_fracture', 'copd']);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

/** People of an age band (thousands, 2022), for per-capita rates from national counts; 90+ pooled. */
function bandPopulation(sex: 1 | 2, band: number): number {
  const t = sex === 1 ? POPULATION_2022.male : POPULATION_2022.female;
  if (band < 18) return t[band] as number;
  return (t[18] as number) + (t[19] as number) + (t[20] as number);
}

/** New outpatient episodes a year (初診 per capita, NDB FY2022). */
export function firstVisitRate(age: number, sex: 1 | 2): number {
  const band = Math.min(18, Math.floor(age / 5));
  const m = (sex === 1 ? FIRST_VISITS_M.male : FIRST_VISITS_M.female)[band] as number;
  return (m * 1000) / bandPopulation(sex, band);
}

function ambulanceRate(age: number): number {
  if (age < 7) return AMBULANCE_PER_YEAR.infant;
  if (age < 18) return AMBULANCE_PER_YEAR.child;
  if (age < 65) return AMBULANCE_PER_YEAR.adult;
  return AMBULANCE_PER_YEAR.elderly;
}

/** Share of the year spent in long stays at an age: the inpatient days acute stays do not cover. */
export function longStayShare(age: number): number {
  const days = (interpolateBands(INPATIENT_RATE, age) * INPATIENT_SCALE_2023 * 365) / 100_000;
  const acute = (interpolateBands(ADMISSIONS_PER_100, age) / 100) * interpolateBands(ACUTE_LOS, age);
  return Math.max(0, days - acute) / 365;
}

/** The drugs of the chronic regimen (persistent choices: the same person gets the same drugs). */
export function chronicDrugs(seed: number, p: Person, lat: Latent, state: HealthState): Prescription['drugs'] {
  const u = new Rng(streamSeed(seed, p.id, 0xd2a9));
  const draws = Array.from({ length: 64 }, () => u.next());
  const generic = (lat.z.generic as number) < 0.84;
  const out: Prescription['drugs'] = [];
  const add = (key: string) => {
    const d = DRUGS[key];
    if (!d || out.some((x) => x.key === key)) return;
    const [code, yen] = generic && d.generic ? d.generic : d.brand;
    const perDay = d.perDay ?? 1;
    out.push({ code, yen: yen * perDay, key, perDay });
  };
  let k = 0;
  for (const cond of ['hypertension', 'diabetes', 'dyslipidemia'] as (keyof Conditions)[]) {
    const regimen = METABOLIC_REGIMENS[cond];
    for (const [key, share] of regimen) {
      const draw = draws[k++] as number;
      if (!state.treated[cond]) continue;
      if (cond === 'diabetes' && key === 'metformin' && state.nephropathyStage >= 4) continue; // contraindicated (eGFR < 30)
      if (draw < share) add(key === 'dpp4' && (state.ckd || state.nephropathyStage >= 3) ? 'dpp4Renal' : key);
    }
  }
  if (out.length && state.age >= 65)
    SUPPORTIVE_65.forEach((sup, i) => {
      if ((draws[(40 + i) % draws.length] as number) < (state.age >= 75 ? sup.share75 : sup.share65)) add(sup.key);
    });
  if (state.diseases.cancer) {
    // One persistent draw: the person's oral anticancer drug, if any (ORAL_ANTICANCER).
    let x = draws[62] as number;
    for (const o of ORAL_ANTICANCER[p.sex]) {
      if (x < o.share) {
        add(o.key);
        break;
      }
      x -= o.share;
    }
  }
  // Phosphate binder for most patients on dialysis (⚠️ share assumed).
  if (state.dialysis && (draws[63] as number) < 0.7) add('lanthanum');
  for (const d of DISEASES) {
    d.regimen.forEach((key, i) => {
      const draw = draws[(k + i) % draws.length] as number;
      if (state.diseases[d.key] && (i === 0 || draw < LATER_DRUG_SHARE)) add(key);
    });
    k += d.regimen.length;
  }
  return out;
}

/** Specialist follow-up kinds: diagnosis, typical tests and drug, weights by age group ⚠️. */
const SPECIALTIES: { diagnosis: string; items: Fee[]; drug: string | null; weight: readonly [number, number, number] }[] = [
  { diagnosis: '4939008', items: [FEES.ecg], drug: 'montelukast', weight: [3, 1, 0.6] }, // 気管支喘息 (小児科・呼吸器)
  { diagnosis: '5351003', items: [FEES.echo], drug: 'famotidine', weight: [0.3, 1.5, 1.2] }, // 慢性胃炎 (消化器)
  { diagnosis: '7242031', items: [FEES.xrayDiagnosis, FEES.xrayDigital], drug: 'loxoprofen', weight: [0.2, 1.2, 1.5] }, // 慢性腰痛症 (整形外科)
  { diagnosis: '7330006', items: [FEES.xrayDiagnosis, FEES.xrayDigital], drug: null, weight: [0, 0.3, 1.2] }, // 骨粗鬆症
  { diagnosis: '4273014', items: [FEES.ecg, FEES.echo], drug: 'doac', weight: [0, 0.2, 0.8] }, // 慢性心房細動 (循環器): a DOAC, as most AF patients now
];

const pickWeighted = <T>(r: Rng, items: readonly T[], weight: (t: T) => number): T => items[r.weighted(items.map(weight))] as T;

/** The plan of one 年度 for one person (deterministic per seed, person and 年度). */
export function planYear(
  seed: number,
  p: Person,
  fy: number,
  fac: MunicipalityFacilities,
  lat: Latent = personLatent(seed, p),
  /** Visits prompted by a programme (受診勧奨): a first visit at the usual clinic for the condition. */
  prompted: { date: string; reason: keyof Conditions }[] = [],
): YearPlan {
  const start = `${fy}-04-01`;
  const end = `${fy + 1}-03-31`;
  const r = new Rng(streamSeed(seed, p.id, 0xca2e, fy));
  const g = metabolicFactor(seed, p, lat, fy);
  const health = healthAt(seed, p, lat, g, start);
  const hl = healthLatent(seed, p, lat);
  const age = health.age;
  const last = p.death && p.death < end ? p.death : end;
  const visits: Visit[] = [];
  const stays: Stay[] = [];
  const plan: YearPlan = {
    fy,
    visits,
    stays,
    health,
    dialysisStart: null,
    duplicatePrescribing: false,
    longStay: false,
    homeCare: false,
  };
  if (p.birth > end || last < start) return plan;
  const from = p.birth > start ? p.birth : start;
  const dayIn = (a: string, b: string) => addDays(a, r.int(Math.max(1, daysBetween(a, b) + 1)));
  const usualIndex = streamSeed(seed, p.id, 0xc11) % fac.clinics.length;
  const usual = fac.clinics[usualIndex] as Facility;
  const other = () => fac.clinics[(usualIndex + 1 + r.int(Math.max(1, fac.clinics.length - 1))) % fac.clinics.length] as Facility;
  const ageGroup = age < 15 ? 0 : age < 65 ? 1 : 2;

  // Long stays: the frailest people of their age, in the chronic-care hospital all year.
  const longLiability = 0.8 * hl.frailty + 0.6 * (hl.own.dementia ?? 0);
  if (age >= 15 && longLiability / Math.hypot(0.8, 0.6) > probit(1 - longStayShare(age))) {
    plan.longStay = true;
    stays.push({
      facility: fac.chronicHospital,
      admit: addDays(start, -30 - (streamSeed(seed, p.id, 0x1095) % 300)),
      discharge: last,
      kind: 'long',
      emergency: false,
      group: pickWeighted(
        r,
        ADMISSION_GROUPS,
        (gr) => (gr.diagnosis === '0000999' ? 0 : gr.disease && health.diseases[gr.disease] ? 6 : 1) * gr.weight[2],
      ),
      readmission: false,
    });
    return plan;
  }

  // Acute admissions (Poisson), some by ambulance, with readmissions and post-acute transfers.
  const nAdmissions = Math.min(6, r.poisson(health.admissionRate));
  const admitDates = Array.from({ length: nAdmissions }, () => dayIn(from, last)).sort();
  const emergencyShare = Math.min(0.9, (ambulanceRate(age) * AMBULANCE_ADMITTED) / Math.max(0.01, health.admissionRate));
  let freeFrom = from;
  for (const d0 of admitDates) {
    const admit = d0 < freeFrom ? freeFrom : d0;
    if (admit > last) break;
    const group = pickWeighted(
      r,
      ADMISSION_GROUPS,
      (gr) => (gr.disease && health.diseases[gr.disease] ? 6 : 1) * gr.weight[ageGroup],
    );
    const los = Math.max(1, Math.round(interpolateBands(ACUTE_LOS, age) * Math.exp(0.5 * r.normal() - 0.125)));
    let discharge = addDays(admit, los - 1);
    if (discharge > last) discharge = last;
    stays.push({
      facility: fac.acuteHospital,
      admit,
      discharge,
      kind: 'acute',
      emergency: r.chance(emergencyShare),
      group,
      readmission: false,
    });
    freeFrom = addDays(discharge, 1);
    if (age >= 75 && POST_ACUTE_GROUPS.has(group.key) && r.chance(POST_ACUTE_SHARE_75 * 2) && freeFrom <= last) {
      const days = POST_ACUTE_DAYS[0] + r.int(POST_ACUTE_DAYS[1] - POST_ACUTE_DAYS[0]);
      const d = addDays(freeFrom, days - 1) > last ? last : addDays(freeFrom, days - 1);
      stays.push({
        facility: fac.chronicHospital,
        admit: freeFrom,
        discharge: d,
        kind: 'post',
        emergency: false,
        group,
        readmission: false,
      });
      freeFrom = addDays(d, 1);
    } else if (r.chance(READMISSION_28D)) {
      const re = addDays(freeFrom, 2 + r.int(25));
      if (re <= last) {
        const d = addDays(re, Math.max(1, Math.round(los * 0.7)) - 1);
        stays.push({
          facility: fac.acuteHospital,
          admit: re,
          discharge: d > last ? last : d,
          kind: 'acute',
          emergency: true,
          group,
          readmission: true,
        });
        freeFrom = addDays(d > last ? last : d, 1);
      }
    }
  }
  const inHospital = (date: string) => stays.some((s) => s.admit <= date && date <= s.discharge);
  // Home medical care: the next-frailest after the long stays are seen at home twice a month by their
  // usual clinic instead of visiting it.
  const homeBound =
    age >= 60 && longLiability / Math.hypot(0.8, 0.6) > probit(1 - longStayShare(age) - interpolateBands(HOME_CARE_SHARE, age));
  plan.homeCare = homeBound;

  // Chronic care: dialysis three times a week at the dialysis clinic, or a monthly visit at the usual clinic.
  const regimen = chronicDrugs(seed, p, lat, health);
  const diagnoses = chronicDiagnoses(health);
  // Dialysis that starts during the 年度 (ground truth; its sessions begin the month it starts).
  plan.dialysisStart = health.dialysis ? null : dialysisOnset(hl, p, from, last);
  const chronic = diagnoses.length > 0 || plan.dialysisStart !== null;
  if (chronic) {
    const duplicate = age >= 65 && regimen.some((d) => d.key === 'zolpidem' || d.key === 'loxoprofen') && r.chance(0.08);
    plan.duplicatePrescribing = duplicate;
    const second = duplicate ? other() : null;
    for (let m = 0; m < 12; m++) {
      const y = fy + Math.floor((m + 3) / 12);
      const mo = ((m + 3) % 12) + 1;
      const month = `${y}-${String(mo).padStart(2, '0')}`;
      const day = `${month}-${String(1 + r.int(27)).padStart(2, '0')}`;
      if (day < from || day > last || inHospital(day)) continue;
      const dialysisNow = health.dialysis || onDialysis(hl, p, ageYears(p.birth, day));
      if (dialysisNow) {
        const firstDay = plan.dialysisStart?.startsWith(month) ? plan.dialysisStart : `${month}-01`;
        const sessions = dialysisSessions(month, firstDay < from ? from : firstDay, last).filter((d) => !inHospital(d));
        visits.push({
          date: sessions[0] ?? day,
          facility: fac.dialysisClinic,
          kind: 'dialysis',
          diagnoses: [
            DIALYSIS.diagnosis,
            ...(health.treated.diabetes ? [DIALYSIS.nephropathyDiagnosis] : []),
            ...diagnoses.slice(0, 3),
          ],
          items: [
            FEES.dialysisManagement,
            FEES.cbc,
            FEES.bloodJudgement,
            FEES.biochemJudgement,
            ...(regimen.length ? [FEES.prescription] : []),
          ],
          sessions,
          rx: regimen.length ? { prescriber: fac.dialysisClinic, days: 28, drugs: regimen } : undefined,
        });
        continue;
      }
      if (!diagnoses.length) continue;
      if (homeBound) {
        const second = addDays(day, 14) <= last && addDays(day, 14).startsWith(month) ? addDays(day, 14) : null;
        for (const [i, d] of [day, second].entries()) {
          if (!d || inHospital(d)) continue;
          const items: Fee[] = [FEES.homeVisit];
          // 在宅時医学総合管理料 once a month (the clinic is assumed not to be a 在宅療養支援診療所 ⚠️).
          if (i === 0) items.push(FEES.homeManagement, FEES.cbc, FEES.bloodJudgement, FEES.biochemPanel, FEES.biochemJudgement);
          if (i === 0 && regimen.length) items.push(FEES.prescription);
          visits.push({
            date: d,
            facility: usual,
            kind: 'home',
            diagnoses,
            items,
            rx: i === 0 && regimen.length ? { prescriber: usual, days: 28, drugs: regimen } : undefined,
          });
        }
        continue;
      }
      const lifestyle = health.treated.hypertension || health.treated.diabetes || health.treated.dyslipidemia;
      const items: Fee[] = [FEES.revisit, lifestyle ? FEES.lifestyle2 : FEES.specificDisease];
      if (!lifestyle) items.push(FEES.outpatientManagement);
      if (health.treated.diabetes && mo % 3 === 0) items.push(FEES.hba1c);
      items.push(FEES.cbc, FEES.bloodJudgement, FEES.biochemPanel, FEES.biochemJudgement);
      if (!lifestyle && regimen.length) items.push(FEES.prescriptionSpecific);
      if ((health.ckd || health.nephropathyStage >= 3) && mo % 3 === 1) items.push(FEES.urine, FEES.urineJudgement);
      if (regimen.length) items.push(FEES.prescription);
      visits.push({
        date: day,
        facility: usual,
        kind: 'chronic',
        diagnoses,
        items,
        rx: regimen.length ? { prescriber: usual, days: 28, drugs: regimen } : undefined,
      });
      if (second) {
        // 重複投薬: a second clinic prescribes the same kind of drug (a hypnotic or an NSAID) again.
        const dup = regimen.filter((d) => d.key === 'zolpidem' || d.key === 'loxoprofen');
        const d2 = addDays(day, 3) <= last ? addDays(day, 3) : day;
        visits.push({
          date: d2,
          facility: second,
          kind: 'chronic',
          diagnoses: diagnoses.slice(0, 1),
          items: [FEES.revisit, FEES.outpatientManagement, FEES.prescription],
          rx: { prescriber: second, days: 28, drugs: dup },
        });
      }
    }
  }

  // Outpatient chemotherapy at the acute hospital for some people with cancer (one persistent draw;
  // shares ⚠️ from the order of Japanese immune-checkpoint and oxaliplatin sales over about 1.7 million
  // patients under treatment, halved because the cancer flag here also holds survivors): the drug, the 外来腫瘍化学療法診療料 and the drip, with blood tests on
  // the first session of each month.
  if (health.diseases.cancer) {
    const x = new Rng(streamSeed(seed, p.id, 0xc4e0)).next();
    const regimen = x < 0.006 ? CHEMO.nivolumab : x < 0.012 ? CHEMO.pembrolizumab : x < 0.022 ? CHEMO.oxaliplatin : null;
    if (regimen) {
      let month = '';
      for (let d = addDays(from, r.int(regimen.every)); d <= last; d = addDays(d, regimen.every)) {
        if (inHospital(d)) continue;
        const items: Fee[] = [FEES.outpatientChemo, FEES.dripOutpatient, regimen.drug, FEES.cbc];
        if (d.slice(0, 7) !== month) items.push(FEES.biochemPanel, FEES.bloodJudgement, FEES.biochemJudgement);
        month = d.slice(0, 7);
        visits.push({
          date: d,
          facility: fac.acuteHospital,
          kind: 'revisit',
          diagnoses: chronicDiagnoses(health).slice(0, 2),
          items,
        });
      }
    }
  }

  // Rehabilitation at an orthopaedic clinic for chronic joint pain in the old: about weekly (⚠️ assumed).
  if (health.diseases.joint_pain && age >= 60 && !homeBound && r.chance(0.45)) {
    const ortho = other();
    for (let d = addDays(from, r.int(7)); d <= last; d = addDays(d, 6 + r.int(4))) {
      if (inHospital(d)) continue;
      visits.push({
        date: d,
        facility: ortho,
        kind: 'revisit',
        diagnoses: ['7153018'],
        items: [FEES.revisit, FEES.outpatientManagement, FEES.rehabMotor, FEES.rehabMotor],
      });
    }
  }

  // Specialist follow-up (眼科・皮膚科・耳鼻科・泌尿器科 …): visits with tests, imaging now and then, and
  // a short prescription; frailer people go more often.
  const nSpecialist = r.poisson(
    interpolateBands(OUTPATIENT_RATE, age) *
      OUTPATIENT_DAYS_PER_RATE *
      SPECIALIST_SHARE *
      Math.exp(0.5 * hl.frailty - 0.125) *
      ((daysBetween(from, last) + 1) / 365),
  );
  if (nSpecialist > 0 && !homeBound) {
    const clinic = other();
    const sp = pickWeighted(r, SPECIALTIES, (x) => x.weight[ageGroup]);
    for (let i = 0; i < nSpecialist; i++) {
      const date = dayIn(from, last);
      if (inHospital(date)) continue;
      const items: Fee[] = [i === 0 ? FEES.firstVisit : FEES.revisit, FEES.outpatientManagement, ...sp.items];
      if (r.chance(0.5)) items.push(FEES.cbc, FEES.crp, FEES.bloodJudgement, FEES.biochemJudgement);
      if (r.chance(0.15)) items.push(...(r.chance(0.5) ? [FEES.xrayDiagnosis, FEES.xrayDigital] : [FEES.echo]));
      let rx: Prescription | undefined;
      const drug = sp.drug ? DRUGS[sp.drug] : undefined;
      if (drug && r.chance(0.3)) {
        items.push(FEES.prescription);
        const [code, yen] = (lat.z.generic as number) < 0.84 && drug.generic ? drug.generic : drug.brand;
        const perDay = drug.perDay ?? 1;
        rx = { prescriber: clinic, days: 14, drugs: [{ code, yen: yen * perDay, key: sp.drug as string, perDay }] };
      }
      visits.push({ date, facility: clinic, kind: 'revisit', diagnoses: [sp.diagnosis], items, rx });
    }
  }

  // Acute outpatient episodes (初診) with their revisits, mostly at the usual clinic.
  const nEpisodes = r.poisson((firstVisitRate(age, p.sex) * (daysBetween(from, last) + 1)) / 365);
  const episodes = ACUTE_EPISODES[ageGroup === 0 ? 'child' : ageGroup === 1 ? 'adult' : 'elderly'];
  for (let i = 0; i < nEpisodes; i++) {
    const date = dayIn(from, last);
    if (inHospital(date)) continue;
    const ep = pickWeighted(r, episodes, (e) => e.weight);
    const clinic = r.chance(0.55) ? usual : other();
    // 小児科外来診療料 (包括: 初・再診料, 検査, 処方箋料 included) for children under 6 at a clinic that
    // claims it (⚠️ assumed 6 clinics in 10).
    const pediatric = age < 6 && textHash(clinic.code) % 10 < 6;
    const items: Fee[] = pediatric ? [] : [FEES.firstVisit];
    if (age < 6 && !pediatric) items.push(FEES.infantFirstVisit);
    if (!pediatric && r.chance(age < 15 ? 0.4 : 0.3)) items.push(FEES.cbc, FEES.crp, FEES.bloodJudgement, FEES.biochemJudgement);
    const drug = ep.drug ? DRUGS[ep.drug] : null;
    const generic = (lat.z.generic as number) < 0.84;
    let rx: Prescription | undefined;
    if (drug && r.chance(0.85)) {
      items.push(FEES.prescription);
      const [code, yen] = generic && drug.generic ? drug.generic : drug.brand;
      const perDay = drug.perDay ?? 1;
      const drugs: Prescription['drugs'] = [{ code, yen: yen * perDay, key: ep.drug as string, perDay }];
      for (const add of ACUTE_ADD_ONS[ep.drug as string] ?? []) {
        const d = DRUGS[add.key];
        if (!d || !r.chance(add.share)) continue;
        const [c2, y2] = generic && d.generic ? d.generic : d.brand;
        drugs.push({ code: c2, yen: y2 * (d.perDay ?? 1), key: add.key, perDay: d.perDay ?? 1 });
      }
      rx = { prescriber: clinic, days: 3 + r.int(5), drugs };
    }
    if (pediatric) items.splice(0, items.length, rx ? FEES.pediatricFirstRx : FEES.pediatricFirst);
    visits.push({ date, facility: clinic, kind: 'acute', diagnoses: [ep.diagnosis], items, rx });
    const revisits = r.poisson(age < 15 ? ACUTE_REVISITS * 2 : age < 40 ? ACUTE_REVISITS * 1.5 : ACUTE_REVISITS);
    for (let k = 1; k <= revisits; k++) {
      const d = addDays(date, 3 + 4 * k + r.int(3));
      if (d > last || inHospital(d)) break;
      visits.push({
        date: d,
        facility: clinic,
        kind: 'revisit',
        diagnoses: [ep.diagnosis],
        items: pediatric ? [FEES.pediatricRevisit] : [FEES.revisit, FEES.outpatientManagement],
      });
    }
  }

  for (const v of prompted) {
    if (v.date < from || v.date > last || inHospital(v.date)) continue;
    const items: Fee[] = [FEES.firstVisit, FEES.cbc, FEES.bloodJudgement, FEES.biochemJudgement];
    if (v.reason === 'diabetes') items.push(FEES.hba1c);
    const diagnosis = { hypertension: '8840107', diabetes: '2500015', dyslipidemia: '8844446' }[v.reason];
    visits.push({ date: v.date, facility: usual, kind: 'acute', diagnoses: [diagnosis], items });
  }

  // Ambulance transports not admitted: the acute hospital's emergency department.
  const nEr = r.poisson((ambulanceRate(age) * (1 - AMBULANCE_ADMITTED) * (daysBetween(from, last) + 1)) / 365);
  for (let i = 0; i < nEr; i++) {
    const date = dayIn(from, last);
    if (inHospital(date)) continue;
    const group = pickWeighted(r, ADMISSION_GROUPS, (gr) => gr.weight[ageGroup]);
    const items: Fee[] = [FEES.firstVisit, FEES.emergencyTransport, FEES.cbc, FEES.bloodJudgement, FEES.biochemJudgement];
    if (group.ct || r.chance(0.3)) items.push(FEES.ct);
    visits.push({ date, facility: fac.acuteHospital, kind: 'er', diagnoses: [group.diagnosis], items });
  }
  // Dental care: a share of people by age has one or two episodes a year at a dental clinic.
  if (fac.dentalClinics.length && r.chance(interpolateBands(DENTAL_USE, age))) {
    const dental = fac.dentalClinics[streamSeed(seed, p.id, 0xde2) % fac.dentalClinics.length] as Facility;
    const nDental = r.chance(0.6) ? 2 : 1;
    for (let e = 0; e < nDental; e++) {
      const ep = pickWeighted(r, DENTAL_EPISODES, (x) => dentalEpisodeWeight(x, age));
      const diag = DENTAL_DIAGNOSES[ep.diagnosis];
      let date = dayIn(from, last);
      for (const [k, v] of ep.visits.entries()) {
        if (date > last) break;
        const items: Fee[] = [];
        for (const f of v.fees) {
          const fee = DENTAL_FEES[f.fee];
          for (let t = 0; t < f.times; t++) items.push({ category: fee.category, code: fee.code, points: fee.points });
        }
        if (k === 0 || !inHospital(date))
          visits.push({
            date,
            facility: dental,
            kind: 'dental',
            diagnoses: [diag.code === '0000999' ? `0000999:${diag.name}` : diag.code],
            items,
          });
        date = addDays(date, 7 + r.int(8));
      }
    }
  }
  visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return plan;
}

/** Monday–Wednesday–Friday sessions of a month from a date (about 13 a month). */
function dialysisSessions(month: string, from: string, last: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if ((dow === 1 || dow === 3 || dow === 5) && d >= from && d <= last) out.push(d);
  }
  return out;
}

/** レセ電 傷病名 of the chronic conditions under care (main first). */
export function chronicDiagnoses(h: HealthState): string[] {
  const out: string[] = [];
  if (h.treated.diabetes) out.push(h.nephropathyStage >= 2 ? '8830042' : '2500015'); // ２型糖尿病性腎症 / ２型糖尿病
  if (h.treated.hypertension) out.push('8840107'); // 本態性高血圧症
  if (h.treated.dyslipidemia) out.push('8844446'); // 脂質異常症
  for (const d of DISEASES) if (h.diseases[d.key] && !out.includes(d.diagnosis)) out.push(d.diagnosis);
  if (h.ckd && !h.dialysis) out.push(CKD.diagnosis);
  return out;
}
