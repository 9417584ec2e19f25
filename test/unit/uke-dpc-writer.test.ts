// DPC claims written from typed stays (one claim per calendar month, 包括 by 入院期間), and a 歯科 claim
// built from the 令和6年 歯科 fee table: both read back with zero rejections and round-trip to bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLines } from '../../src/formats/uke/codec.js';
import { readUke } from '../../src/formats/uke/reader.js';
import type { UkeClaim, UkeEvent } from '../../src/formats/uke/types.js';
import {
  buildDpcFile,
  buildUkeFile,
  type ClaimInput,
  claimInputFromClaim,
  type DpcClaimInput,
  dpcClaimInputFromClaims,
  dpcClaimRecords,
  dpcMonths,
  type FacilityInput,
  UkeStreamWriter,
  UkeWriteError,
  type UnitInput,
} from '../../src/formats/uke/writer.js';
import { DENTAL_DIAGNOSES, DENTAL_EPISODES, DENTAL_FEES } from '../../src/synth/data/dental.js';
import { DPC_GROUPS } from '../../src/synth/data/dpc-groups.js';
import { tempDir } from '../helpers/store.js';

async function read(path: string) {
  const ev: UkeEvent[] = [];
  for await (const e of readUke(path)) ev.push(e);
  const claims = ev.flatMap((e) => (e.type === 'claim' ? [e.claim] : []));
  const rejections = ev.flatMap((e) => (e.type === 'rejection' ? [e.rejection] : []));
  const head = ev.flatMap((e) => (e.type === 'facility' ? [e.facility.record] : []));
  const tail = ev.flatMap((e) => (e.type === 'trailer' ? [e.trailer.record] : []));
  const trailer = ev.find((e) => e.type === 'trailer');
  return { claims, rejections, trailer, records: [...head, ...claims.flatMap((c) => c.records), ...tail] };
}

const days = (...pairs: [number, number][]) => {
  const d = new Array(31).fill(0);
  for (const [day, n] of pairs) d[day - 1] = n;
  return d;
};

const HOSPITAL: FacilityInput = {
  payerCode: '1',
  facilityCode: '1311234569',
  name: 'テスト総合病院',
  billingMonth: '2024-07',
  phone: '0300000000',
};

/** 誤嚥性肺炎, 2024-05-25 → 2024-06-12 (19 days): two monthly claims. Illustrative 点数表 values. */
const STAY_A: DpcClaimInput = {
  typeCode: '1111',
  patient: { name: '入院　次郎', kanaName: 'ニュウインジロウ', sex: 1, birthDate: '1938-02-15' },
  chartNo: 'A-0345',
  insurance: { insurerNumber: '06139992', kigo: '１２', bango: '３４' },
  edaban: '01',
  admissionDate: '2024-05-25',
  dischargeDate: '2024-06-12',
  outcome: '2',
  admissionRoute: 3,
  dpc: { code: '040081xx99x0xx', periodDays: [6, 21, 60], pointsPerDay: [2850, 2100, 1790] },
  facilityCoefficient: 1.2345,
  diagnoses: [
    { code: '5070003', icd10: 'J690', role: '01' },
    { code: '5070003', icd10: 'J690', role: '11' },
    { code: '5070003', icd10: 'J690', role: '21' },
    { code: '8840107', icd10: 'I10', role: '41' },
  ],
  units: [
    // 集団栄養食事指導料 (医学管理: 出来高 in DPC), May 28.
    {
      month: '2024-05',
      category: '13',
      burden: '1',
      lines: [{ record: 'SI', code: '113003410' }],
      points: 80,
      times: 1,
      dayCounts: days([28, 1]),
    },
    // 入院時食事療養 (円, outside the points), June 1–10.
    {
      month: '2024-06',
      category: '97',
      burden: '1',
      lines: [{ record: 'SI', code: '197000110' }],
      points: 690,
      times: 30,
      dayCounts: days(...Array.from({ length: 10 }, (_, i): [number, number] => [i + 1, 3])),
    },
  ],
  monthly: {
    '2024-05': { patientShareYen: 44400 },
    '2024-06': { patientShareYen: 44400, mealTimes: 30, mealYen: 14700 },
  },
};

