// Writes the hand-made demo fixture under test/fixtures/demo (real formats, fictitious people):
//   insurers.csv (UTF-8), member_register.csv (Shift_JIS), UKE claim files (CP932, CRLF) and
//   特定健診 XML ZIP packages. Deterministic: the same script always writes the same bytes.
// This is a stop-gap until the synthetic population generator (src/synth) exists. The files are
// written through Kachi's own writers (src/formats), so build first.
// Usage: npm run build:server && node scripts/make-demo-fixture.mjs
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { checkupDocument, writeCheckupPackage } from '../dist/formats/tokutei-xml/writer.js';
import { buildUkeFile, withCheckDigit } from '../dist/formats/uke/writer.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from '../dist/synth/data/names.js';

const OUT = 'test/fixtures/demo';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

let seed = 20240401;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const normal = (m, sd) => m + sd * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());

const withCheck = withCheckDigit;

const insurers = [
  { no: withCheck('0613990'), name: 'かち電機健康保険組合', type: '健保組合単一', industry: '電気機械器具製造業', pref: '13' },
  { no: withCheck('0113001'), name: '全国健康保険協会 東京支部', type: '協会けんぽ', industry: '', pref: '13' },
  { no: withCheck('13899'), name: '架空市国民健康保険', type: '市町村国保', industry: '', pref: '13' },
];
const employers = [
  { id: 'E001', name: 'かち電機株式会社', ins: 0 },
  { id: 'E002', name: 'かち電機サービス株式会社', ins: 0 },
  { id: 'E101', name: '架空商事株式会社', ins: 1 },
  { id: 'E102', name: '架空運輸株式会社', ins: 1 },
];
// Name parts shared with the synthetic population generator (one list of names in the project).
const FAMILY = SURNAMES;
const MALE = MALE_NAMES;
const FEMALE = FEMALE_NAMES;

const pad = (n, w) => String(n).padStart(w, '0');
const iso = (y, m, d) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

