// Writes the real-format fixtures of test/fixtures/{uke,tokutei} through Kachi's writers, and the
// golden JSON of what the readers must return for them. Fictitious people, valid check digits.
// Usage: npm run build:server && node scripts/make-format-fixtures.mjs
// The golden files are reviewed by hand when they change: they are the reader's contract.
import { mkdirSync, writeFileSync } from 'node:fs';
import { goldenOfUke, goldenOfZip } from '../dist/formats/golden.js';
import { checkupDocument, guidanceDocument, writeCheckupPackage } from '../dist/formats/tokutei-xml/writer.js';
import { encodeLines, makeRecord } from '../dist/formats/uke/codec.js';
import { buildPharmacyFile, buildUkeFile } from '../dist/formats/uke/writer.js';

const UKE = 'test/fixtures/uke';
const XML = 'test/fixtures/tokutei';
mkdirSync(UKE, { recursive: true });
mkdirSync(XML, { recursive: true });

const days = (...pairs) => {
  const d = new Array(31).fill(0);
  for (const [day, n] of pairs) d[day - 1] = n;
  return d;
};
const person = (name, kana, sex, birth) => ({ name, kanaName: kana, sex, birthDate: birth });

// 医科入院 (inpatient, 入院基本料 5 days, 食事 in yen outside points, a device).
const hospital = {
  payerCode: '1',
  facilityCode: '1311234569',
  name: 'テスト総合病院',
  billingMonth: '2024-05',
  phone: '0300000000',
};
writeFileSync(
  `${UKE}/ika-nyuin.UKE`,
  buildUkeFile(hospital, [
    {
      typeCode: '1111',
      serviceMonth: '2024-04',
      patient: person('入院　太郎', 'ニュウインタロウ', 1, '1942-02-28'),
      admissionDate: '2024-04-10',
      insurance: {
        insurerNumber: '06139992',
        kigo: '１２３',
        bango: '９９９',
        days: 5,
        mealTimes: 15,
        mealYen: 7350,
        patientShareYen: 44400,
      },
      diagnoses: [
        { code: '4375001', onsetDate: '2024-04-10', isMain: true },
        { code: '0000999', onsetDate: '2024-04-10', name: '誤嚥の疑い', modifiers: '' },
      ],
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
        {
          category: '33',
          burden: '1',
          lines: [{ record: 'IY', code: '620000237', quantity: 1 }],
          points: 32,
          times: 2,
          dayCounts: days([10, 1], [11, 1]),
        },
      ],
    },
  ]),
);

// DPC: 40-column RE, BU/SB/KK/GA/HH/GT, 出来高 SI, CD coding data.
const dpc = [
  makeRecord('IR', {
    審査支払機関: 1,
    都道府県: '13',
    点数表: '1',
    医療機関コード: '1234569',
    医療機関名称: 'テスト総合病院',
    請求年月: '202406',
    マルチボリューム識別情報: '00',
  }),
  makeRecord(
    'RE',
    {
      レセプト番号: 1,
      レセプト種別: '1111',
      診療年月: '202405',
      氏名: '入院　次郎',
      男女区分: 1,
      生年月日: '19600215',
      入院年月日: '20240510',
      カルテ番号等: 'A-0345',
      レセプト総括区分: 0,
      'カタカナ（氏名）': 'ニュウインジロウ',
    },
    'ika',
    'RE_DPC',
  ),
  [
    ...makeRecord('HO', {
      保険者番号: '06139992',
      被保険者証等の記号: '１２',
      被保険者証等の番号: '３４',
      診療実日数: 8,
      合計点数: 24571,
    }),
    '',
  ],
  makeRecord('BU', { 診断群分類番号: '040080xx99x0xx', 今回入院年月日: '20240510', 今回退院年月日: '20240517', DPC転帰区分: 2 }),
  makeRecord('SB', { 傷病名コード: '0000999', 傷病名称: '肺炎', ICD10コード: 'J189', 傷病名区分: '01' }),
  makeRecord('SB', { 傷病名コード: '0000999', 傷病名称: '肺炎', ICD10コード: 'J189', 傷病名区分: '11' }),
  makeRecord('KK', { '予定・緊急入院区分': 2, 入院時年齢: 64 }),
  makeRecord('GA', { 診療年月: '202405', 請求調整区分: 2, 外泊等: '0'.repeat(31), 医療機関別係数: '1.4012' }),
  makeRecord('HH', {
    診療年月: '202405',
    請求調整区分: 2,
    自他保険区分: 1,
    負担区分: '1',
    入院期間区分: 1,
    '1日当たり点数': 2500,
    入院日数: 7,
    包括小計点数: 17500,
  }),
  makeRecord('GT', {
    診療年月: '202405',
    請求調整区分: 2,
    自他保険区分: 1,
    負担区分: '1',
    包括小計点数合算: 17500,
    包括評価点数: 24521,
    今月包括合計点数: 24521,
    診療識別: '93',
  }),
  makeRecord('SI', { 診療識別: '60', 負担区分: '1', 診療行為コード: '160000190', 点数: 50, 回数: 1, '12日の情報': 1 }),
  makeRecord('CD', { 実施年月日: '20240512', 診療識別: '60', 順序番号: 1, 行為明細番号: 1, レセ電コード: '160000190', 回数: 1 }),
  makeRecord('GO', { 総件数: 1, 総合計点数: 24571, マルチボリューム識別情報: '99' }),
];
writeFileSync(`${UKE}/dpc.UKE`, encodeLines(dpc));