/** 大腸ポリープ, 2024-06-03 → 06-05, 内視鏡的切除 (出来高 手術) with a 公費 (第1公費 over 医保). */
const STAY_B: DpcClaimInput = {
  typeCode: '1121',
  patient: { name: '短期　花子', kanaName: 'タンキハナコ', sex: 2, birthDate: '1960-09-30' },
  insurance: { insurerNumber: '138008', kigo: '', bango: '７８９０' },
  publicPayers: [{ payerNumber: '54136015', recipientNumber: '1234567' }],
  admissionDate: '2024-06-03',
  dischargeDate: '2024-06-05',
  outcome: '1',
  admissionRoute: 1,
  dpc: { code: '060100xx01xxxx', periodDays: [1, 3, 30], pointsPerDay: [3000, 2100, 1800] },
  facilityCoefficient: 1.2345,
  bundleBurden: '2',
  diagnoses: [
    { code: '0000999', name: '大腸ポリープ', icd10: 'K635', role: '01' },
    { code: '0000999', name: '大腸ポリープ', icd10: 'K635', role: '11' },
    { code: '0000999', name: '大腸ポリープ', icd10: 'K635', role: '21' },
  ],
  procedures: [{ kubun: 'K7211', date: '2024-06-04', name: '内視鏡的大腸ポリープ・粘膜切除術' }],
  units: [
    // 手術 on June 4 (the code is illustrative: レセ電 手術 codes are not in the bundled subset).
    {
      month: '2024-06',
      category: '50',
      burden: '2',
      lines: [{ record: 'SI', code: '150285010' }],
      points: 5000,
      times: 1,
      dayCounts: days([4, 1]),
    },
  ],
};

