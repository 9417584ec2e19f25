// Writer inputs covering the 医科 features: multi-line units, 公費, comments, inpatient, 疑い.
import type { ClaimInput, FacilityInput } from '../../src/formats/uke/writer.js';

export const FACILITY: FacilityInput = {
  payerCode: '1',
  facilityCode: '1311234569',
  name: 'テスト内科医院',
  billingMonth: '2024-05',
  phone: '0300000000',
};

const days = (...pairs: [number, number][]) => {
  const d = new Array(31).fill(0);
  for (const [day, n] of pairs) d[day - 1] = n;
  return d;
};

export const CLAIMS: ClaimInput[] = [
  {
    typeCode: '1112',
    serviceMonth: '2024-04',
    patient: { name: '保険　花子', kanaName: 'ホケンハナコ', sex: 2, birthDate: '1965-07-12' },
    chartNo: 'A-0001',
    insurance: { insurerNumber: '06139992', kigo: '１２３', bango: '４５６', days: 2 },
    edaban: '01',
    diagnoses: [
      { code: '4375001', onsetDate: '2024-04-03', isMain: true },
      { code: '0000999', onsetDate: '2024-04-17', name: 'テスト病名' },
    ],
    units: [
      {
        category: '12',
        burden: '1',
        lines: [{ record: 'SI', code: '112007410' }],
        points: 73,
        times: 2,
        dayCounts: days([3, 1], [17, 1]),
      },
      {
        category: '21',
        burden: '1',
        lines: [{ record: 'IY', code: '610406079', quantity: 1.5 }],
        points: 5,
        times: 14,
        dayCounts: days([3, 7], [17, 7]),
        comments: [{ code: '810000001', text: '朝夕食後' }],
      },
    ],
  },
  {
    typeCode: '1122',
    serviceMonth: '2024-04',
    patient: {
      name: 'コウヒ　イチロウ',
      kanaName: 'コウヒイチロウ',
      sex: 1,
      birthDate: '19500101'.replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3'),
    },
    specialNotes: '29',
    insurance: { insurerNumber: '138008', kigo: '', bango: '７８９０', days: 1, patientShareYen: 1200 },
    publicPayers: [{ payerNumber: '54136015', recipientNumber: '123', days: 1 }],
    diagnoses: [{ code: '4375001', onsetDate: '2023-10-01', modifiers: '8002', isMain: true }],
    units: [
      {
        category: '11',
        burden: '2',
        lines: [{ record: 'SI', code: '111000110' }],
        points: 288,
        times: 1,
        dayCounts: days([5, 1]),
      },
      {
        category: '60',
        burden: '2',
        lines: [
          { record: 'SI', code: '160068410' },
          { record: 'SI', code: '160093810' },
          { record: 'SI', code: '160155390' },
        ],
        points: 3671,
        times: 1,
        dayCounts: days([5, 1]),
      },
      {
        category: '60',
        burden: '1',
        lines: [{ record: 'SI', code: '160000190' }],
        points: 10,
        times: 1,
        dayCounts: days([5, 1]),
      },
    ],
  },
  {
    typeCode: '1111',
    serviceMonth: '2024-04',
    patient: { name: 'ニュウイン　タロウ', kanaName: 'ニュウインタロウ', sex: 1, birthDate: '1942-02-28' },
    admissionDate: '2024-04-10',
    insurance: { insurerNumber: '06139992', kigo: '１２３', bango: '９９９', days: 5, mealTimes: 15, mealYen: 7350 },
    diagnoses: [{ code: '4375001', onsetDate: '2024-04-10', isMain: true }],
    units: [
      {
        category: '90',
        burden: '1',
        lines: [{ record: 'SI', code: '190117710' }],
        points: 1688,
        times: 5,
        dayCounts: days([10, 1], [11, 1], [12, 1], [13, 1], [14, 1]),
      },
      {
        category: '40',
        burden: '1',
        lines: [
          { record: 'SI', code: '140009310' },
          { record: 'TO', code: '700010000', quantity: 1 },
        ],
        points: 362,
        times: 1,
        dayCounts: days([10, 1]),
      },
    ],
  },
];
