// Reader of the 特定健診 electronic standard package (MHLW 電子的な標準様式): a ZIP holding
// ix08_V08.xml (index), su08_V08.xml (summary), DATA/h*.xml (one HL7 CDA R2 document per person)
// and CLAIMS/c*.xml. Layout: ../shared/specs/data-formats.md §3. Entries are streamed one by one
// from the ZIP (yauzl), so memory holds one CDA document at a time.
//
// Identity fields (name, 記号・番号) are returned in clear to the ingest, which pseudonymises them.
import { XMLParser } from 'fast-xml-parser';
import yauzl from 'yauzl';
import { type CheckupItem, checkupItemByCode } from '../../terminology/checkup-items.js';
import { normalizeInsurerNumber } from '../../util/check-digit.js';
import { parseJpDate } from '../../util/dates.js';
import type { Rejection } from '../uke/types.js';
import { GUIDANCE_ITEM, GUIDANCE_SECTION } from './guidance-items.js';

export interface CdaObservation {
  code: string;
  type: string | null; // PQ | CD | CO | ST
  value: string | null;
  unit: string | null;
  negated: boolean;
}

/** Identity and envelope shared by 健診 (hc08) and 保健指導 (hg08) documents. */
export interface CdaEnvelope {
  file: string;
  entry: string;
  reportCategory: string; // 10 = 特定健診; 21–25 = 特定保健指導
  issueDate: string;
  insurerNumber: string;
  kigo: string;
  bango: string;
  edaban: string | null;
  kanaName: string;
  sex: 1 | 2;
  birthDate: string;
  postalCode: string | null;
  facilityCode: string | null;
  facilityName: string | null;
}

export interface CheckupDocument extends CdaEnvelope {
  examDate: string;
  observations: CdaObservation[];
  /** Canonical checkup columns derived from the observations (first valid code of each item). */
  values: Record<string, number | boolean | null>;
  /** Observations whose code is not in the shipped item table: kept and reported, never dropped. */
  unknownCodes: string[];
}

/** A support contact (act) of a 特定保健指導 document. */
export interface GuidanceContact {
  date: string | null;
  form: number | null;
  minutes: number | null;
  points: number | null;
}

export interface GuidanceDocument extends CdaEnvelope {
  serviceDate: string;
  /** 1 積極的支援, 2 動機付け支援, 3 動機付け支援相当. */
  supportLevel: number | null;
  initial: (GuidanceContact & { targetWaist: number | null; targetWeight: number | null }) | null;
  continuous: GuidanceContact[];
  final: {
    date: string | null;
    waist: number | null;
    weight: number | null;
    sbp: number | null;
    dbp: number | null;
    outcomeWaistWeight: number | null;
    outcomePoints: number | null;
  } | null;
}

export type CheckupEvent =
  | {
      type: 'index';
      sender: string | null;
      receiver: string | null;
      creationTime: string | null;
      serviceEventType: string | null;
      totalRecordCount: number | null;
    }
  | { type: 'checkup'; doc: CheckupDocument }
  | { type: 'guidance'; doc: GuidanceDocument }
  | { type: 'rejection'; rejection: Rejection };

const OID = {
  insurer: '1.2.392.200119.6.101',
  facility: '1.2.392.200119.6.102',
  kigo: '1.2.392.200119.6.204',
  bango: '1.2.392.200119.6.205',
  edaban: '1.2.392.200119.6.211',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['id', 'component', 'entry', 'entryRelationship', 'observation', 'section', 'act'].includes(name),
});

type Node = Record<string, unknown>;

