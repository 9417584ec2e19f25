// The derived layer on a small hand-made dataset whose expected rows are worked out by hand: an
// admission billed on two monthly claims is one stay; a readmission 15 days later is flagged; a 疑い病名
// flags nothing; a member who switches insurer keeps one person-level history; duplicate prescribing
// by two clinics; and the 判定値, メタボ判定 and 階層化 of one examinee.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildPharmacyFile,
  buildUkeFile,
  type ClaimInput,
  type PharmacyClaimInput,
  withCheckDigit,
} from '../../src/formats/uke/writer.js';
import { ingest } from '../../src/ingest/ingest.js';
import { derive } from '../../src/derive/derive.js';
import type { Store } from '../../src/store/db.js';
import { ensureMasters } from '../../src/terminology/import.js';
import { tempDir, tempStore, testPseudo } from '../helpers/store.js';

const HOSPITAL = withCheckDigit('131100001');
const CLINIC_A = withCheckDigit('131100002');
const CLINIC_B = withCheckDigit('131100003');
const PHARMACY = withCheckDigit('134100004');
const TARO = { name: '試験　太郎', kanaName: 'シケン　タロウ', sex: 1, birthDate: '1950-05-10' } as const;
const KUMIAI = { insurerNumber: '06139901', kigo: '100', bango: '1' };
const KYOKAI = { insurerNumber: '01130012', kigo: '200', bango: '5' };

const REGISTER = `保険者番号,記号,番号,枝番,氏名,氏名カナ,性別,生年月日,本人家族区分,資格取得日,資格喪失日,事業所番号,事業所名称,業態コード,市区町村コード
06139901,100,1,00,試験　太郎,シケンタロウ,1,1950-05-10,本人,2020-04-01,2023-07-01,E1,試験電機,,131016
01130012,200,5,00,試験　太郎,シケンタロウ,1,1950-05-10,本人,2023-07-01,,E2,試験商事,,131016
`;
const INSURERS = `保険者番号,保険者名称,保険者種別,業態コード,都道府県コード
06139901,試験健康保険組合,健保組合単一,,13
01130012,全国健康保険協会 東京支部,協会けんぽ,,13
`;

const days = (...d: number[]) => {
  const a = new Array(31).fill(0);
  for (const x of d) a[x - 1] += 1;
  return a;
};
const ward = (times: number[]) => ({
  category: '90',
  burden: '1',
  lines: [{ record: 'SI' as const, code: '190117710' }],
  points: 1688,
  times: times.length,
  dayCounts: days(...times),
});
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function inpatient(month: string, admission: string, dayList: number[]): ClaimInput {
  return {
    typeCode: '1117',
    serviceMonth: month,
    patient: TARO,
    admissionDate: admission,
    insurance: { ...KUMIAI, days: dayList.length },
    edaban: '00',
    diagnoses: [{ code: '4860030', onsetDate: admission, isMain: true }],
    units: [ward(dayList)],
  };
}

function outpatient(month: string, day: number, insurer: typeof KYOKAI): ClaimInput {
  return {
    typeCode: '1118',
    serviceMonth: month,
    patient: TARO,
    insurance: { ...insurer, days: 1 },
    edaban: '00',
    diagnoses: [
      { code: '8833421', onsetDate: `${month}-${String(day).padStart(2, '0')}`, isMain: true }, // 高血圧症
      { code: '2500015', onsetDate: `${month}-${String(day).padStart(2, '0')}`, modifiers: '8002' }, // ２型糖尿病の疑い
    ],
    units: [
      { category: '12', burden: '1', lines: [{ record: 'SI', code: '112007410' }], points: 75, times: 1, dayCounts: days(day) },
      { category: '80', burden: '1', lines: [{ record: 'SI', code: '120002910' }], points: 60, times: 1, dayCounts: days(day) },
    ],
  };
}

function dispensed(prescriber: string, drug: string, unitPoints: number, day: number): PharmacyClaimInput {
  const date = `2023-08-${String(day).padStart(2, '0')}`;
  return {
    typeCode: '4118',
    serviceMonth: '2023-08',
    patient: TARO,
    prescriber: { facilityCode: prescriber, name: '試験クリニック' },
    insurance: { ...KYOKAI, receptions: 1 },
    edaban: '00',
    baseFees: [{ date, reception: 1, burden: '1', code: '410004110', points: 45 }],
    prescriptions: [
      {
        dosageForm: 1,
        usage: '001',
        unitDrugPoints: unitPoints,
        dispensings: [
          {
            prescribedDate: date,
            dispensedDate: date,
            reception: 1,
            quantity: 28,
            burden: '1',
            preparationCode: '420001810',
            preparationPoints: 24,
            drugPoints: unitPoints * 28,
            managementCode: '440011710',
            managementPoints: 50,
            drugs: [{ code: drug, quantity: 1 }],
          },
        ],
      },
    ],
  };
}

