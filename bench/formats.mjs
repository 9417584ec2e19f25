// bench/formats: UKE read and write throughput on a ≥1 GB generated file, next to a baseline that
// only decodes CP932 and splits lines and commas, measured in the same run. Each phase runs in its
// own process so that its peak memory (maxRSS) is its own; the reader is also run on a 1/10 file to
// show that memory stays flat in file size.
// Usage: npm run build:server && node bench/formats.mjs [sizeMB=1100] [dir=/tmp/kachi-bench]
// Writes bench/results/formats.json.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const [mode, ...args] = process.argv.slice(2);

async function generate(path, targetMB) {
  const { UkeStreamWriter } = await import('../dist/formats/uke/writer.js');
  const w = new UkeStreamWriter(path, {
    payerCode: '1',
    facilityCode: '1311234569',
    name: 'ベンチマーク病院',
    billingMonth: '2024-05',
    phone: '0300000000',
  });
  const target = targetMB * 1024 * 1024;
  const FAMILY = ['ヤマダ', 'サトウ', 'スズキ', 'タカハシ', 'タナカ', 'イトウ'];
  const GIVEN = ['タロウ', 'ハナコ', 'ケンイチ', 'ミサキ', 'マコト', 'ヨウコ'];
  const days = (...d) => {
    const a = new Array(31).fill(0);
    for (const x of d) a[x - 1] += 1;
    return a;
  };
  let claims = 0;
  const t0 = process.hrtime.bigint();
  while (w.bytes < target) {
    const i = claims++;
    const kana = `${FAMILY[i % 6]}${GIVEN[(i >> 3) % 6]}`;
    const d1 = 1 + (i % 27);
    await w.addClaim({
      typeCode: i % 3 === 0 ? '1116' : '1112',
      serviceMonth: '2024-04',
      patient: {
        name: `試験　${String(i % 1000).replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c)))}号`,
        kanaName: kana,
        sex: (i % 2) + 1,
        birthDate: `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
      },
      chartNo: `K${i}`,
      insurance: { insurerNumber: '06139992', kigo: '１２３', bango: String(100000 + (i % 900000)), days: 2 },
      diagnoses: [
        { code: '8840107', onsetDate: '2023-04-01', isMain: true },
        { code: '8842130', onsetDate: '2023-04-01' },
        { code: '0000999', onsetDate: '2024-04-03', name: '試験病名の疑い' },
      ],
      units: [
        {
          category: '12',
          burden: '1',
          lines: [{ record: 'SI', code: '112007410' }],
          points: 75,
          times: 2,
          dayCounts: days(d1, d1 + 1),
        },
        { category: '13', burden: '1', lines: [{ record: 'SI', code: '113001810' }], points: 225, times: 1, dayCounts: days(d1) },
        {
          category: '60',
          burden: '1',
          lines: [
            { record: 'SI', code: '160000310' },
            { record: 'SI', code: '160010010' },
          ],
          points: 75,
          times: 1,
          dayCounts: days(d1),
        },
        {
          category: '21',
          burden: '1',
          lines: [
            { record: 'IY', code: '612170710', quantity: 1 },
            { record: 'IY', code: '610406079', quantity: 1.5 },
          ],
          points: 12,
          times: 28,
          dayCounts: days(d1).map((n) => n * 28),
          comments: [{ code: '810000001', text: '朝夕食後' }],
        },
        { category: '80', burden: '1', lines: [{ record: 'SI', code: '120002910' }], points: 68, times: 1, dayCounts: days(d1) },
      ],
    });
  }
  await w.close();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { claims, lines: w.lines, bytes: w.bytes, secs };
}

async function baseline(path) {
  let lines = 0;
  let fields = 0;
  let carry = null;
  const t0 = process.hrtime.bigint();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = buf.lastIndexOf(0x0a) + 1;
    carry = buf.subarray(cut);
    const text = iconv.decode(buf.subarray(0, cut), 'cp932');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      lines++;
      fields += line.split(',').length;
    }
  }
  return { lines, fields, secs: Number(process.hrtime.bigint() - t0) / 1e9 };
}

async function read(path) {
  const { readUke } = await import('../dist/formats/uke/reader.js');
  let claims = 0;
  let rejections = 0;
  let details = 0;
  const t0 = process.hrtime.bigint();
  for await (const e of readUke(path)) {
    if (e.type === 'claim') {
      claims++;
      details += e.claim.details.length;
    } else if (e.type === 'rejection') rejections++;
  }
  return { claims, details, rejections, secs: Number(process.hrtime.bigint() - t0) / 1e9 };
}

if (mode === 'child') {
  const [phase, path, mb] = args;
  const fn = { gen: () => generate(path, Number(mb)), baseline: () => baseline(path), read: () => read(path) }[phase];
  const out = await fn();
  out.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(out));
} else {
  const sizeMB = Number(mode ?? 1100);
  const dir = args[0] ?? '/tmp/kachi-bench';
  mkdirSync(dir, { recursive: true });
  const run = (phase, path, mb = '') =>
    JSON.parse(
      execFileSync(process.execPath, [new URL(import.meta.url).pathname, 'child', phase, path, String(mb)], {
        maxBuffer: 1 << 20,
      }).toString(),
    );
  const big = join(dir, 'bench.UKE');
  const small = join(dir, 'bench-small.UKE');
  console.log(`generating ${sizeMB} MB …`);
  const gen = run('gen', big, sizeMB);
  const genSmall = run('gen', small, Math.round(sizeMB / 10));
  const mb = statSync(big).size / 1048576;
  const base = run('baseline', big);
  const rd = run('read', big);
  const rdSmall = run('read', small);
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    fileMB: Math.round(mb),
    write: {
      MBps: +(mb / gen.secs).toFixed(1),
      claimsPerSec: Math.round(gen.claims / gen.secs),
      linesPerSec: Math.round(gen.lines / gen.secs),
      claims: gen.claims,
      secs: +gen.secs.toFixed(1),
      maxRssMB: gen.maxRssMB,
    },
    baseline: {
      MBps: +(mb / base.secs).toFixed(1),
      linesPerSec: Math.round(base.lines / base.secs),
      secs: +base.secs.toFixed(1),
      maxRssMB: base.maxRssMB,
    },
    read: {
      MBps: +(mb / rd.secs).toFixed(1),
      claimsPerSec: Math.round(rd.claims / rd.secs),
      linesPerSec: Math.round(base.lines / rd.secs),
      claims: rd.claims,
      rejections: rd.rejections,
      secs: +rd.secs.toFixed(1),
      maxRssMB: rd.maxRssMB,
    },
    readSmallFile: {
      fileMB: Math.round(statSync(small).size / 1048576),
      maxRssMB: rdSmall.maxRssMB,
      claims: rdSmall.claims,
      generatedClaims: genSmall.claims,
    },
  };
  result.readVsBaseline = +(result.read.MBps / result.baseline.MBps).toFixed(2);
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/formats.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  if (rd.claims !== gen.claims || rd.rejections !== 0) {
    console.error('reader did not return every generated claim');
    process.exit(1);
  }
}