export async function* readCheckupZip(path: string): AsyncGenerator<CheckupEvent> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    yield {
      type: 'rejection',
      rejection: rej(path, null, 'ZIP', `ZIP として開けません / not a readable ZIP: ${(err as Error).message}`),
    };
    return;
  }
  let sawIndex = false;
  let dataCount = 0;
  try {
    for await (const entry of iterateEntries(zip)) {
      const name = entry.fileName;
      const isIndex = /(^|\/)ix08_V\d+\.xml$/i.test(name);
      const isData = /(^|\/)DATA\/[^/]+\.xml$/i.test(name);
      if (!isIndex && !isData) continue;
      let text: string;
      try {
        text = (await readEntry(zip, entry)).toString('utf8');
      } catch (err) {
        yield {
          type: 'rejection',
          rejection: rej(path, name, 'ZIP_ENTRY', `ZIP エントリを読めません / cannot read entry: ${(err as Error).message}`),
        };
        continue;
      }
      let xml: Node;
      try {
        xml = parser.parse(text, true) as Node;
      } catch (err) {
        yield {
          type: 'rejection',
          rejection: rej(path, name, 'XML_SYNTAX', `XML 構文エラー / malformed XML: ${(err as Error).message.split('\n')[0]}`),
        };
        continue;
      }
      if (isIndex) {
        sawIndex = true;
        const ix = (xml.index ?? {}) as Node;
        yield {
          type: 'index',
          sender: attr(firstId(child(ix, 'sender')), 'extension'),
          receiver: attr(firstId(child(ix, 'receiver')), 'extension'),
          creationTime: parseJpDate(attr(child(ix, 'creationTime'), 'value') ?? ''),
          serviceEventType: attr(child(ix, 'serviceEventType'), 'code'),
          totalRecordCount: numAttr(child(ix, 'totalRecordCount'), 'value'),
        };
        continue;
      }
      dataCount++;
      yield parseDocument(xml, path, name);
    }
  } catch (err) {
    // A damaged central directory or entry stream ends the ZIP; what was read stays reported.
    yield {
      type: 'rejection',
      rejection: rej(path, null, 'ZIP', `ZIP の読み込み中にエラー / ZIP damaged: ${(err as Error).message}`),
    };
    return;
  } finally {
    zip.close();
  }
  if (!sawIndex && dataCount === 0) {
    yield {
      type: 'rejection',
      rejection: rej(
        path,
        null,
        'NOT_TOKUTEI',
        '特定健診パッケージ (ix08 / DATA/h*.xml) が含まれていません / no 特定健診 documents in ZIP',
      ),
    };
  }
}

function parseDocument(xml: Node, file: string, entry: string): CheckupEvent {
  const doc = xml.ClinicalDocument as Node | undefined;
  if (!doc)
    return { type: 'rejection', rejection: rej(file, entry, 'NOT_CDA', 'ClinicalDocument がありません / not a CDA document') };
  const env = parseEnvelope(doc, file, entry);
  if ('code' in env) return { type: 'rejection', rejection: env };
  if (env.reportCategory === '10') {
    const res = parseCheckup(doc, env, file, entry);
    return 'code' in res ? { type: 'rejection', rejection: res } : { type: 'checkup', doc: res };
  }
  if (/^2[1-5]$/.test(env.reportCategory)) return { type: 'guidance', doc: parseGuidance(doc, env) };
  return {
    type: 'rejection',
    rejection: rej(
      file,
      entry,
      'UNSUPPORTED_REPORT',
      `対応していない報告区分 "${env.reportCategory}" (10 特定健診, 21–25 特定保健指導)`,
      '報告区分',
    ),
  };
}

function parseEnvelope(doc: Node, file: string, entry: string): CdaEnvelope | Rejection {
  const role = child(child(doc, 'recordTarget'), 'patientRole');
  const ids = arr(role?.id);
  const idBy = (root: string) =>
    attr(
      ids.find((i) => attr(i, 'root') === root),
      'extension',
    );
  const insurer = idBy(OID.insurer);
  if (!insurer || !/^\d{6,8}$/.test(insurer))
    return rej(file, entry, 'BAD_INSURER', `保険者番号が不正: "${insurer ?? ''}"`, '保険者番号');
  const bango = idBy(OID.bango);
  if (!bango)
    return rej(file, entry, 'MISSING_FIELD', '被保険者証等番号がありません / missing insured number', '被保険者証等番号');
  const patient = child(role, 'patient');
  const sexCode = attr(child(patient, 'administrativeGenderCode'), 'code');
  if (sexCode !== '1' && sexCode !== '2') return rej(file, entry, 'BAD_SEX', `男女区分が不正: "${sexCode ?? ''}"`, '男女区分');
  const birth = parseJpDate(attr(child(patient, 'birthTime'), 'value') ?? '');
  if (!birth) return rej(file, entry, 'BAD_DATE', '生年月日が不正 / bad birth date', '生年月日');
  const issue = parseJpDate(attr(child(doc, 'effectiveTime'), 'value') ?? '');
  if (!issue) return rej(file, entry, 'BAD_DATE', '文書発行日が不正 / bad document date', '文書発行日');
  const org = child(child(child(doc, 'author'), 'assignedAuthor'), 'representedOrganization');
  return {
    file,
    entry,
    reportCategory: attr(child(doc, 'code'), 'code') ?? '',
    issueDate: issue,
    insurerNumber: normalizeInsurerNumber(insurer),
    kigo: idBy(OID.kigo) ?? '',
    bango,
    edaban: idBy(OID.edaban),
    kanaName: text(child(patient, 'name')) ?? '',
    sex: sexCode === '1' ? 1 : 2,
    birthDate: birth,
    postalCode: text(child(child(role, 'addr'), 'postalCode')),
    facilityCode: attr(firstId(org), 'extension'),
    facilityName: text(child(org, 'name')),
  };
}

