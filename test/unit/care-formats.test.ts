import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  type BarthelInput,
  type CareCertificationInput,
  type CareClaimInput,
  careClaimLine,
  readBarthel,
  readCareCertifications,
  readCareClaims,
  UNIT_PRICE_CENTS,
  writeCareCsv,
} from '../../src/formats/csv/care.js';
import { type FacilityInput, readFacilityList, writeFacilityList } from '../../src/formats/csv/facilities.js';
import { MEMBER_REGISTER_HEADER } from '../../src/formats/csv/register.js';
import { detectFormat } from '../../src/formats/detect.js';
import type { Rejection } from '../../src/formats/uke/types.js';
import { ingest } from '../../src/ingest/ingest.js';
import { CareFiles, type CarePerson, careProviderFacilities, simulateCare } from '../../src/synth/care.js';
import { CERTIFICATION_RATE_BY_AGE, COST_PER_RECIPIENT_MONTH, LEVEL_MIX } from '../../src/synth/data/care.js';
import { POPULATION_2022 } from '../../src/synth/data/demography.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from '../../src/synth/data/names.js';
import { Rng } from '../../src/synth/rng.js';
import { checkDigit } from '../../src/util/check-digit.js';
import { FIXTURES, tempDir, tempStore, testPseudo } from '../helpers/store.js';

const CARE = join(FIXTURES, 'care');

async function collect<T>(gen: AsyncGenerator<{ type: 'row'; row: T } | { type: 'rejection'; rejection: Rejection }>) {
  const rows: T[] = [];
  const rejections: Rejection[] = [];
  for await (const e of gen) {
    if (e.type === 'row') rows.push(e.row);
    else rejections.push(e.rejection);
  }
  return { rows, rejections };
}

const withoutLine = <T extends { line: number }>(rows: T[]) => rows.map(({ line: _, ...r }) => r);

/** Synthetic persons aged from `minAge` on `on`, ages drawn from the 2022 population of 65+ (5-year bands). */
function carePersons(n: number, seed: number, on: string, opts: { minBand?: number; frailty?: (r: Rng) => number } = {}) {
  const rng = new Rng(seed);
  const weights: number[] = [];
  const first = opts.minBand ?? 13;
  for (let b = first; b <= 20; b++) weights.push((POPULATION_2022.male[b] as number) + (POPULATION_2022.female[b] as number));
  const out: CarePerson[] = [];
  for (let i = 0; i < n; i++) {
    const band = first + rng.weighted(weights);
    const age = band * 5 + rng.next() * 5;
    const birth = new Date(Date.parse(`${on}T00:00:00Z`) - Math.floor(age * 365.2425) * 86_400_000).toISOString().slice(0, 10);
    const sex: 1 | 2 = rng.chance(0.5) ? 1 : 2;
    const [surname, surnameKana] = rng.pick(SURNAMES);
    const [given, givenKana] = rng.pick(sex === 1 ? MALE_NAMES : FEMALE_NAMES);
    out.push({
      id: 7_000_000 + i,
      name: `${surname}　${given}`,
      kanaName: `${surnameKana}　${givenKana}`,
      sex,
      birth,
      death: null,
      municipality: rng.chance(0.5) ? '131016' : '131041',
      frailty: opts.frailty ? opts.frailty(rng) : rng.normal(),
    });
  }
  return out;
}

const ageOn = (birth: string, on: string) =>
  Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);

