import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derive/derive.js';
import { computeIndicators } from '../../src/measures/compute.js';
import type { Store } from '../../src/store/db.js';
import { tempStore } from '../helpers/store.js';

interface P {
  key: string;
  insurer: string;
  birthYm: string;
  start: string;
  end?: string;
  examined?: string;
  sex?: number;
  /** Month of the day before the birth date; defaults to birthYm (not born on the 1st). */
  ageBaseYm?: string;
}

async function seed(store: Store, people: P[]): Promise<void> {
  await store.run(
    "insert into insurer values ('06139992', 'A健保', 'kumiai_single', null, '13'), ('01130012', 'B支部', 'kyokai', null, '13')",
  );
  for (const p of people) {
    await store.run('insert into member values ($1, $2, $3, $4, $5, null, null)', [
      p.key,
      p.sex ?? 1,
      p.birthYm,
      p.ageBaseYm ?? p.birthYm,
      '本人',
    ]);
    await store.run("insert into enrollment values ($1, $1, $2, '本人', null, null, $3::date, $4::date, 'f', 1)", [
      p.key,
      p.insurer,
      p.start,
      p.end ?? null,
    ]);
    if (p.examined) {
      await store.run(
        "insert into checkup (checkup_id, member_key, insurer_number, exam_date, fiscal_year, ingest_file_id, source_line) values ($1, $2, $3, $4::date, 2024, 'f', 1)",
        [`c-${p.key}`, p.key, p.insurer, p.examined],
      );
    }
  }
}

describe('特定健診受診率 (hand-computed)', () => {
  it('counts full-year members aged 40–74 at fiscal-year end and those examined', async () => {
    const store = await tempStore();
    const people: P[] = [];
    // Insurer A: 12 eligible, 6 examined → 50.0%.
    for (let i = 0; i < 12; i++)
      people.push({
        key: `a${i}`,
        insurer: '06139992',
        birthYm: '1970-06',
        start: '2010-04-01',
        examined: i < 6 ? '2024-06-10' : undefined,
      });
    // Age boundary: born 1985-03 is 40 on 2025-03-31 (target); born 1985-04 is 39 (not a target).
    people.push({ key: 'age40', insurer: '06139992', birthYm: '1985-03', start: '2010-04-01', examined: '2024-07-01' });
    people.push({ key: 'age39', insurer: '06139992', birthYm: '1985-04', start: '2010-04-01', examined: '2024-07-01' });
    // Born 1 April 1985: legally 40 on 31 March 2025 (age base month 1985-03) → a target.
    people.push({ key: 'apr1', insurer: '06139992', birthYm: '1985-04', ageBaseYm: '1985-03', start: '2010-04-01' });
    // Joined mid-year: not a target even though examined.
    people.push({ key: 'mid', insurer: '06139992', birthYm: '1970-01', start: '2024-10-01', examined: '2025-01-10' });
    // Insurer B: 9 eligible, 9 examined → suppressed (denominator < 10).
    for (let i = 0; i < 9; i++)
      people.push({ key: `b${i}`, insurer: '01130012', birthYm: '1960-01', start: '2000-04-01', examined: '2024-09-01' });
    // A claim dated in FY2024 makes FY2024 a period of the store.
    await seed(store, people);
    await store.run(
      "insert into claim (claim_id, insurer_number, facility_code, claim_kind, claim_type_code, service_month, billing_month, points, ingest_file_id, source_line) values ('x', '06139992', '1311234569', '医科入院外', '1112', date '2024-05-01', date '2024-06-01', 100, 'f', 1)",
    );
    await derive(store);
    await computeIndicators(store, 'test-run');
    const get = (entityType: string, entityId: string) =>
      store.query<{
        numerator: number;
        denominator: number;
        value: number | null;
        suppressed: boolean;
        ci_low: number;
        ci_high: number;
      }>(
        "select numerator, denominator, value, suppressed, ci_low, ci_high from indicator_result where indicator_id = 'tokutei_kenshin_rate' and entity_type = $1 and entity_id = $2 and period = 'FY2024' and stratum = 'all'",
        [entityType, entityId],
      );
    const [a] = await get('insurer', '06139992');
    expect(a).toMatchObject({ numerator: 7, denominator: 14, suppressed: false });
    expect(a?.value).toBeCloseTo(50, 10);
    // Wilson 95% interval for 7/14 (hand-computed): 26.8%–73.2%.
    expect(a?.ci_low).toBeCloseTo(26.8, 1);
    expect(a?.ci_high).toBeCloseTo(73.2, 1);
    const [b] = await get('insurer', '01130012');
    expect(b).toMatchObject({ numerator: 9, denominator: 9, value: null, suppressed: true });
    const [all] = await get('all', 'all');
    expect(all).toMatchObject({ numerator: 16, denominator: 23, suppressed: false });
    const [kumiai] = await get('insurer_type', 'kumiai_single');
    expect(kumiai).toMatchObject({ numerator: 7, denominator: 14 });
  });

  it('suppresses at 9 and shows at 10', async () => {
    const store = await tempStore();
    const people: P[] = [];
    for (let i = 0; i < 10; i++)
      people.push({ key: `a${i}`, insurer: '06139992', birthYm: '1970-06', start: '2010-04-01', examined: '2024-06-10' });
    await seed(store, people);
    await derive(store);
    await computeIndicators(store, 'r');
    const v = await store.query<{ value: number | null }>(
      "select value from indicator_result where entity_type = 'insurer' and stratum = 'all' and period = 'FY2024'",
    );
    expect(v).toEqual([{ value: 100 }]);
  });
});