describe('DPC writer', () => {
  it('splits a stay by calendar month and 入院期間 (admission and discharge days both counted)', () => {
    const [may, june] = dpcMonths(STAY_A);
    expect(may).toMatchObject({ serviceMonth: '2024-05', from: '2024-05-25', to: '2024-05-31', days: 7 });
    expect(may?.periods).toEqual([
      { period: 1, pointsPerDay: 2850, days: 6, subtotal: 17100 },
      { period: 2, pointsPerDay: 2100, days: 1, subtotal: 2100 },
    ]);
    expect(may?.bundledPoints).toBe(Math.round(19200 * 1.2345)); // 23702
    expect(june).toMatchObject({ serviceMonth: '2024-06', from: '2024-06-01', to: '2024-06-12', days: 12 });
    expect(june?.periods).toEqual([{ period: 2, pointsPerDay: 2100, days: 12, subtotal: 25200 }]);
    expect(june?.bundledPoints).toBe(31109);
    // Days beyond 入院期間 III are outside the 包括.
    const long = dpcMonths({ ...STAY_A, dischargeDate: '2024-08-10', dpc: { ...STAY_A.dpc, periodDays: [6, 21, 60] } });
    expect(long.map((m) => m.periods.reduce((a, p) => a + p.days, 0))).toEqual([7, 30, 23, 0]);
  });

  it('writes RE(40) BU SB KK SK GA HH GT + 出来高 that read back with 包括 + 出来高 and zero rejections', async () => {
    const p = join(tempDir(), 'RECEIPTD.UKE');
    const bytes = buildDpcFile(HOSPITAL, [STAY_A, STAY_B]);
    writeFileSync(p, bytes);
    const r = await read(p);
    expect(r.rejections).toEqual([]);
    expect(r.claims).toHaveLength(3);
    for (const c of r.claims) {
      expect(c.kind).toBe('DPC');
      expect(c.warnings).toEqual([]); // HO/KO 合計点数 = recomputed
      expect(c.records[0]?.fields).toHaveLength(40);
    }
    const [a1, a2, b] = r.claims as [UkeClaim, UkeClaim, UkeClaim];
    expect(a1.records.map((x) => x.fields[0])).toEqual([
      'RE',
      'HO',
      'SN',
      'BU',
      'SB',
      'SB',
      'SB',
      'SB',
      'KK',
      'GA',
      'HH',
      'HH',
      'GT',
      'SI',
    ]);
    expect(b.records.map((x) => x.fields[0])).toEqual([
      'RE',
      'HO',
      'KO',
      'SN',
      'BU',
      'SB',
      'SB',
      'SB',
      'KK',
      'SK',
      'GA',
      'HH',
      'HH',
      'GT',
      'SI',
    ]);

    expect(a1).toMatchObject({ serviceMonth: '2024-05-01', admissionDate: '2024-05-25', receiptNo: 1 });
    expect(a1.dpc).toEqual({
      code: '040081xx99x0xx',
      admissionDate: '2024-05-25',
      dischargeDate: null,
      outcome: '',
      bundledPoints: 23702,
    });
    expect(a1.insurance).toMatchObject({ days: 7, points: 23702 + 80, patientShareYen: 44400 });
    expect(a2).toMatchObject({ serviceMonth: '2024-06-01', admissionDate: '2024-05-25', receiptNo: 2 });
    expect(a2.dpc).toMatchObject({ dischargeDate: '2024-06-12', outcome: '2', bundledPoints: 31109 });
    // 食事 (診療識別 97, yen) stays out of the points.
    expect(a2.insurance).toMatchObject({ days: 12, points: 31109, mealTimes: 30, mealYen: 14700 });
    expect(a2.computed.insurance).toBe(31109);
    expect(a1.diagnoses.map((d) => [d.code, d.icd10, d.dpcRole, d.isMain])).toEqual([
      ['5070003', 'J690', '01', false],
      ['5070003', 'J690', '11', true],
      ['5070003', 'J690', '21', false],
      ['8840107', 'I10', '41', false],
    ]);

    expect(b.dpc).toEqual({
      code: '060100xx01xxxx',
      admissionDate: '2024-06-03',
      dischargeDate: '2024-06-05',
      outcome: '1',
      bundledPoints: Math.round(7200 * 1.2345),
    });
    expect(b.computed).toEqual({ insurance: 8888 + 5000, publicPayers: [8888 + 5000] });
    expect(b.insurance).toMatchObject({ days: 3, points: 13888 });
    expect(b.publicPayers[0]).toMatchObject({ payerNumber: '54136015', recipientNumber: '1234567', days: 3, points: 13888 });
    expect(b.diagnoses[0]).toMatchObject({ code: '0000999', name: '大腸ポリープ', icd10: 'K635' });
    expect(b.details[0]).toMatchObject({ category: '50', code: '150285010', points: 5000, times: 1 });

    // GO: 件数 = HO + KO (1 + 1 + 2), points = main payer of each claim.
    expect(r.trailer).toMatchObject({
      trailer: { totalCount: 4, totalPoints: 23782 + 31109 + 13888 },
      computedCount: 4,
      computedPoints: 23782 + 31109 + 13888,
    });
  });

  it('write → read → write is byte-identical (verbatim records, typed stays, streaming writer)', async () => {
    const dir = tempDir();
    const bytes = buildDpcFile(HOSPITAL, [STAY_A, STAY_B], { eofMark: true });
    const p = join(dir, 'RECEIPTD.UKE');
    writeFileSync(p, bytes);
    const r = await read(p);
    expect(Buffer.concat([encodeLines(r.records.map((x) => x.fields)), Buffer.from([0x1a])]).equals(bytes)).toBe(true);

    // Typed: the monthly claims of each stay back to a DpcClaimInput, then through the writer.
    const stays = new Map<string, UkeClaim[]>();
    for (const c of r.claims) {
      const key = `${c.patient.kanaName}/${c.dpc?.admissionDate}`;
      stays.set(key, [...(stays.get(key) ?? []), c]);
    }
    const inputs = [...stays.values()].map(dpcClaimInputFromClaims);
    expect(inputs[0]?.dpc.pointsPerDay.slice(0, 2)).toEqual([2850, 2100]);
    expect(buildDpcFile(HOSPITAL, inputs, { eofMark: true }).equals(bytes)).toBe(true);

    const sp = join(dir, 'stream.UKE');
    const w = new UkeStreamWriter(sp, HOSPITAL);
    await w.addDpcClaim(STAY_A);
    await w.addDpcClaim(STAY_B);
    await w.close();
    expect(readFileSync(sp).equals(buildDpcFile(HOSPITAL, [STAY_A, STAY_B]))).toBe(true);
  });

  it('refuses stays the 審査 would return', () => {
    const noTrigger = { ...STAY_A, diagnoses: STAY_A.diagnoses.filter((d) => d.role !== '21') };
    expect(() => dpcClaimRecords(noTrigger, 1)).toThrow(/入院の契機/);
    expect(() => dpcClaimRecords({ ...STAY_A, dpc: { ...STAY_A.dpc, code: '040081xx99x0x' } }, 1)).toThrow(UkeWriteError);
    expect(() => dpcClaimRecords({ ...STAY_A, dischargeDate: '2024-05-01' }, 1)).toThrow(UkeWriteError);
    const stray = { ...STAY_B, units: [{ ...(STAY_B.units[0] as UnitInput), month: '2024-09' }] };
    expect(() => dpcClaimRecords(stray, 1)).toThrow(/出来高の月/);
  });

  it('DPC group data: every entry writes a claim that reads back clean', async () => {
    const stays: DpcClaimInput[] = DPC_GROUPS.map((g, i) => {
      expect(g.code).toMatch(/^[0-9x]{14}$/);
      expect(g.periodDays[0] <= g.periodDays[1] && g.periodDays[1] <= g.periodDays[2]).toBe(true);
      expect(g.pointsPerDay[0] > g.pointsPerDay[1] && g.pointsPerDay[1] > g.pointsPerDay[2]).toBe(true);
      expect(g.diagnosis.code).toMatch(/^\d{7}$/);
      const dx = { code: g.diagnosis.code, icd10: g.diagnosis.icd10, name: g.diagnosis.name };
      return {
        typeCode: '1111',
        patient: { name: '群別　太郎', kanaName: `グンベツ${i}`, sex: 1, birthDate: '1944-04-01' },
        insurance: { insurerNumber: '06139992', kigo: '１', bango: String(i + 1) },
        admissionDate: '2024-06-20',
        dischargeDate: '2024-07-10',
        outcome: '2',
        dpc: { code: g.code, periodDays: g.periodDays, pointsPerDay: g.pointsPerDay },
        diagnoses: [
          { ...dx, role: '01' },
          { ...dx, role: '11' },
          { ...dx, role: '21' },
        ],
        units: [],
      };
    });
    const p = join(tempDir(), 'groups.UKE');
    writeFileSync(p, buildDpcFile(HOSPITAL, stays));
    const r = await read(p);
    expect(r.rejections).toEqual([]);
    expect(r.claims).toHaveLength(DPC_GROUPS.length * 2);
    for (const c of r.claims) expect(c.warnings).toEqual([]);
  });
});