describe('care CSV formats', () => {
  const persons = carePersons(300, 11, '2023-10-01', { minBand: 15, frailty: (r) => r.normal(1, 0.6) });
  const sims = persons.map((p) => simulateCare(3, p, 2022, 2023));
  const certs: CareCertificationInput[] = sims.flatMap((s) => s.certifications);
  const claims: CareClaimInput[] = sims.flatMap((s) => s.claims);
  const barthel: BarthelInput[] = sims.flatMap((s) => s.assessments);

  it('round-trips 要介護認定, 介護給付費明細 and Barthel rows in CP932 and UTF-8, detected by header', async () => {
    expect(certs.length).toBeGreaterThan(100);
    expect(claims.length).toBeGreaterThan(1000);
    expect(barthel.length).toBeGreaterThan(100);
    const hikaito: CareCertificationInput = {
      careInsurerNumber: '131011',
      insuredNumber: '0000100005',
      name: '架空　四郎',
      kanaName: 'カクウ　シロウ',
      sex: 1,
      birthDate: '1950-02-02',
      applicationKind: '新規',
      decisionDate: '2024-06-01',
      levelCode: '01',
      validFrom: null,
      validTo: null,
    };
    const dir = tempDir();
    for (const enc of ['cp932', 'utf8'] as const) {
      const c = join(dir, `cert-${enc}.csv`);
      const k = join(dir, `claims-${enc}.csv`);
      const b = join(dir, `barthel-${enc}.csv`);
      await writeCareCsv(c, 'certification', [...certs, hikaito], enc);
      await writeCareCsv(k, 'claims', claims, enc);
      await writeCareCsv(b, 'barthel', barthel, enc);
      expect(await detectFormat(c)).toBe('care-certification-csv');
      expect(await detectFormat(k)).toBe('care-claims-csv');
      expect(await detectFormat(b)).toBe('barthel-csv');
      const rc = await collect(readCareCertifications(c));
      const rk = await collect(readCareClaims(k));
      const rb = await collect(readBarthel(b));
      expect([...rc.rejections, ...rk.rejections, ...rb.rejections]).toEqual([]);
      expect(withoutLine(rc.rows)).toEqual([...certs, hikaito]);
      expect(withoutLine(rk.rows)).toEqual(claims);
      expect(withoutLine(rb.rows)).toEqual(barthel);
      expect(rk.rows[0]?.line).toBe(2);
    }
    const cp = readFileSync(join(dir, 'cert-cp932.csv'));
    expect(iconv.decode(cp, 'cp932')).toContain('要介護状態区分コード');
    expect(cp.includes(Buffer.from('\r\n'))).toBe(true);
  });

  it('claims keep the published arithmetic: 費用額 = floor(単位数 × 単価), 保険給付額 = floor(費用額 × 給付率)', () => {
    for (const c of claims) {
      const cents = Math.round(c.unitPrice * 100);
      expect(UNIT_PRICE_CENTS.has(cents)).toBe(true);
      expect(c.costYen).toBe(Math.floor((c.units * cents) / 100));
      expect(c.benefitYen).toBe(Math.floor((c.costYen * c.benefitRate) / 100));
      expect(c.benefitYen + c.publicYen + c.patientShareYen).toBe(c.costYen);
    }
    // The writer refuses what the reader would reject.
    const bad = { ...(claims[0] as CareClaimInput), costYen: (claims[0] as CareClaimInput).costYen + 1 };
    expect(() => careClaimLine(bad)).toThrow(/費用額/);
  });

  it('round-trips the facility list (医療機関等一覧) with its exact header', async () => {
    const rows: FacilityInput[] = [
      {
        code: `131012345${checkDigit('131012345')}`,
        name: '架空中央病院',
        type: '病院',
        prefectureCode: '13',
        municipalityCode: '131016',
        beds: 320,
        functions: ['DPC', '救急告示', '急性期', '回復期'],
      },
      {
        code: `131030001${checkDigit('131030001')}`,
        name: '架空駅前クリニック',
        type: '医科診療所',
        prefectureCode: '13',
        municipalityCode: '131041',
        beds: null,
        functions: ['在宅療養支援診療所', 'かかりつけ'],
      },
      {
        code: `134010005${checkDigit('134010005')}`,
        name: '架空薬局',
        type: '薬局',
        prefectureCode: '13',
        municipalityCode: null,
        beds: null,
        functions: [],
      },
      ...careProviderFacilities(['131016']),
    ];
    const dir = tempDir();
    const path = join(dir, 'facilities.csv');
    await writeFacilityList(path, rows);
    expect(iconv.decode(readFileSync(path), 'cp932').split('\r\n')[0]).toBe(
      '医療機関コード,名称,種別,都道府県コード,市区町村コード,病床数,機能',
    );
    expect(await detectFormat(path)).toBe('facility-list-csv');
    const r = await collect(readFacilityList(path));
    expect(r.rejections).toEqual([]);
    expect(withoutLine(r.rows)).toEqual(rows);
  });

  it('rejects bad rows with file, line, field and reason, and reads the good ones', async () => {
    const summary = (rs: Rejection[]) => rs.map((r) => [r.line, r.field, r.code]);
    const c = await collect(readCareCertifications(join(CARE, 'bad_certification.csv')));
    expect(c.rows.map((r) => r.line)).toEqual([2, 6]);
    expect(c.rows[1]?.levelCode).toBe('01');
    expect(summary(c.rejections)).toEqual([
      [3, '要介護状態区分コード', 'BAD_CODE'],
      [4, '認定年月日', 'BAD_DATE'],
      [5, '介護保険者番号', 'BAD_CODE'],
      [7, '認定有効期間終了日', 'BAD_DATE'],
    ]);
    for (const r of c.rejections) {
      expect(r.file).toBe(join(CARE, 'bad_certification.csv'));
      expect(r.reason.length).toBeGreaterThan(5);
    }
    const k = await collect(readCareClaims(join(CARE, 'bad_claims.csv')));
    expect(k.rows.map((r) => r.line)).toEqual([2]);
    expect(summary(k.rejections)).toEqual([
      [3, '費用額', 'ARITHMETIC'],
      [4, '保険給付額', 'ARITHMETIC'],
      [5, '給付率', 'BAD_CODE'],
      [6, 'サービス種類コード', 'BAD_CODE'],
      [7, 'サービス提供年月', 'BAD_DATE'],
      [8, '単位数単価', 'BAD_CODE'],
      [9, 'サービス種類コード', 'BAD_CODE'],
    ]);
    expect(k.rejections[0]?.reason).toContain('57377');
    const b = await collect(readBarthel(join(CARE, 'bad_barthel.csv')));
    expect(b.rows.map((r) => r.total)).toEqual([100]);
    expect(summary(b.rejections)).toEqual([
      [3, '移乗', 'BAD_CODE'],
      [4, '合計点', 'ARITHMETIC'],
      [5, '評価日', 'BAD_DATE'],
    ]);
    const f = await collect(readFacilityList(join(CARE, 'bad_facilities.csv')));
    expect(f.rows.map((r) => [r.line, r.type])).toEqual([
      [2, '病院'],
      [6, '介護事業所'],
    ]);
    expect(summary(f.rejections)).toEqual([
      [3, '医療機関コード', 'BAD_CODE'],
      [4, '病床数', 'BAD_NUMBER'],
      [5, '機能', 'BAD_CODE'],
    ]);
  });

  it('rejects a file without the required columns as a whole', async () => {
    const dir = tempDir();
    const path = join(dir, 'short.csv');
    writeFileSync(
      path,
      '介護保険者番号,介護被保険者番号,氏名カナ,性別,生年月日,評価日,事業所番号,食事\r\n131011,0000100001,カ,1,1940-01-01,2024-01-01,1370103119,10\r\n',
    );
    const r = await collect(readBarthel(path));
    expect(r.rows).toEqual([]);
    expect(r.rejections.map((x) => x.code)).toEqual(['BAD_HEADER']);
    expect(await detectFormat(path)).toBe('unknown');
  });
});

