// Every claim kind and the 特定健診 / 特定保健指導 packages: the readers return exactly the golden JSON,
// and the writers reproduce the fixture bytes from what the readers return (typed round trip).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenOfUke, goldenOfZip } from '../../src/formats/golden.js';
import { readCheckupZip } from '../../src/formats/tokutei-xml/reader.js';
import {
  checkupDocument,
  checkupInputFromDocument,
  guidanceDocument,
  guidanceInputFromDocument,
  writeCheckupPackage,
} from '../../src/formats/tokutei-xml/writer.js';
import { encodeLines } from '../../src/formats/uke/codec.js';
import { readUke } from '../../src/formats/uke/reader.js';
import type { UkeClaim } from '../../src/formats/uke/types.js';
import { buildUkeFile, claimInputFromClaim, type FacilityInput } from '../../src/formats/uke/writer.js';
import { tempDir } from '../helpers/store.js';

const UKE = 'test/fixtures/uke';
const XML = 'test/fixtures/tokutei';
const golden = (p: string) => JSON.parse(readFileSync(`${p}.golden.json`, 'utf8'));

describe('golden reader output', () => {
  for (const f of ['worked-example.UKE', 'ika-nyuin.UKE', 'dpc.UKE', 'shika.UKE', 'chozai.CYO']) {
    it(`UKE ${f}`, async () => {
      expect(await goldenOfUke(`${UKE}/${f}`)).toEqual(golden(`${UKE}/${f}`));
    });
  }
  for (const f of ['kenshin.zip', 'hokenshido.zip']) {
    it(`特定健診 XML ${f}`, async () => {
      expect(await goldenOfZip(`${XML}/${f}`)).toEqual(golden(`${XML}/${f}`));
    });
  }
});

async function claimsOf(path: string) {
  const claims: UkeClaim[] = [];
  const records: string[][] = [];
  for await (const e of readUke(path)) {
    if (e.type === 'facility') records.push(e.facility.record.fields);
    if (e.type === 'claim') {
      claims.push(e.claim);
      records.push(...e.claim.records.map((r) => r.fields));
    }
    if (e.type === 'trailer') records.push(e.trailer.record.fields);
  }
  return { claims, records };
}

describe('documented totals per claim kind', () => {
  it('DPC: 包括 (GT) + 出来高 = HO 合計点数, diagnoses with ICD-10 and roles', async () => {
    const { claims } = await claimsOf(`${UKE}/dpc.UKE`);
    const c = claims[0] as UkeClaim;
    expect(c.kind).toBe('DPC');
    expect(c.dpc).toMatchObject({
      code: '040080xx99x0xx',
      admissionDate: '2024-05-10',
      dischargeDate: '2024-05-17',
      bundledPoints: 24521,
    });
    expect(c.computed.insurance).toBe(24521 + 50);
    expect(c.insurance?.points).toBe(24571);
    expect(c.diagnoses.map((d) => [d.icd10, d.dpcRole, d.isMain])).toEqual([
      ['J189', '01', false],
      ['J189', '11', true],
    ]);
    expect(c.patient.kanaName).toBe('ニュウインジロウ'); // 40-column DPC RE
  });

  it('歯科: HS 歯式, SS points, IR before the claim', async () => {
    const { claims } = await claimsOf(`${UKE}/shika.UKE`);
    const c = claims[0] as UkeClaim;
    expect(c.kind).toBe('歯科');
    expect(c.records.map((r) => r.fields[0])).toEqual(['IR', 'RE', 'HO', 'SN', 'HS', 'SS', 'IY']);
    expect(c.diagnoses[0]).toMatchObject({ code: '0000999', name: 'う蝕', toothCodes: '102600', onsetDate: '2024-05-12' });
    expect(c.computed.insurance).toBe(267 + 10);
  });

  it('調剤: prescriber, days supplied and CZ/KI fees add up to HO', async () => {
    const { claims } = await claimsOf(`${UKE}/chozai.CYO`);
    const c = claims[0] as UkeClaim;
    expect(c.kind).toBe('調剤');
    expect(c.prescriber).toEqual({ facilityCode: '1311234569', name: 'テスト内科医院' });
    expect(c.details.map((d) => [d.code, d.quantity, d.daysSupplied, d.dispensedDate])).toEqual([
      ['610406079', 1.5, 28, '2024-05-16'],
      ['612170710', 1, 28, '2024-05-16'],
    ]);
    expect(c.computed.insurance).toBe(24 + 336 + 50 + 45);
    expect(c.insurance).toMatchObject({ insurerNumber: '39131016', points: 455, days: 1, patientShareYen: 270 });
  });
});

describe('round trips', () => {
  it('read → write → read is record-identical for every UKE fixture', async () => {
    for (const f of ['worked-example.UKE', 'ika-nyuin.UKE', 'dpc.UKE', 'shika.UKE', 'chozai.CYO']) {
      const a = await claimsOf(`${UKE}/${f}`);
      const p = join(tempDir(), f);
      writeFileSync(p, encodeLines(a.records));
      const b = await claimsOf(p);
      expect(b.records).toEqual(a.records);
      expect(readFileSync(p).equals(readFileSync(`${UKE}/${f}`))).toBe(true);
    }
  });

  it('typed write → read → write is byte-identical for generated 医科入院 and 歯科 files', async () => {
    const cases: [string, FacilityInput][] = [
      [
        'ika-nyuin.UKE',
        { payerCode: '1', facilityCode: '1311234569', name: 'テスト総合病院', billingMonth: '2024-05', phone: '0300000000' },
      ],
      ['shika.UKE', { payerCode: '1', facilityCode: '1331234565', name: 'さくら歯科医院', billingMonth: '2024-06' }],
    ];
    for (const [f, facility] of cases) {
      const { claims } = await claimsOf(`${UKE}/${f}`);
      expect(buildUkeFile(facility, claims.map(claimInputFromClaim)).equals(readFileSync(`${UKE}/${f}`))).toBe(true);
    }
  });

  it('typed write → read → write is byte-identical for the XML packages', async () => {
    for (const f of ['kenshin.zip', 'hokenshido.zip']) {
      const docs: string[] = [];
      let pkg: { sender: string; receiver: string; creationDate: string; kind: 1 | 2 } | null = null;
      for await (const e of readCheckupZip(`${XML}/${f}`)) {
        if (e.type === 'checkup') docs.push(checkupDocument(checkupInputFromDocument(e.doc)));
        if (e.type === 'guidance') docs.push(guidanceDocument(guidanceInputFromDocument(e.doc)));
        if (e.type === 'index')
          pkg = {
            sender: e.sender ?? '',
            receiver: e.receiver ?? '',
            creationDate: e.creationTime ?? '',
            kind: e.serviceEventType === '2' ? 2 : 1,
          };
        expect(e.type).not.toBe('rejection');
      }
      expect(pkg).not.toBeNull();
      const p = join(tempDir(), f);
      await writeCheckupPackage(p, pkg as NonNullable<typeof pkg>, docs);
      expect(readFileSync(p).equals(readFileSync(`${XML}/${f}`))).toBe(true);
    }
  });
});