async function fixture(store: Store): Promise<void> {
  const dir = tempDir();
  writeFileSync(join(dir, 'insurers.csv'), INSURERS);
  writeFileSync(join(dir, 'member_register.csv'), REGISTER);
  const fac = (code: string, name: string, month: string) => ({ payerCode: '1', facilityCode: code, name, billingMonth: month });
  // One stay 2023-05-25 … 2023-06-10 billed in May (7 days) and June (10 days); a readmission on
  // 2023-06-25 for 3 days (15 days after discharge). All before the switch to 協会けんぽ on 2023-07-01.
  writeFileSync(
    join(dir, 'RECEIPTC_H_202306.UKE'),
    buildUkeFile(fac(HOSPITAL, '試験病院', '2023-06'), [inpatient('2023-05', '2023-05-25', range(25, 31))]),
  );
  writeFileSync(
    join(dir, 'RECEIPTC_H_202307.UKE'),
    buildUkeFile(fac(HOSPITAL, '試験病院', '2023-07'), [
      inpatient('2023-06', '2023-05-25', range(1, 10)),
      inpatient('2023-06', '2023-06-25', range(25, 27)),
    ]),
  );
  writeFileSync(
    join(dir, 'RECEIPTC_A_202309.UKE'),
    buildUkeFile(fac(CLINIC_A, '試験クリニックA', '2023-09'), [outpatient('2023-08', 3, KYOKAI)]),
  );
  // Amlodipine from two clinics in the same month: ノルバスク (brand) and アムロジピン「あすか」 (generic).
  writeFileSync(
    join(dir, 'RECEIPTY_P_202309.CYO'),
    buildPharmacyFile(fac(PHARMACY, '試験薬局', '2023-09'), [
      dispensed(CLINIC_A, '612170710', 1, 3),
      dispensed(CLINIC_B, '620007853', 1, 20),
    ]),
  );
  await ensureMasters(store);
  const r = await ingest(store, testPseudo(), [dir]);
  expect(r.totals.failed).toBe(0);
  expect(r.totals.rejected).toBe(0);
  // One examinee, written straight into the canonical table (the XML path is tested elsewhere).
  const key = await store.scalar<string>('select member_key from member');
  await store.run(
    `insert into checkup (checkup_id, member_key, insurer_number, exam_date, fiscal_year, waist_cm, bmi, sbp, dbp,
       tg_mgdl, tg_fasting, hdl_mgdl, hba1c, ast, alt, ggt, egfr, hemoglobin, urine_protein, smoking,
       med_bp, med_glucose, med_lipid, ingest_file_id, source_line)
     values ('k1', $1, '01130012', date '2023-09-15', 2023, 90, 24.5, 142, 88, 160, true, 38, 5.8, 35, 55, 120, 50, 12.5, 3, 1,
       false, false, false, 'test', 1)`,
    [key],
  );
}

describe('derived layer (hand-computed expectations)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
    await fixture(store);
    await derive(store);
  });

  it('merges the monthly claims of one admission into one stay and flags the readmission', async () => {
    const rows = await store.query(
      `select cast(start_date as varchar) as start_date, cast(end_date as varchar) as end_date, days, claims, readmission_30d
       from encounter where encounter_type = 'inpatient' order by start_date`,
    );
    expect(rows).toEqual([
      { start_date: '2023-05-25', end_date: '2023-06-10', days: 17, claims: 2, readmission_30d: false },
      { start_date: '2023-06-25', end_date: '2023-06-27', days: 3, claims: 1, readmission_30d: true },
    ]);
  });

  it('keeps one person-level history across the insurer switch', async () => {
    expect(await store.scalar('select count(distinct member_key) from member_month')).toBe(1);
    const months = await store.query<{ month: string; insurer_number: string; enrolled_days: number; claims: number }>(
      `select cast(month as varchar) as month, insurer_number, enrolled_days, claims from member_month
       where month between date '2023-06-01' and date '2023-08-01' order by month`,
    );
    expect(months).toEqual([
      { month: '2023-06-01', insurer_number: '06139901', enrolled_days: 30, claims: 2 },
      { month: '2023-07-01', insurer_number: '01130012', enrolled_days: 31, claims: 0 },
      { month: '2023-08-01', insurer_number: '01130012', enrolled_days: 31, claims: 3 },
    ]);
    // Age at the end of the month: born 1950-05-10 → 73 from May 2023 (the first month held).
    expect(await store.scalar("select age from member_month where month = date '2023-05-01'")).toBe(73);
    expect(await store.scalar('select count(*) from member_year where fiscal_year = 2023')).toBe(2);
  });

  it('flags conditions from diagnoses and drugs, never from a 疑い病名', async () => {
    const rows = await store.query('select condition, dx_claims, rx_claims, evidence from condition_year order by condition');
    expect(rows).toEqual([{ condition: 'hypertension', dx_claims: 1, rx_claims: 2, evidence: 'both' }]);
  });

  it('counts an ingredient from two prescribers as duplicate prescribing', async () => {
    expect(await store.query('select n_drugs, n_drugs_14d, duplicate_ingredients, prescribers from drug_month')).toEqual([
      { n_drugs: 1, n_drugs_14d: 1, duplicate_ingredients: 1, prescribers: 2 },
    ]);
  });

  it('judges each checkup item, the メタボ判定 and the 階層化 by the official rules', async () => {
    expect(
      await store.query(
        'select bp, tg, hdl, ldl, glucose, hba1c, ast, alt, ggt, egfr, hemoglobin, urine_protein, referral_items, metabolic from checkup_judgement',
      ),
    ).toEqual([
      {
        bp: 2,
        tg: 1,
        hdl: 1,
        ldl: null,
        glucose: null,
        hba1c: 1,
        ast: 1,
        alt: 2,
        ggt: 2,
        egfr: 1,
        hemoglobin: 1,
        urine_protein: 2,
        referral_items: 4,
        metabolic: '基準該当',
      },
    ]);
    // 腹囲 90 ≥ 85 (step 1), 血糖 (HbA1c 5.8 ≥ 5.6), 脂質, 血圧 and 喫煙: 積極的支援 at 73? No — 65 and over
    // are capped at 動機付け支援 (年度末年齢 73).
    expect(await store.query('select age_fy_end, level, risks from checkup_level')).toEqual([
      { age_fy_end: 73, level: '動機付け支援', risks: '血糖・脂質・血圧・喫煙' },
    ]);
  });
});