describe('care ingest', () => {
  const KOKI = `3913101${checkDigit('3913101')}`;

  /** Writes a member register for the persons (as the 後期高齢者医療 register would list them). */
  function writeRegister(path: string, persons: CarePerson[]) {
    const lines = persons.map((p, i) =>
      [
        KOKI,
        '',
        String(10_000_000 + i),
        '',
        p.name,
        p.kanaName,
        p.sex,
        p.birth,
        '本人',
        '2015-04-01',
        '',
        '',
        '',
        '',
        p.municipality,
      ].join(','),
    );
    writeFileSync(path, iconv.encode(`${MEMBER_REGISTER_HEADER.join(',')}\r\n${lines.join('\r\n')}\r\n`, 'cp932'));
  }

  it('loads care files linked to registered members, quarantines the unlinkable, stores no names, and is idempotent', async () => {
    const persons = carePersons(240, 5, '2023-10-01', { minBand: 15, frailty: (r) => r.normal(1.2, 0.5) });
    const unregistered = persons.slice(0, 8);
    const dir = tempDir();
    writeRegister(join(dir, 'member_register.csv'), persons.slice(8));
    const files = new CareFiles(dir);
    const sims = persons.map((p) => simulateCare(9, p, 2023, 2023));
    for (let i = 0; i < persons.length; i++)
      await files.add(persons[i] as CarePerson, sims[i] as ReturnType<typeof simulateCare>);
    await files.close();
    await writeFacilityList(join(dir, 'facilities.csv'), careProviderFacilities(['131016', '131041']));
    const expected = (skip: number) => {
      const s = sims.slice(skip);
      return {
        care_certification: s.reduce((n, x) => n + x.certifications.length, 0),
        care_claim: s.reduce((n, x) => n + x.claims.length, 0),
        adl_assessment: s.reduce((n, x) => n + x.assessments.length, 0),
      };
    };
    const all = expected(0);
    const linked = expected(8);
    expect(linked.care_certification).toBeGreaterThan(150);

    const store = await tempStore(true);
    const r1 = await ingest(store, testPseudo(), [dir]);
    expect(r1.totals.failed).toBe(0);
    expect(r1.files.map((f) => f.format).sort()).toEqual([
      'barthel-csv',
      'care-certification-csv',
      'care-claims-csv',
      'facility-list-csv',
      'member-register-csv',
    ]);
    const count = async (t: string) => store.scalar<number>(`select count(*) from ${t}`);
    const counts = async () => ({
      care_certification: await count('care_certification'),
      care_claim: await count('care_claim'),
      adl_assessment: await count('adl_assessment'),
      facility: await count('facility'),
    });
    const c1 = await counts();
    expect(c1).toEqual({ ...linked, facility: careProviderFacilities(['131016', '131041']).length });
    // Unlinkable rows (persons not in the register) are quarantined with a reason, one per row.
    const q = await store.query<{ reason_code: string; field: string; n: number }>(
      'select reason_code, field, count(*) as n from quarantine group by all',
    );
    const unlinkedRows =
      all.care_certification +
      all.care_claim +
      all.adl_assessment -
      linked.care_certification -
      linked.care_claim -
      linked.adl_assessment;
    expect(unlinkedRows).toBeGreaterThan(0);
    expect(q).toEqual([{ reason_code: 'UNLINKED_MEMBER', field: '氏名カナ', n: unlinkedRows }]);
    // Every care row is linked to a registered member, with the register's own key.
    for (const t of ['care_certification', 'care_claim', 'adl_assessment']) {
      expect(
        await store.scalar(
          `select count(*) from ${t} c where not exists (select 1 from member m where m.member_key = c.member_key)`,
        ),
      ).toBe(0);
    }
    const p = persons[20] as CarePerson;
    const key = testPseudo().memberKey(p.kanaName, p.birth, p.sex);
    expect(await store.scalar('select count(*) from care_certification where member_key = $1', [key])).toBe(
      sims[20]?.certifications.length,
    );
    expect(await store.scalar('select sum(cost_yen) from care_claim where member_key = $1', [key])).toBe(
      sims[20]?.claims.reduce((s, c) => s + c.costYen, 0) || null,
    );
    const u = unregistered[0] as CarePerson;
    expect(
      await store.scalar('select count(*) from care_certification where member_key = $1', [
        testPseudo().memberKey(u.kanaName, u.birth, u.sex),
      ]),
    ).toBe(0);

    // Re-ingesting the same files: skipped. The same content re-encoded (UTF-8, other bytes): rows replaced by
    // their natural keys (facility by code), nothing added.
    const r2 = await ingest(store, testPseudo(), [dir]);
    expect(r2.totals.skipped).toBe(r2.totals.files);
    const dir2 = tempDir();
    mkdirSync(join(dir2, 'care'));
    for (const f of ['care/care_certification.csv', 'care/care_claims.csv', 'care/barthel.csv', 'facilities.csv']) {
      writeFileSync(join(dir2, f), `\uFEFF${iconv.decode(readFileSync(join(dir, f)), 'cp932')}`);
    }
    const r3 = await ingest(store, testPseudo(), [dir2]);
    expect(r3.totals.loaded).toBe(4);
    expect(await counts()).toEqual(c1);

    // No clear names, kana or 介護被保険者番号 in the database file.
    const path = store.path;
    await store.run('checkpoint');
    await store.close();
    const copy = join(tempDir(), 'copy.duckdb');
    copyFileSync(path, copy);
    const db = readFileSync(copy);
    const hay = [db.toString('utf8'), db.toString('latin1')];
    for (const x of persons.slice(0, 60)) {
      const needles = [x.name, x.kanaName, x.name.replace('　', ''), String(x.id).padStart(10, '0')];
      for (const n of needles) {
        for (const h of hay) expect(h.includes(n), `${n} leaked`).toBe(false);
        expect(db.includes(iconv.encode(n, 'cp932')), `${n} leaked (cp932)`).toBe(false);
      }
    }
  });
});