// 歯科: UK head, IR before each claim, HS with 歯式, SS and IY.
const dental = { payerCode: '1', facilityCode: '1331234565', name: 'さくら歯科医院', billingMonth: '2024-06' };
writeFileSync(
  `${UKE}/shika.UKE`,
  buildUkeFile(dental, [
    {
      typeCode: '3112',
      serviceMonth: '2024-05',
      patient: person('歯科　太郎', 'シカタロウ', 1, '1980-01-01'),
      insurance: { insurerNumber: '06139992', kigo: '１２', bango: '３４', days: 2, patientShareYen: 1040 },
      diagnoses: [{ code: '0000999', onsetDate: '2024-05-12', name: 'う蝕', toothCodes: '102600' }],
      units: [
        {
          category: '11',
          burden: '1',
          lines: [{ record: 'SS', code: '301000110' }],
          points: 267,
          times: 1,
          dayCounts: days([12, 1]),
        },
        {
          category: '21',
          burden: '1',
          lines: [{ record: 'IY', code: '620008965', quantity: 3 }],
          points: 10,
          times: 1,
          dayCounts: days([19, 1]),
        },
      ],
    },
  ]),
);

// 調剤: YK head, RE with the prescriber, SH/CZ/IY per 処方, KI 調剤基本料.
const pharmacy = { payerCode: '1', facilityCode: '1341234563', name: 'みどり薬局', billingMonth: '2024-06', phone: '0312345678' };
writeFileSync(
  `${UKE}/chozai.CYO`,
  buildPharmacyFile(pharmacy, [
    {
      typeCode: '4118',
      serviceMonth: '2024-05',
      patient: person('薬局　花子', 'ヤッキョクハナコ', 2, '1950-04-03'),
      prescriber: { facilityCode: '1311234569', name: 'テスト内科医院' },
      insurance: { insurerNumber: '39131016', kigo: '', bango: '12345678', receptions: 1, patientShareYen: 270 },
      baseFees: [{ date: '2024-05-16', reception: 1, burden: '1', code: '410004110', points: 45 }], // 調剤基本料１ (R6)
      prescriptions: [
        {
          dosageForm: 1,
          usage: '001',
          unitDrugPoints: 12,
          dispensings: [
            {
              prescribedDate: '2024-05-16',
              dispensedDate: '2024-05-16',
              reception: 1,
              quantity: 28,
              burden: '1',
              preparationCode: '420001810',
              preparationPoints: 24,
              drugPoints: 336,
              managementCode: '440011710', // 内服薬調剤管理料 15〜28日分 (R6, 50点)
              managementPoints: 50,
              drugs: [
                { code: '610406079', quantity: 1.5 },
                { code: '612170710', quantity: 1 },
              ],
            },
          ],
        },
      ],
    },
  ]),
);

