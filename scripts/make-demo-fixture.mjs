// Writes the hand-made demo fixture under test/fixtures/demo (real formats, fictitious people):
//   insurers.csv (UTF-8), member_register.csv (Shift_JIS), UKE claim files (CP932, CRLF) and
//   特定健診 XML ZIP packages. Deterministic: the same script always writes the same bytes.
// This is a stop-gap until the synthetic population generator (src/synth) exists.
// Usage: node scripts/make-demo-fixture.mjs
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import yazl from 'yazl';

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

function checkDigit(payload) {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const p = Number(payload[payload.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return (10 - (sum % 10)) % 10;
}
const withCheck = (p) => p + checkDigit(p);

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
const FAMILY = [
  ['山田', 'ヤマダ'],
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
  ['吉田', 'ヨシダ'],
  ['松本', 'マツモト'],
];
const MALE = [
  ['太郎', 'タロウ'],
  ['健一', 'ケンイチ'],
  ['誠', 'マコト'],
  ['大輔', 'ダイスケ'],
  ['翔', 'ショウ'],
  ['浩', 'ヒロシ'],
];
const FEMALE = [
  ['花子', 'ハナコ'],
  ['美咲', 'ミサキ'],
  ['陽子', 'ヨウコ'],
  ['恵', 'メグミ'],
  ['さくら', 'サクラ'],
  ['直美', 'ナオミ'],
];

const pad = (n, w) => String(n).padStart(w, '0');
const iso = (y, m, d) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;
const compact = (s) => s.replaceAll('-', '');

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
const clinics = [
  { code7: withCheck('131234').slice(0), name: 'かち内科クリニック' },
  { code7: '', name: '架空駅前医院' },
  { code7: '', name: '架空中央病院' },
];
// 医療機関コード: 都道府県13 + 点数表1 + 郡市区2 + 番号4 + 検証1; IR holds the last 7.
clinics.forEach((c, k) => {
  const full = withCheck(`131${pad(1 + k, 2)}${pad(2345 + k, 4)}`);
  c.code7 = full.slice(3);
});
const D = ['4019001', '2500013', '2724004', '4660014'];
for (const fy of [2022, 2023, 2024]) {
  for (const [sy, sm] of [
    [fy, 6],
    [fy, 9],
    [fy, 12],
    [fy + 1, 3],
  ]) {
    const serviceDay = iso(sy, sm, 1);
    const billing = sm === 12 ? `${sy + 1}01` : `${sy}${pad(sm + 1, 2)}`;
    clinics.forEach((c, k) => {
      const lines = [`IR,1,13,1,${c.code7},,${c.name},${billing},00,0300000000`];
      let n = 0;
      let total = 0;
      for (const m of members) {
        if (m.i % 3 !== k || !enrolledOn(m, serviceDay) || rnd() > 0.35) continue;
        n++;
        const ins = insurers[m.insIdx];
        const revisit = 73;
        const times = 1 + Math.floor(rnd() * 2);
        const drugDays = 14 + Math.floor(rnd() * 3) * 7;
        const points = revisit * times + 5 * drugDays;
        total += points;
        const type = m.insIdx === 2 ? '1112' : m.relation === '本人' ? '1112' : '1116';
        const days = new Array(31).fill('');
        days[2] = '1';
        if (times === 2) days[16] = '1';
        const drugDaysArr = new Array(31).fill('');
        drugDaysArr[2] = String(drugDays);
        lines.push(
          `RE,${n},${type},${sy}${pad(sm, 2)},${m.name},${m.sex},${compact(m.birth)},,,,,,,A-${pad(m.i, 4)},,,,,,,,,,,,,,,,,,,,,,,${m.kana},`,
        );
        lines.push(`HO,${ins.no.padStart(8, ' ')},${m.kigo},${m.bango},${times},${points},,,,,,,,,`);
        lines.push(`SN,1,01,,,,${m.edaban},,`);
        lines.push(`SY,${pick(D)},${sy - 1}0401,1,,,01,`);
        lines.push(`SI,12,1,112007410,,${revisit},${times},,,,,,,${days.join(',')}`);
        lines.push(`IY,21,1,610406079,1.5,5,${drugDays},,,,,,,${drugDaysArr.join(',')}`);
        lines.push('CO,21,1,810000001,朝夕食後');
      }
      if (n === 0) return;
      lines.push(`GO,${n},${total},99`);
      writeFileSync(`${OUT}/RECEIPTC_${pad(k + 1, 2)}_${billing}.UKE`, iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932'));
    });
  }
}

// ---- 特定健診 XML ZIPs: one package per insurer and fiscal year ------------------------------
const KENSHIN_ORG = withCheck('131123456');
const obsPQ = (code, value, unit) =>
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.392.200119.6.1005"/><value xsi:type="PQ" value="${value}" unit="${unit}"/></observation></entry>`;
const obsCD = (code, value, system) =>
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}" codeSystem="1.2.392.200119.6.1005"/><value xsi:type="CD" code="${value}" codeSystem="${system}"/></observation></entry>`;

function cda(m, examDate) {
  const age = Number(examDate.slice(0, 4)) - Number(m.birth.slice(0, 4));
  const height = m.sex === 1 ? 170 + (m.i % 10) - 5 : 157 + (m.i % 10) - 5;
  const bmi = Math.max(16, normal(m.bmiBase, 0.6));
  const weight = (bmi * (height / 100) ** 2).toFixed(1);
  const waist = (bmi * 3.3 + (m.sex === 1 ? 2 : -2) + normal(0, 2)).toFixed(1);
  const sbp = Math.round(normal(m.sbpBase, 6));
  const dbp = Math.round(sbp * 0.62 + normal(0, 4));
  const a1c = Math.max(4.3, normal(m.a1cBase, 0.15)).toFixed(1);
  const ins = insurers[m.insIdx];
  const ids = [`<id root="1.2.392.200119.6.101" extension="${ins.no.padStart(8, '0')}"/>`];
  if (m.kigo) ids.push(`<id root="1.2.392.200119.6.204" extension="${m.kigo}"/>`);
  ids.push(
    `<id root="1.2.392.200119.6.205" extension="${m.bango}"/>`,
    `<id root="1.2.392.200119.6.211" extension="${m.edaban}"/>`,
  );
  const body = [
    obsPQ('9N001000000000001', height.toFixed(1), 'cm'),
    obsPQ('9N006000000000001', weight, 'kg'),
    obsPQ('9N011000000000001', bmi.toFixed(1), 'kg/m2'),
    obsPQ('9N016160100000001', waist, 'cm'),
    obsPQ('9A751000000000001', sbp, 'mm[Hg]'),
    obsPQ('9A761000000000001', dbp, 'mm[Hg]'),
    obsPQ('3F015000002327101', Math.round(Math.max(30, normal(110 + age, 40))), 'mg/dL'),
    obsPQ('3F070000002327101', Math.round(Math.max(25, normal(m.sex === 1 ? 55 : 65, 12))), 'mg/dL'),
    obsPQ('3F077000002327101', Math.round(Math.max(50, normal(125, 28))), 'mg/dL'),
    obsPQ('3B035000002327201', Math.round(Math.max(8, normal(23, 7))), 'U/L'),
    obsPQ('3B045000002327201', Math.round(Math.max(5, normal(22, 10))), 'U/L'),
    obsPQ('3B090000002327101', Math.round(Math.max(8, normal(m.sex === 1 ? 40 : 22, 15))), 'U/L'),
    obsPQ('3D046000001906202', a1c, '%'),
    obsCD('1A020000000191111', rnd() < 0.95 ? 1 : 3, '1.2.392.200119.6.2102'),
    obsCD('1A010000000191111', rnd() < 0.92 ? 1 : 3, '1.2.392.200119.6.2102'),
    obsCD('9N701000000000011', sbp > 150 ? 1 : 2, '1.2.392.200119.6.2003'),
    obsCD('9N706000000000011', Number(a1c) > 7 ? 1 : 2, '1.2.392.200119.6.2003'),
    obsCD('9N711000000000011', 2, '1.2.392.200119.6.2003'),
    obsCD('9N736000000000011', rnd() < 0.2 ? 1 : 3, '1.2.392.200119.6.24060'),
    obsCD('9N746000000000011', rnd() < 0.3 ? 1 : 2, '1.2.392.200119.6.2003'),
    obsCD('9N796000000000011', rnd() < 0.65 ? 1 : 2, '1.2.392.200119.6.2003'),
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:hl7-org:v3 ../XSD/hc08_V08.xsd"><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/><id nullFlavor="NI"/><code code="10" codeSystem="1.2.392.200119.6.1001"/><effectiveTime value="${compact(examDate)}"/><confidentialityCode code="N"/><recordTarget><patientRole>${ids.join('')}<patient><name>${m.kanaSpaced}</name><administrativeGenderCode code="${m.sex}" codeSystem="1.2.392.200119.6.1104"/><birthTime value="${compact(m.birth)}"/></patient></patientRole></recordTarget><author><time value="${compact(examDate)}"/><assignedAuthor><id nullFlavor="NI"/><representedOrganization><id root="1.2.392.200119.6.102" extension="${KENSHIN_ORG}"/><name>架空健診センター</name></representedOrganization></assignedAuthor></author><custodian><assignedCustodian><representedCustodianOrganization><id nullFlavor="NI"/></representedCustodianOrganization></assignedCustodian></custodian><documentationOf><serviceEvent><code code="010" codeSystem="1.2.392.200119.6.1002"/><effectiveTime value="${compact(examDate)}"/><performer typeCode="PRF"><assignedEntity><id nullFlavor="NI"/><representedOrganization><id root="1.2.392.200119.6.102" extension="${KENSHIN_ORG}"/></representedOrganization></assignedEntity></performer></serviceEvent></documentationOf><component><structuredBody><component><section><code code="01010" codeSystem="1.2.392.200119.6.1010"/>${body}</section></component></structuredBody></component></ClinicalDocument>
`;
}

const PARTICIPATION = [0.82, 0.58, 0.38]; // 健保組合, 協会けんぽ, 市町村国保 (MHLW FY2023 実施率 shape)
const zips = [];
for (const fy of [2022, 2023, 2024]) {
  insurers.forEach((ins, k) => {
    const created = `${fy + 1}0415`;
    const zip = new yazl.ZipFile();
    const stem = `${KENSHIN_ORG}_${ins.no.padStart(8, '0')}_${created}1_1`;
    let count = 0;
    for (const m of members) {
      if (m.insIdx !== k) continue;
      const examDate = iso(fy, 5 + (m.i % 7), 1 + (m.i % 27));
      const age = fy + 1 - Number(m.birth.slice(0, 4));
      if (age < 40 || age > 74 || !enrolledOn(m, examDate)) continue;
      const p = PARTICIPATION[k] * (m.relation === '家族' ? 0.6 : 1);
      if (rnd() > p) continue;
      count++;
      const entry = `DATA/h${KENSHIN_ORG}${created}01_${pad(count, 4)}_${ins.no.padStart(8, '0')}.xml`;
      zip.addBuffer(Buffer.from(cda(m, examDate), 'utf8'), `${stem}/${entry}`, { mtime: new Date('2025-04-15T00:00:00Z') });
    }
    const ix = `<?xml version="1.0" encoding="UTF-8"?>\n<index xmlns="https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000161103.html"><interactionType code="6"/><creationTime value="${created}"/><sender><id root="1.2.392.200119.6.102" extension="${KENSHIN_ORG}"/></sender><receiver><id root="1.2.392.200119.6.101" extension="${ins.no.padStart(8, '0')}"/></receiver><serviceEventType code="1"/><totalRecordCount value="${count}"/></index>\n`;
    zip.addBuffer(Buffer.from(ix, 'utf8'), `${stem}/ix08_V08.xml`, { mtime: new Date('2025-04-15T00:00:00Z') });
    zip.end();
    zips.push(new Promise((res) => zip.outputStream.pipe(createWriteStream(`${OUT}/${stem}.zip`)).on('close', res)));
  });
}
await Promise.all(zips);
console.log(`wrote ${OUT}: ${members.length} members`);