describe('care simulation', () => {
  it('is byte-identical for a seed and differs across seeds', async () => {
    const persons = carePersons(150, 3, '2023-10-01', { minBand: 15, frailty: (r) => r.normal(1, 0.6) });
    const run = async (seed: number) => {
      const dir = tempDir();
      const f = new CareFiles(dir);
      for (const p of persons) await f.add(p, simulateCare(seed, p, 2023, 2024));
      await f.close();
      return f.files.map((x) => readFileSync(join(dir, x)));
    };
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    for (let i = 0; i < a.length; i++) expect((a[i] as Buffer).equals(b[i] as Buffer)).toBe(true);
    expect((a[1] as Buffer).equals(c[1] as Buffer)).toBe(false);
  });

  it('certification rate by age matches §9.1 within ±2 points (20,000 persons 65+, frailty ~ N(0,1)); level mix, recipients and cost match §9.2–9.3', () => {
    const on = '2023-10-01';
    const persons = carePersons(20_000, 42, on);
    const bands = CERTIFICATION_RATE_BY_AGE.map((b) => ({ ...b, n: 0, k: 0 }));
    const levels = new Map<string, number>();
    let certified = 0;
    let recipients = 0;
    let worse = 0;
    let renewals = 0;
    const cost = { support: [0, 0], care: [0, 0] };
    for (const p of persons) {
      const sim = simulateCare(1, p, 2023, 2023);
      const age = ageOn(p.birth, on);
      const band = bands.find((b) => age >= b.lo && age < b.hi);
      const c = sim.certifications.find((x) => (x.validFrom as string) <= on && (x.validTo as string) >= on);
      if (band) {
        band.n++;
        if (c) band.k++;
      }
      if (c) {
        certified++;
        levels.set(c.levelCode, (levels.get(c.levelCode) ?? 0) + 1);
        if (sim.claims.length > 0) recipients++;
      }
      const months = new Map<string, { level: string; cost: number }>();
      for (const k of sim.claims) {
        const m = months.get(k.serviceMonth) ?? { level: k.levelCode as string, cost: 0 };
        m.cost += k.costYen;
        months.set(k.serviceMonth, m);
      }
      for (const m of months.values()) {
        const g = m.level === '12' || m.level === '13' ? cost.support : cost.care;
        g[0] = (g[0] as number) + m.cost;
        g[1] = (g[1] as number) + 1;
      }
      for (let i = 1; i < sim.certifications.length; i++) {
        renewals++;
        if ((sim.certifications[i]?.levelCode as string) > (sim.certifications[i - 1]?.levelCode as string)) worse++;
      }
    }
    for (const b of bands) {
      expect(b.n).toBeGreaterThan(1000);
      expect(
        Math.abs(b.k / b.n - b.rate),
        `${b.lo}–${b.hi}: ${((100 * b.k) / b.n).toFixed(1)}% vs ${100 * b.rate}%`,
      ).toBeLessThan(0.02);
    }
    const total = LEVEL_MIX.reduce((s, l) => s + l.count, 0);
    for (const l of LEVEL_MIX) {
      expect(Math.abs((levels.get(l.code) ?? 0) / certified - l.count / total), `level ${l.code}`).toBeLessThan(0.025);
    }
    expect(Math.abs(recipients / certified - 0.765)).toBeLessThan(0.02);
    const perMonth = (g: number[]) => (g[0] as number) / (g[1] as number);
    expect(Math.abs(perMonth(cost.support) / COST_PER_RECIPIENT_MONTH.support - 1)).toBeLessThan(0.04);
    expect(Math.abs(perMonth(cost.care) / COST_PER_RECIPIENT_MONTH.care - 1)).toBeLessThan(0.04);
    // Levels worsen over time: about a fifth of renewals are at a worse level (cohort: "more than 20%" a year later).
    expect(worse / renewals).toBeGreaterThan(0.12);
    expect(worse / renewals).toBeLessThan(0.3);
  });
});