// 特定健診 package with two examinees, and a 特定保健指導 package (開始時 + 実績評価時).
const kenshinOrg = '1311234569';
const base = { insurerNumber: '06139992', kigo: '１２３', bango: '４５６', edaban: '01', postalCode: '100-0001' };
const docs = [
  checkupDocument({
    ...base,
    kanaName: 'ケンシン　タロウ',
    sex: 1,
    birthDate: '1970-04-01',
    examDate: '2024-06-10',
    facilityCode: kenshinOrg,
    facilityName: 'テスト健診センター',
    values: {
      height_cm: 170.2,
      weight_kg: 72.4,
      bmi: 25,
      waist_cm: 88.5,
      sbp: 142,
      dbp: 91,
      blood_draw_timing: 2,
      tg_mgdl: 180,
      tg_fasting: true,
      hdl_mgdl: 38,
      ldl_mgdl: 151,
      ast: 35,
      alt: 48,
      ggt: 80,
      fpg_mgdl: 112,
      hba1c: 6.1,
      urine_glucose: 1,
      urine_protein: 2,
      creatinine: 0.92,
      egfr: 68.5,
      med_bp: false,
      med_glucose: false,
      med_lipid: false,
      hist_stroke: false,
      hist_heart: false,
      hist_kidney: false,
      anemia: false,
      smoking: 1,
      weight_gain_20: true,
      exercise_30min: false,
      walking_1h: false,
      walking_fast: false,
      chewing: 1,
      eating_speed: 1,
      late_dinner: true,
      snacking: 2,
      skip_breakfast: true,
      drinking_freq: 1,
      drinking_amount: 3,
      sleep_ok: false,
      improvement_intent: 2,
      guidance_experience: false,
      metabo_judgement: 1,
      guidance_level: 1,
    },
  }),
  checkupDocument({
    ...base,
    bango: '７８９',
    edaban: '02',
    kanaName: 'ケンシン　ハナコ',
    sex: 2,
    birthDate: '1972-09-30',
    examDate: '2024-07-01',
    facilityCode: kenshinOrg,
    facilityName: 'テスト健診センター',
    values: {
      height_cm: 158,
      weight_kg: 52.1,
      bmi: 20.9,
      waist_cm: 74,
      sbp: 118,
      dbp: 72,
      blood_draw_timing: 3,
      tg_mgdl: 120,
      tg_fasting: false,
      hdl_mgdl: 66,
      ldl_mgdl: 118,
      ast: 19,
      alt: 15,
      ggt: 18,
      random_glucose_mgdl: 104,
      hba1c: 5.4,
      urine_glucose: 1,
      urine_protein: 1,
      med_bp: false,
      med_glucose: false,
      med_lipid: false,
      smoking: 3,
      sleep_ok: true,
      metabo_judgement: 3,
      guidance_level: 3,
    },
  }),
];
await writeCheckupPackage(
  `${XML}/kenshin.zip`,
  { sender: kenshinOrg, receiver: '06139992', creationDate: '2024-07-15', kind: 1 },
  docs,
);
const guidance = [
  guidanceDocument({
    ...base,
    kanaName: 'ケンシン　タロウ',
    sex: 1,
    birthDate: '1970-04-01',
    reportCategory: '21',
    serviceDate: '2024-07-20',
    facilityCode: kenshinOrg,
    facilityName: 'テスト健診センター',
    supportLevel: 1,
    initial: { date: '2024-07-20', form: 1, minutes: 30, targetWaist: 85, targetWeight: 69.4 },
  }),
  guidanceDocument({
    ...base,
    kanaName: 'ケンシン　タロウ',
    sex: 1,
    birthDate: '1970-04-01',
    reportCategory: '22',
    serviceDate: '2024-10-25',
    facilityCode: kenshinOrg,
    facilityName: 'テスト健診センター',
    supportLevel: 1,
    initial: { date: '2024-07-20', form: 1, minutes: 30, targetWaist: 85, targetWeight: 69.4 },
    continuous: [
      { date: '2024-08-20', form: 5, minutes: 20, points: 60 },
      { date: '2024-09-20', form: 2, minutes: 30, points: 70 },
    ],
    final: { date: '2024-10-25', waist: 85.9, weight: 69.9, sbp: 134, dbp: 86, outcomeWaistWeight: 2, outcomePoints: 180 },
  }),
];
await writeCheckupPackage(
  `${XML}/hokenshido.zip`,
  { sender: kenshinOrg, receiver: '06139992', creationDate: '2024-11-01', kind: 2 },
  guidance,
);

// Golden JSON: what the readers return, paths relative to the repository.
for (const f of ['worked-example.UKE', 'ika-nyuin.UKE', 'dpc.UKE', 'shika.UKE', 'chozai.CYO']) {
  writeFileSync(`${UKE}/${f}.golden.json`, `${JSON.stringify(await goldenOfUke(`${UKE}/${f}`), null, 2)}\n`);
}
for (const f of ['kenshin.zip', 'hokenshido.zip']) {
  writeFileSync(`${XML}/${f}.golden.json`, `${JSON.stringify(await goldenOfZip(`${XML}/${f}`), null, 2)}\n`);
}
console.log('fixtures and golden files written');