function serviceDate(doc: Node): string | null {
  return parseJpDate(attr(child(child(child(doc, 'documentationOf'), 'serviceEvent'), 'effectiveTime'), 'value') ?? '');
}

function parseCheckup(doc: Node, env: CdaEnvelope, file: string, entry: string): CheckupDocument | Rejection {
  const exam = serviceDate(doc);
  if (!exam) return rej(file, entry, 'BAD_DATE', '健診実施日が不正 / bad exam date', '健診実施日');
  const observations: CdaObservation[] = [];
  collectObservations(child(child(doc, 'component'), 'structuredBody'), observations);
  const { values, unknownCodes, invalid } = mapObservations(observations);
  if (invalid) return rej(file, entry, 'IMPOSSIBLE_VALUE', invalid.reason, invalid.field);
  return { ...env, examDate: exam, observations, values, unknownCodes };
}

/** Reads the sections of a 特定保健指導 document (item codes: ./guidance-items.ts). */
function parseGuidance(doc: Node, env: CdaEnvelope): GuidanceDocument {
  const sections = arr(child(child(doc, 'component'), 'structuredBody')?.component).map((c) => child(c, 'section'));
  const bySection = (code: string) => sections.filter((s) => attr(child(s, 'code'), 'code') === code);
  const entries = (code: string) => bySection(code).flatMap((s) => arr(s?.entry));
  const acts = (code: string) => entries(code).flatMap((e) => arr(e.act));
  const inner = (a: Node) => {
    const m = new Map<string, Node | undefined>();
    for (const er of arr(a.entryRelationship)) {
      for (const o of arr(er.observation)) {
        const c = attr(child(o, 'code'), 'code');
        if (c) m.set(c, child(o, 'value'));
      }
    }
    return m;
  };
  const num = (v: Node | undefined) => {
    const x = attr(v, 'value') ?? attr(v, 'code');
    return x === null ? null : Number(x);
  };
  const contact = (a: Node, minutesCode: string, pointsCode: string | null): GuidanceContact => {
    const m = inner(a);
    return {
      date: parseJpDate(attr(child(a, 'effectiveTime'), 'value') ?? ''),
      form: num(child(a, 'code')),
      minutes: num(m.get(minutesCode)),
      points: pointsCode ? num(m.get(pointsCode)) : null,
    };
  };
  const level = entries(GUIDANCE_SECTION.common)
    .flatMap((e) => arr(e.observation))
    .find((o) => attr(child(o, 'code'), 'code') === GUIDANCE_ITEM.supportLevel);
  const initialAct = acts(GUIDANCE_SECTION.initial)[0];
  const finalAct = acts(GUIDANCE_SECTION.final)[0];
  const fm = finalAct ? inner(finalAct) : null;
  const im = initialAct ? inner(initialAct) : null;
  return {
    ...env,
    serviceDate: serviceDate(doc) ?? env.issueDate,
    supportLevel: num(child(level, 'value')),
    initial: initialAct
      ? {
          ...contact(initialAct, GUIDANCE_ITEM.initialMinutes, null),
          targetWaist: num(im?.get(GUIDANCE_ITEM.targetWaist)),
          targetWeight: num(im?.get(GUIDANCE_ITEM.targetWeight)),
        }
      : null,
    continuous: acts(GUIDANCE_SECTION.continuous).map((a) =>
      contact(a, GUIDANCE_ITEM.continuousMinutes, GUIDANCE_ITEM.continuousPoints),
    ),
    final:
      finalAct && fm
        ? {
            date: parseJpDate(attr(child(finalAct, 'effectiveTime'), 'value') ?? ''),
            waist: num(fm.get(GUIDANCE_ITEM.finalWaist)),
            weight: num(fm.get(GUIDANCE_ITEM.finalWeight)),
            sbp: num(fm.get(GUIDANCE_ITEM.finalSbp)),
            dbp: num(fm.get(GUIDANCE_ITEM.finalDbp)),
            outcomeWaistWeight: num(fm.get(GUIDANCE_ITEM.outcomeWaistWeight)),
            outcomePoints: num(fm.get(GUIDANCE_ITEM.outcomePoints)),
          }
        : null,
  };
}