// ---- members -----------------------------------------------------------------------------
const members = [];
for (let i = 0; i < 240; i++) {
  const insIdx = i < 110 ? 0 : i < 190 ? 1 : 2;
  const sex = rnd() < 0.55 ? 1 : 2;
  const age = insIdx === 2 ? 40 + Math.floor(rnd() * 35) : 25 + Math.floor(rnd() * 45);
  const by = 2024 - age;
  const birth = iso(by, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
  const [fk, fkana] = pick(FAMILY);
  const [gk, gkana] = pick(sex === 1 ? MALE : FEMALE);
  const relation = insIdx === 2 ? '本人' : rnd() < 0.75 ? '本人' : '家族';
  const emp = insIdx === 2 ? null : pick(employers.filter((e) => e.ins === insIdx));
  // Most are enrolled through the three fiscal years; some join or leave in between.
  let start = iso(2015 + Math.floor(rnd() * 7), 4, 1);
  let lost = '';
  const r = rnd();
  if (r < 0.08) start = iso(2023, 1 + Math.floor(rnd() * 12), 1);
  else if (r < 0.14) lost = iso(2024, 1 + Math.floor(rnd() * 12), 16);
  members.push({
    i,
    insIdx,
    sex,
    birth,
    name: `${fk}　${gk}`,
    kana: `${fkana}${gkana}`,
    kanaSpaced: `${fkana}　${gkana}`,
    kigo: insIdx === 2 ? '' : String(100 + (i % 7)),
    bango: String(1000 + i),
    edaban: '00',
    relation,
    emp,
    start,
    lost,
    muni: '131016',
    bmiBase: normal(23, 3.2),
    sbpBase: normal(122 + age * 0.3, 14),
    a1cBase: normal(5.5 + age * 0.006, 0.45),
  });
}

// ---- CSV: insurers (UTF-8) and member register (Shift_JIS) ---------------------------------
writeFileSync(
  `${OUT}/insurers.csv`,
  `保険者番号,保険者名称,保険者種別,業態コード,都道府県コード\r\n${insurers.map((x) => [x.no, x.name, x.type, x.industry, x.pref].join(',')).join('\r\n')}\r\n`,
);
const regHeader =
  '保険者番号,記号,番号,枝番,氏名,氏名カナ,性別,生年月日,本人家族区分,資格取得日,資格喪失日,事業所番号,事業所名称,業態コード,市区町村コード';
const regLines = members.map((m) =>
  [
    insurers[m.insIdx].no,
    m.kigo,
    m.bango,
    m.edaban,
    m.name,
    m.kana,
    m.sex,
    m.birth,
    m.relation,
    m.start,
    m.lost,
    m.emp?.id ?? '',
    m.emp?.name ?? '',
    insurers[m.insIdx].industry,
    m.muni,
  ].join(','),
);
writeFileSync(`${OUT}/member_register.csv`, iconv.encode(`${regHeader}\r\n${regLines.join('\r\n')}\r\n`, 'cp932'));

const enrolledOn = (m, d) => m.start <= d && (!m.lost || d < m.lost);

// ---- UKE: 3 clinics, 4 billing months per fiscal year ----------------------------------------
// 医療機関コード: 都道府県13 + 点数表1 + 郡市区2 + 番号4 + 検証1.
const clinics = ['かち内科クリニック', '架空駅前医院', '架空中央病院'].map((name, k) => ({
  name,
  code: withCheck(`131${pad(1 + k, 2)}${pad(2345 + k, 4)}`),
}));
// Real 傷病名コード from the shipped master subset: 本態性高血圧症, 2型糖尿病, 脂質異常症, 慢性腎臓病.
const D = ['8840107', '2500015', '8844446', '8844106'];
const oneDay = (day, n) => {
  const d = new Array(31).fill(0);
  d[day - 1] = n;
  return d;
};
for (const fy of [2022, 2023, 2024]) {
  for (const [sy, sm] of [
    [fy, 6],
    [fy, 9],
    [fy, 12],
    [fy + 1, 3],
  ]) {
    const serviceDay = iso(sy, sm, 1);
    const billing = sm === 12 ? `${sy + 1}-01` : `${sy}-${pad(sm + 1, 2)}`;
    clinics.forEach((c, k) => {
      const claims = [];
      for (const m of members) {
        if (m.i % 3 !== k || !enrolledOn(m, serviceDay) || rnd() > 0.35) continue;
        const times = 1 + Math.floor(rnd() * 2);
        const drugDays = 14 + Math.floor(rnd() * 3) * 7;
        const visits = oneDay(3, 1);
        if (times === 2) visits[16] = 1;
        claims.push({
          typeCode: m.insIdx === 2 || m.relation === '本人' ? '1112' : '1116',
          serviceMonth: `${sy}-${pad(sm, 2)}`,
          patient: { name: m.name, kanaName: m.kana, sex: m.sex, birthDate: m.birth },
          chartNo: `A-${pad(m.i, 4)}`,
          insurance: { insurerNumber: insurers[m.insIdx].no, kigo: m.kigo, bango: m.bango, days: times },
          edaban: m.edaban,
          diagnoses: [{ code: pick(D), onsetDate: iso(sy - 1, 4, 1), isMain: true }],
          units: [
            { category: '12', burden: '1', lines: [{ record: 'SI', code: '112007410' }], points: 75, times, dayCounts: visits },
            {
              category: '21',
              burden: '1',
              lines: [{ record: 'IY', code: '612170710', quantity: 1 }],
              points: 1, // ノルバスク錠５ｍｇ 13.7円 × 1錠 → 薬剤料 1点 (15円以下は1点)
              times: drugDays,
              dayCounts: oneDay(3, drugDays),
              comments: [{ code: '810000001', text: '朝夕食後' }],
            },
          ],
        });
      }
      if (claims.length === 0) return;
      const facility = { payerCode: '1', facilityCode: c.code, name: c.name, billingMonth: billing, phone: '0300000000' };
      let bytes = buildUkeFile(facility, claims);
      if (fy === 2024 && sm === 3 && k === 0) {
        // A realistic delivery defect: one detail line with an invalid 負担区分 ("%") in the 2nd claim.
        // Ingest must quarantine that claim (file, line, field, reason) and load all the others.
        const lines = iconv.decode(bytes, 'cp932').split('\r\n');
        const second = lines.findIndex((l, i) => l.startsWith('RE,2,') && i > 0);
        const si = lines.findIndex((l, i) => i > second && l.startsWith('SI,'));
        lines[si] = lines[si].replace(/^SI,(\d*),1,/, 'SI,$1,%,');
        bytes = iconv.encode(lines.join('\r\n'), 'cp932');
      }
      writeFileSync(`${OUT}/RECEIPTC_${pad(k + 1, 2)}_${billing.replace('-', '')}.UKE`, bytes);
    });
  }
}

// ---- 特定健診 XML ZIPs: one package per insurer and fiscal year ------------------------------
const KENSHIN_ORG = withCheck('131123456');
function checkupValues(m, examDate) {
  const age = Number(examDate.slice(0, 4)) - Number(m.birth.slice(0, 4));
  const height = m.sex === 1 ? 170 + (m.i % 10) - 5 : 157 + (m.i % 10) - 5;
  const bmi = Math.max(16, normal(m.bmiBase, 0.6));
  const sbp = Math.round(normal(m.sbpBase, 6));
  const a1c = Math.max(4.3, normal(m.a1cBase, 0.15));
  return {
    height_cm: height,
    weight_kg: Math.round(bmi * (height / 100) ** 2 * 10) / 10,
    bmi: Math.round(bmi * 10) / 10,
    waist_cm: Math.round((bmi * 3.3 + (m.sex === 1 ? 2 : -2) + normal(0, 2)) * 10) / 10,
    sbp,
    dbp: Math.round(sbp * 0.62 + normal(0, 4)),
    blood_draw_timing: 2,
    tg_mgdl: Math.round(Math.max(30, normal(110 + age, 40))),
    tg_fasting: true,
    hdl_mgdl: Math.round(Math.max(25, normal(m.sex === 1 ? 55 : 65, 12))),
    ldl_mgdl: Math.round(Math.max(50, normal(125, 28))),
    ast: Math.round(Math.max(8, normal(23, 7))),
    alt: Math.round(Math.max(5, normal(22, 10))),
    ggt: Math.round(Math.max(8, normal(m.sex === 1 ? 40 : 22, 15))),
    hba1c: Math.round(a1c * 10) / 10,
    urine_glucose: rnd() < 0.95 ? 1 : 3,
    urine_protein: rnd() < 0.92 ? 1 : 3,
    med_bp: sbp > 150,
    med_glucose: a1c > 7,
    med_lipid: false,
    smoking: rnd() < 0.2 ? 1 : 3,
    exercise_30min: rnd() < 0.3,
    sleep_ok: rnd() < 0.65,
  };
}

const PARTICIPATION = [0.82, 0.58, 0.38]; // 健保組合, 協会けんぽ, 市町村国保 (MHLW FY2023 実施率 shape)
for (const fy of [2022, 2023, 2024]) {
  for (const [k, ins] of insurers.entries()) {
    const docs = [];
    for (const m of members) {
      if (m.insIdx !== k) continue;
      const examDate = iso(fy, 5 + (m.i % 7), 1 + (m.i % 27));
      const age = fy + 1 - Number(m.birth.slice(0, 4));
      if (age < 40 || age > 74 || !enrolledOn(m, examDate)) continue;
      if (rnd() > PARTICIPATION[k] * (m.relation === '家族' ? 0.6 : 1)) continue;
      docs.push(
        checkupDocument({
          insurerNumber: ins.no,
          kigo: m.kigo,
          bango: m.bango,
          edaban: m.edaban,
          kanaName: m.kanaSpaced,
          sex: m.sex,
          birthDate: m.birth,
          examDate,
          facilityCode: KENSHIN_ORG,
          facilityName: '架空健診センター',
          values: checkupValues(m, examDate),
        }),
      );
    }
    const pkg = { sender: KENSHIN_ORG, receiver: ins.no, creationDate: `${fy + 1}-04-15`, kind: 1 };
    await writeCheckupPackage(`${OUT}/${KENSHIN_ORG}_${ins.no.padStart(8, '0')}_${fy + 1}04150_1.zip`, pkg, docs);
  }
}
console.log(`wrote ${OUT}: ${members.length} members`);
