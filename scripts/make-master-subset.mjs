// Writes the shipped master subset (src/terminology/data/*.csv) in the official 支払基金 layouts
// (quoted CSV, CP932, CRLF, no header) from the researched rows in subset-research*.json. Every row
// there was read from a published master file (sources listed in the JSON); columns this script does
// not know are left empty. The same importer reads these files and the full masters.
// Usage: node scripts/make-master-subset.mjs
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const DIR = 'src/terminology/data';
// Only the diseases/drugs/procedures arrays are read: subset-research-3.json also holds
// pharmacy_procedures (調剤行為マスター, not read by the importer) and subset-research-4.json
// dental_procedures (歯科診療行為マスター); both are ignored here.
const research = [
  'subset-research.json',
  'subset-research-2.json',
  'subset-research-3.json',
  'subset-research-4.json',
  'subset-research-5.json',
  'subset-research-6.json',
  'subset-research-7.json',
  'subset-research-8.json',
  'subset-research-9.json',
  'subset-research-10.json',
]
  .filter((f) => existsSync(`${DIR}/${f}`))
  .map((f) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')));
const uniq = (rows) => [...new Map(rows.map((r) => [r.code, r])).values()].sort((a, b) => a.code.localeCompare(b.code));
const diseases = uniq(research.flatMap((r) => r.diseases ?? []));
const drugs = uniq(research.flatMap((r) => r.drugs ?? []));
const procedures = uniq(research.flatMap((r) => r.procedures ?? []));

const csv = (rows) => rows.map((r) => r.map((v) => `"${String(v ?? '')}"`).join(',')).join('\r\n') + '\r\n';
const row = (n, set) => {
  const r = new Array(n).fill('');
  for (const [i, v] of Object.entries(set)) r[Number(i)] = v;
  return r;
};

// 傷病名 b: 46 columns; 2 code, 5 name, 9 kana, 15 ICD-10 (2013), 23 廃止年月日.
const b = diseases.map((d) =>
  row(46, { 0: '0', 1: 'B', 2: d.code, 3: d.code, 5: d.name, 9: d.kana ?? '', 15: d.icd10 ?? '', 23: d.abolished ?? '99999999' }),
);
// 修飾語 z (19 columns): 8002 の疑い (data-formats.md §2.2, confirmed on the S6 z master).
const z = [row(19, { 0: '0', 1: 'Z', 2: '8002', 6: 'の疑い', 9: 'ノウタガイ', 15: '99999999', 18: 'A8000000' })];
// 医薬品 y: 35 columns; 4 name, 9 unit, 11 price, 16 後発品, 27 剤形, 30 廃止, 31 薬価基準コード.
const y = drugs.map((d) =>
  row(35, {
    0: '0',
    1: 'Y',
    2: d.code,
    4: d.name,
    9: d.unit ?? '',
    10: '1',
    11: d.price ?? '',
    16: d.generic ? '1' : '0',
    27: d.dosage_form ?? '',
    30: '99999999',
    31: d.yakka_code ?? '',
    34: d.name,
  }),
);
// 診療行為 s: 4 name, 10 点数識別 3, 11 points, 87 廃止 (rows shorter than the real 120+ columns are padded to 113).
const s = procedures.map((p) =>
  row(113, {
    0: '0',
    1: 'S',
    2: p.code,
    4: p.name,
    10: p.point_type ?? '3', // 点数識別: 3 = 点数, 1 = 金額 (yen, e.g. 入院時食事療養/生活療養)
    11: p.points?.toFixed ? p.points.toFixed(2) : p.points,
    87: '99999999',
    112: p.name,
  }),
);
// 特定器材 t and コメント c: the codes used by the fixtures (real rows, data-formats.md §2.5 and the S6 sample).
const t = [
  row(37, { 0: '0', 1: 'T', 2: '700010000', 4: '半切', 9: '枚', 10: '1', 11: '120.00', 29: '99999999', 36: 'フィルム・半切' }),
];
const c = [row(24, { 0: '0', 1: 'C', 2: '8', 3: '10', 4: '000001', 6: '', 21: '99999999', 22: '810000001' })];

for (const [name, rows] of [
  ['b_subset', b],
  ['z_subset', z],
  ['y_subset', y],
  ['s_subset', s],
  ['t_subset', t],
  ['c_subset', c],
]) {
  writeFileSync(`${DIR}/${name}.csv`, iconv.encode(csv(rows), 'cp932'));
}
console.log(`subset: ${b.length} 傷病名, ${y.length} 医薬品, ${s.length} 診療行為`);