function collectObservations(node: unknown, out: CdaObservation[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectObservations(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Node;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'observation') {
      for (const obs of arr(v)) {
        const code = attr(child(obs, 'code'), 'code');
        if (code) {
          const value = child(obs, 'value');
          out.push({
            code,
            type: attr(value, 'type'),
            value: attr(value, 'value') ?? attr(value, 'code') ?? text(value),
            unit: attr(value, 'unit'),
            negated: attr(obs, 'negationInd') === 'true',
          });
        }
        collectObservations(obs, out); // batteries nest observations in entryRelationship
      }
    } else if (typeof v === 'object') collectObservations(v, out);
  }
}

function mapObservations(obs: CdaObservation[]): {
  values: Record<string, number | boolean | null>;
  unknownCodes: string[];
  invalid: { field: string; reason: string } | null;
} {
  const best = new Map<CheckupItem, { rank: number; value: string }>();
  const unknownCodes: string[] = [];
  for (const o of obs) {
    const hit = checkupItemByCode(o.code);
    if (!hit) {
      unknownCodes.push(o.code);
      continue;
    }
    if (o.negated || o.value === null || o.value === '') continue;
    const prev = best.get(hit.item);
    if (!prev || hit.rank < prev.rank) best.set(hit.item, { rank: hit.rank, value: o.value });
  }
  const values: Record<string, number | boolean | null> = {};
  for (const [item, { value }] of best) {
    let v: number | boolean;
    if (item.kind === 'yesno') v = value === '1';
    else {
      v = Number(value);
      if (!Number.isFinite(v))
        return {
          values,
          unknownCodes,
          invalid: { field: item.nameJa, reason: `${item.nameJa} が数値ではありません: "${value}"` },
        };
      if (item.range && (v < item.range[0] || v > item.range[1])) {
        return {
          values,
          unknownCodes,
          invalid: {
            field: item.nameJa,
            reason: `${item.nameJa} の値 ${v} は範囲外 (${item.range.join('–')}) / impossible value`,
          },
        };
      }
      if (item.kind === 'integer') v = Math.round(v);
    }
    values[item.column] = v;
  }
  // Canonical TG: fasting value when present, otherwise the 随時 value (第4期 allows non-fasting TG).
  const fastingTg = values.tg_fasting_value;
  const randomTg = values.tg_random_value;
  delete values.tg_fasting_value;
  delete values.tg_random_value;
  if (typeof fastingTg === 'number') {
    values.tg_mgdl = fastingTg;
    values.tg_fasting = true;
  } else if (typeof randomTg === 'number') {
    values.tg_mgdl = randomTg;
    values.tg_fasting = false;
  }
  return { values, unknownCodes, invalid: null };
}

function rej(file: string, entry: string | null, code: string, reason: string, field: string | null = null): Rejection {
  return {
    file: entry ? `${file}!${entry}` : file,
    line: entry ? 1 : null,
    recordType: entry ? 'ClinicalDocument' : null,
    field,
    code,
    reason,
  };
}

function child(n: unknown, key: string): Node | undefined {
  if (!n || typeof n !== 'object') return undefined;
  const v = (n as Node)[key];
  return (Array.isArray(v) ? v[0] : v) as Node | undefined;
}

function arr(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

function firstId(n: Node | undefined): Node | undefined {
  return child(n, 'id');
}

function attr(n: unknown, name: string): string | null {
  if (!n || typeof n !== 'object') return null;
  const v = (n as Node)[`@${name}`];
  return typeof v === 'string' ? v : null;
}

function numAttr(n: unknown, name: string): number | null {
  const v = attr(n, name);
  return v === null ? null : Number(v);
}

function text(n: unknown): string | null {
  if (typeof n === 'string') return n;
  if (n && typeof n === 'object' && typeof (n as Node)['#text'] === 'string') return (n as Node)['#text'] as string;
  return null;
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err || !zip ? reject(err) : resolve(zip))),
  );
}

async function* iterateEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  while (true) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}