describe('歯科 claim from the 令和6年 歯科 fee table', () => {
  const DENTAL: FacilityInput = { payerCode: '1', facilityCode: '1331234565', name: 'さくら歯科医院', billingMonth: '2024-07' };
  const fee = (key: keyof typeof DENTAL_FEES, times: number, dayCounts: number[]): UnitInput => {
    const f = DENTAL_FEES[key];
    return { category: f.category, burden: '1', lines: [{ record: 'SS', code: f.code }], points: f.points, times, dayCounts };
  };
  const c2 = DENTAL_DIAGNOSES.cariesC2;
  const perio = DENTAL_DIAGNOSES.chronicPeriodontitis;
  const claim: ClaimInput = {
    typeCode: '3112',
    serviceMonth: '2024-06',
    patient: { name: '歯科　一郎', kanaName: 'シカイチロウ', sex: 1, birthDate: '1975-05-05' },
    chartNo: 'D-0012',
    insurance: { insurerNumber: '06139992', kigo: '１２', bango: '５６', days: 3, patientShareYen: 4320 },
    diagnoses: [
      { code: c2.code, onsetDate: '2024-06-03', toothCodes: '102600' },
      { code: perio.code, onsetDate: '2024-06-03', name: perio.name },
    ],
    units: [
      fee('initial', 1, days([3, 1])),
      fee('revisit', 2, days([10, 1], [24, 1])),
      fee('management', 1, days([10, 1])),
      fee('panoramaDiagnosis', 1, days([3, 1])),
      fee('panoramaDigital', 1, days([3, 1])),
      fee('perioExam20', 1, days([3, 1])),
      fee('scaling', 1, days([10, 1])),
      fee('scalingAdditional', 5, days([10, 5])),
      fee('mechanicalCleaning', 1, days([24, 1])),
      // 充填 and its 材料 in one 算定単位: the points on the last line.
      {
        category: DENTAL_FEES.fillingSimple.category,
        burden: '1',
        lines: [
          { record: 'SS', code: DENTAL_FEES.fillingSimple.code },
          { record: 'SS', code: DENTAL_FEES.resinMaterialSimple.code },
        ],
        points: DENTAL_FEES.fillingSimple.points + DENTAL_FEES.resinMaterialSimple.points,
        times: 1,
        dayCounts: days([3, 1]),
      },
    ],
  };

  it('reads back with the fee-table points, 歯式 and zero rejections, and round-trips to bytes', async () => {
    const p = join(tempDir(), 'RECEIPTC.UKE');
    const bytes = buildUkeFile(DENTAL, [claim]);
    writeFileSync(p, bytes);
    const r = await read(p);
    expect(r.rejections).toEqual([]);
    const c = r.claims[0] as UkeClaim;
    expect(c.kind).toBe('歯科');
    expect(c.records.map((x) => x.fields[0])).toEqual(['IR', 'RE', 'HO', 'SN', 'HS', 'HS', ...new Array(11).fill('SS')]);
    // 267 + 58×2 + 100 + 125 + 182 + 200 + 72 + 38×5 + 72 + (106 + 11)
    expect(c.computed.insurance).toBe(1441);
    expect(c.insurance).toMatchObject({ days: 3, points: 1441 });
    expect(c.warnings).toEqual([]);
    expect(c.diagnoses.map((d) => [d.code, d.toothCodes, d.name, d.onsetDate])).toEqual([
      ['8830788', '102600', '', '2024-06-03'],
      [perio.code, '', '', '2024-06-03'],
    ]);
    expect(encodeLines(r.records.map((x) => x.fields)).equals(bytes)).toBe(true);
    expect(buildUkeFile(DENTAL, r.claims.map(claimInputFromClaim)).equals(bytes)).toBe(true);
  });

  it('every episode of the dental data writes and reads back clean', async () => {
    const claims: ClaimInput[] = DENTAL_EPISODES.map((ep, i) => {
      const perFee = new Map<string, number[]>();
      ep.visits.forEach((v, day) => {
        for (const { fee: key, times } of v.fees) {
          const d = perFee.get(key) ?? new Array(31).fill(0);
          d[day * 5] += times; // up to 6 visits within the month
          perFee.set(key, d);
        }
      });
      const units = [...perFee.entries()]
        .map(([key, d]) =>
          fee(
            key as keyof typeof DENTAL_FEES,
            d.reduce((a, b) => a + b, 0),
            d,
          ),
        )
        .sort((a, b) => a.category.localeCompare(b.category));
      const dx = DENTAL_DIAGNOSES[ep.diagnosis];
      return {
        typeCode: '3112',
        serviceMonth: '2024-06',
        patient: { name: '歯科　患者', kanaName: `シカ${i}`, sex: 2, birthDate: '1980-01-01' },
        insurance: { insurerNumber: '06139992', kigo: '１', bango: String(i + 1), days: ep.visits.length },
        diagnoses: [{ code: dx.code, onsetDate: '2024-06-01', name: dx.name }],
        units,
      };
    });
    const p = join(tempDir(), 'episodes.UKE');
    writeFileSync(p, buildUkeFile(DENTAL, claims));
    const r = await read(p);
    expect(r.rejections).toEqual([]);
    expect(r.claims).toHaveLength(DENTAL_EPISODES.length);
    for (const c of r.claims) expect(c.warnings).toEqual([]);
  });
});
