import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RegisterRow, readMemberRegister } from '../../src/formats/csv/register.js';
import { ingest } from '../../src/ingest/ingest.js';
import { writeSynthPopulation } from '../../src/synth/emit.js';
import { ageOn } from '../../src/synth/population.js';
import { tempDir, tempStore, testPseudo } from '../helpers/store.js';

const N = 20_000;

async function rows(dir: string): Promise<RegisterRow[]> {
  const out: RegisterRow[] = [];
  for await (const e of readMemberRegister(join(dir, 'member_register.csv'))) {
    if (e.type === 'rejection') throw new Error(JSON.stringify(e.rejection));
    out.push(e.row);
  }
  return out;
}

/** Members enrolled on a date, by insurer number, through the normal register reader. */
function snapshot(all: RegisterRow[], on: string) {
  return all.filter((r) => r.startDate <= on && (r.endDate === null || r.endDate >= on));
}

describe('synthetic population: enrolment', () => {
  it('is deterministic for a seed (every file byte-identical) and differs across seeds', async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    const ma = await writeSynthPopulation({ members: 1200, fromFy: 2023, toFy: 2024, seed: 7, out: a });
    const mb = await writeSynthPopulation({ members: 1200, fromFy: 2023, toFy: 2024, seed: 7, out: b });
    const mc = await writeSynthPopulation({ members: 1200, fromFy: 2023, toFy: 2024, seed: 8, out: c });
    expect(mb.files).toEqual(ma.files);
    for (const f of ma.files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const reg = (d: string) => readFileSync(join(d, 'member_register.csv'));
    expect(reg(a).equals(reg(c))).toBe(false);
    // Different people, the same statistics: claims and checkups per person within 20%.
    const perPerson = (m: typeof ma) => m.claims / m.persons;
    expect(perPerson(mc) / perPerson(ma)).toBeGreaterThan(0.8);
    expect(perPerson(mc) / perPerson(ma)).toBeLessThan(1.25);
  });

  it(`has the age structure and 本人/家族 mix of each insurer type (${N} members, calibration §1.1)`, async () => {
    const dir = tempDir();
    const m = await writeSynthPopulation({
      members: N,
      fromFy: 2022,
      toFy: 2024,
      seed: 1,
      out: dir,
      checkups: false,
      claims: false,
    });
    expect(m.persons).toBeGreaterThanOrEqual(N);
    const all = await rows(dir);
    const insurers = readFileSync(join(dir, 'insurers.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const typeOf = new Map(insurers.map((i) => [i[0] as string, i[2] as string]));
    const on = '2023-10-01';
    const snap = snapshot(all, on);
    const byType = new Map<string, { ages: number[]; honnin: number; kazoku: number }>();
    for (const r of snap) {
      const t = (typeOf.get(r.insurerNumber) as string).replace(/単一|総合/, '');
      const s = byType.get(t) ?? { ages: [], honnin: 0, kazoku: 0 };
      s.ages.push(ageOn(r.birthDate, on));
      if (r.relation === '本人') s.honnin++;
      else s.kazoku++;
      byType.set(t, s);
    }
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const stats = Object.fromEntries(
      [...byType].map(([t, s]) => [
        t,
        {
          n: s.ages.length,
          meanAge: +mean(s.ages).toFixed(1),
          dependantsPerInsured: +(s.kazoku / s.honnin).toFixed(2),
          share6574: +(s.ages.filter((a) => a >= 65 && a < 75).length / s.ages.length).toFixed(3),
        },
      ]),
    );
    console.log(JSON.stringify(stats));
    // Published FY2019 values (MHLW 各保険者の比較): mean age 国保 53.6, 協会 38.1, 組合 35.2, 共済 32.9, 後期 82.5;
    // 家族 per 本人 協会 0.63, 組合 0.76, 共済 0.87; 65–74 share 国保 43.6%, 協会 7.7%, 組合 3.4%.
    expect(stats.市町村国保?.meanAge).toBeGreaterThan(48);
    expect(stats.市町村国保?.meanAge).toBeLessThan(60);
    expect(stats.協会けんぽ?.meanAge).toBeGreaterThan(32);
    expect(stats.協会けんぽ?.meanAge).toBeLessThan(44);
    expect(stats.健保組合?.meanAge).toBeGreaterThan(30);
    expect(stats.健保組合?.meanAge).toBeLessThan(42);
    expect(stats.後期高齢者医療?.meanAge).toBeGreaterThan(79);
    expect(stats.後期高齢者医療?.meanAge).toBeLessThan(86);
    expect(stats.協会けんぽ?.dependantsPerInsured).toBeGreaterThan(0.4);
    expect(stats.協会けんぽ?.dependantsPerInsured).toBeLessThan(0.9);
    // Rules that hold exactly: nobody under 75 in 後期, nobody 75+ elsewhere; one 資格 per person at a time.
    for (const r of snap) {
      const t = typeOf.get(r.insurerNumber);
      expect(t === '後期高齢者医療', `${r.birthDate} ${t}`).toBe(ageOn(r.birthDate, on) >= 75);
    }
    const perPerson = new Map<string, number>();
    for (const r of snap) {
      const k = `${r.kanaName}|${r.birthDate}|${r.sex}`;
      perPerson.set(k, (perPerson.get(k) ?? 0) + 1);
    }
    const dup = [...perPerson.values()].filter((v) => v > 1).length;
    expect(dup / perPerson.size).toBeLessThan(0.01); // only true homonyms with the same birth date
  });
});

describe('synthetic register through the real ingest', () => {
  it('loads every row and document and links a person across insurer switches by name and birth date', async () => {
    const { ingest } = await import('../../src/ingest/ingest.js');
    const { tempStore, testPseudo } = await import('../helpers/store.js');
    const dir = tempDir();
    const m = await writeSynthPopulation({ members: 2000, fromFy: 2022, toFy: 2024, seed: 3, out: dir, claims: false });
    const store = await tempStore();
    const r = await ingest(store, testPseudo(), [dir]);
    expect(r.totals.failed).toBe(0);
    expect(r.totals.rejected).toBe(0);
    expect(await store.scalar<number>('select count(*) from enrollment')).toBe(m.spans);
    // People with more than one insurer over the years keep one member_key (linkage by name + birth date).
    const switched = await store.scalar<number>(
      'select count(*) from (select member_key from enrollment group by member_key having count(distinct insurer_number) > 1)',
    );
    expect(switched).toBeGreaterThan(0);
    expect(await store.scalar<number>('select count(distinct member_key) from enrollment')).toBeLessThanOrEqual(m.persons);
  });
});

describe('synthetic 特定健診 (calibration §4.2, §4.3, §6.1)', () => {
  it('participation by insurer type and risk shares by sex, through the real readers and the indicator engine', async () => {
    const { runPipeline } = await import('../../src/pipeline/run.js');
    const { tempStore, testPseudo } = await import('../helpers/store.js');
    const dir = tempDir();
    await writeSynthPopulation({ members: 15_000, fromFy: 2023, toFy: 2023, seed: 5, out: dir, claims: false });
    const store = await tempStore();
    await runPipeline(store, { inputs: [dir], reportsDir: join(tempDir(), 'r'), pseudo: testPseudo() });
    const rate = async (t: string) =>
      store.scalar<number>(
        "select value from indicator_result where indicator_id = 'tokutei_kenshin_rate' and entity_type = 'insurer_type' and entity_id = $1 and period = 'FY2023' and stratum = 'all'",
        [t],
      );
    // MHLW FY2023 実施率: 国保 38.2, 協会 58.7, 健保組合 82.9, 共済 82.6.
    expect(Math.abs((await rate('kokuho')) - 38.2)).toBeLessThan(6);
    expect(Math.abs((await rate('kyokai')) - 58.7)).toBeLessThan(6);
    expect(Math.abs((await rate('kumiai_single')) - 82.9)).toBeLessThan(7);
    expect(Math.abs((await rate('kyosai')) - 82.6)).toBeLessThan(8);
    const shares = await store.query<Record<string, number>>(
      `select m.sex,
         100.0 * avg(case when bmi >= 25 then 1 else 0 end) as bmi25,
         100.0 * avg(case when sbp >= 140 then 1 else 0 end) as sbp140,
         100.0 * avg(case when hba1c >= 6.5 then 1 else 0 end) as a1c65,
         100.0 * avg(case when ldl_mgdl >= 140 then 1 else 0 end) as ldl140,
         100.0 * avg(case when med_bp then 1 else 0 end) as med_bp,
         100.0 * avg(case when smoking = 1 then 1 else 0 end) as smoking
       from checkup c join member m using (member_key) group by m.sex order by m.sex`,
    );
    // NDB FY2021 examinees (40–74): 男 BMI≥25 36.9, SBP≥140 20.3, HbA1c≥6.5 9.5, LDL≥140 30.6, 降圧薬 24.9, 喫煙 32.0;
    // 女 21.7, 16.0, 4.6, 30.3, 17.6, 9.6. Tolerances cover sampling error and the age mix of a small population.
    const expected = [
      { bmi25: 36.9, sbp140: 20.3, a1c65: 9.5, ldl140: 30.6, med_bp: 24.9, smoking: 32.0 },
      { bmi25: 21.7, sbp140: 16.0, a1c65: 4.6, ldl140: 30.3, med_bp: 17.6, smoking: 9.6 },
    ];
    shares.forEach((row, i) => {
      for (const [k, v] of Object.entries(expected[i] as Record<string, number>)) {
        expect(Math.abs((row[k] as number) - v), `${row.sex} ${k}: ${(row[k] as number).toFixed(1)} vs ${v}`).toBeLessThan(5);
      }
    });
  });
});

describe('synthetic claims (step 3a: chronic care)', () => {
  it('load cleanly and agree with the 質問票: people on BP medication have hypertension claims', async () => {
    const { runPipeline } = await import('../../src/pipeline/run.js');
    const { tempStore, testPseudo } = await import('../helpers/store.js');
    const dir = tempDir();
    const m = await writeSynthPopulation({ members: 3000, fromFy: 2023, toFy: 2023, seed: 11, out: dir });
    expect(m.claims).toBeGreaterThan(1000);
    const store = await tempStore();
    const res = await runPipeline(store, { inputs: [dir], reportsDir: join(tempDir(), 'r'), pseudo: testPseudo() });
    expect(res.ingest?.totals.failed).toBe(0);
    expect(res.ingest?.totals.rejected).toBe(0);
    // Every claim is linked to a registered member, and no code is unknown to the shipped masters.
    expect(await store.scalar('select count(*) from claim where member_key not in (select member_key from member)')).toBe(0);
    expect(await store.scalar('select count(*) from unknown_code')).toBe(0);
    const agree = await store.query<{ med_bp: boolean; n: number; with_claims: number }>(
      `select c.med_bp, count(*) as n,
              sum(case when exists (
                select 1 from claim k join claim_diagnosis d using (claim_id)
                where k.member_key = c.member_key and d.disease_code = '8840107'
                  and k.service_month between date '2023-04-01' and date '2024-03-01') then 1 else 0 end) as with_claims
       from checkup c group by c.med_bp order by c.med_bp`,
    );
    const [off, on] = agree;
    expect((on?.with_claims ?? 0) / (on?.n ?? 1)).toBeGreaterThan(0.9);
    expect((off?.with_claims ?? 0) / (off?.n ?? 1)).toBeLessThan(0.15);
    // The ground truth (_meta/truth.csv, never ingested) links to the store through the same pseudonymiser:
    // recall and precision of "has hypertension claims in FY2023" against the true state.
    const pseudo = testPseudo();
    const truth = readFileSync(join(dir, '_meta', 'truth.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const withClaims = new Set(
      (
        await store.query<{ k: string }>(
          "select distinct k.member_key as k from claim k join claim_diagnosis d using (claim_id) where d.disease_code = '8840107'",
        )
      ).map((r) => r.k),
    );
    let tp = 0;
    let fn = 0;
    let fp = 0;
    for (const [, kana, birth, sex, fy, , , , htn] of truth) {
      if (fy !== '2023') continue;
      const has = withClaims.has(pseudo.memberKey(kana as string, birth as string, Number(sex)));
      if (htn === '1' && has) tp++;
      else if (htn === '1') fn++;
      else if (has) fp++;
    }
    expect(tp / (tp + fn)).toBeGreaterThan(0.95);
    expect(tp / (tp + fp)).toBeGreaterThan(0.9);
  });
});

describe('kachi synth validate', () => {
  it('recomputes the calibration targets from the files and judges them against their tolerance', async () => {
    const { validateSynthetic } = await import('../../src/synth/validate.js');
    const dir = tempDir();
    await writeSynthPopulation({ members: 4000, fromFy: 2023, toFy: 2023, seed: 21, out: dir, claims: false });
    const checks = await validateSynthetic(dir);
    const ids = checks.map((c) => c.id);
    expect(ids).toContain('mean_age_koki');
    expect(ids).toContain('care_rate_85');
    // Without claims the claim-based targets have no value and fail; the rest are computed.
    for (const c of checks.filter((x) => x.id.startsWith('checkup_rate') || x.id.startsWith('mean_age')))
      expect(c.generated, c.id).toBeTypeOf('number');
    expect(checks.find((c) => c.id === 'cost_40_64')?.pass).toBe(false);
    expect(checks.find((c) => c.id === 'mean_age_koki')?.pass).toBe(true);
    expect(checks.find((c) => c.id === 'checkup_rate_kokuho')?.pass).toBe(true);
  });
});

describe('parallel generation (worker threads)', () => {
  it('writes the same bytes for a seed and worker count, and the shards load like one population', async () => {
    // Worker threads run compiled code: the test imports the built module (npm test builds first).
    const { writeSynthParallel } = (await import(
      join(import.meta.dirname, '..', '..', 'dist', 'synth', 'parallel.js')
    )) as typeof import('../../src/synth/parallel.js');
    const a = tempDir();
    const b = tempDir();
    const ma = await writeSynthParallel({ members: 800, fromFy: 2023, toFy: 2023, seed: 12, out: a }, 2);
    const mb = await writeSynthParallel({ members: 800, fromFy: 2023, toFy: 2023, seed: 12, out: b }, 2);
    expect(ma.shards).toBe(2);
    expect(ma.persons).toBeGreaterThanOrEqual(800);
    expect(mb.files).toEqual(ma.files);
    for (const f of ma.files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    expect(ma.files).toContain('member_register_s1.csv');
    expect(ma.files).toContain('member_register_s2.csv');
    const store = await tempStore();
    const report = await ingest(store, testPseudo(), [a]);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.rejected).toBe(0);
    expect(Number(await store.scalar('select count(*) from claim'))).toBe(ma.claims);
    await store.close();
  });
});
