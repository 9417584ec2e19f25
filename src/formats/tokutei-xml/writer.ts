// Writer of the 特定健診・特定保健指導 electronic standard package (MHLW 電子的な標準様式):
// hc08 (健診) and hg08 (保健指導) CDA documents, ix08 index, su08 summary, in a ZIP laid out as
// `{送付元}_{送付先}_{作成日}{回数}_{実施区分}/` with DATA/. Header element order follows the XSD
// xs:sequence (docs/research/tokutei-xml-writer-and-hg08.md §1–4). Output is deterministic: the same
// input always gives the same bytes (fixed ZIP timestamps, fixed element and attribute order).
import { createWriteStream } from 'node:fs';
import yazl from 'yazl';
import { CHECKUP_ITEMS, type CheckupItem, YES_NO_SYSTEM } from '../../terminology/checkup-items.js';
import { hasValidCheckDigit } from '../../util/check-digit.js';
import { GUIDANCE_ITEM, GUIDANCE_SECTION, SUPPORT_FORM_SYSTEM } from './guidance-items.js';
import type { CdaEnvelope, CheckupDocument, GuidanceDocument } from './reader.js';

const OID = '1.2.392.200119.6.';
const MHLW_NS = 'https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000161103.html';
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

export interface PersonInput {
  insurerNumber: string;
  kigo: string;
  bango: string;
  edaban?: string | null;
  kanaName: string;
  sex: 1 | 2;
  birthDate: string;
  postalCode?: string;
}

export interface CheckupDocInput extends PersonInput {
  examDate: string;
  /** 文書発行日; defaults to the exam date. */
  issueDate?: string;
  /** 10-digit 健診機関番号. */
  facilityCode: string;
  facilityName: string;
  /** Canonical checkup columns (see src/terminology/checkup-items.ts). */
  values: Record<string, number | boolean | null | undefined>;
}

export interface GuidanceDocInput extends PersonInput {
  /** 報告区分: 21 開始時, 22 実績評価時, 23 途中終了. */
  reportCategory: '21' | '22' | '23' | '24' | '25';
  serviceDate: string;
  facilityCode: string;
  facilityName: string;
  /** 1 積極的支援, 2 動機付け支援, 3 動機付け支援相当 (…6.1112). */
  supportLevel: 1 | 2 | 3;
  initial?: { date: string; form: number; minutes: number; targetWaist?: number; targetWeight?: number };
  continuous?: { date: string; form: number; minutes: number; points: number }[];
  final?: {
    date: string;
    waist: number;
    weight: number;
    sbp?: number;
    dbp?: number;
    outcomeWaistWeight?: 0 | 1 | 2;
    outcomePoints?: number;
  };
}

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
const d8 = (iso: string) => iso.replaceAll('-', '').slice(0, 8);
const pad8 = (insurer: string) => insurer.padStart(8, '0');

function patientRole(p: PersonInput): string {
  const ids = [`<id root="${OID}101" extension="${pad8(p.insurerNumber)}"/>`];
  if (p.kigo) ids.push(`<id root="${OID}204" extension="${esc(p.kigo)}"/>`);
  ids.push(`<id root="${OID}205" extension="${esc(p.bango)}"/>`);
  if (p.edaban) ids.push(`<id root="${OID}211" extension="${esc(p.edaban)}"/>`);
  const addr = p.postalCode ? `<addr><postalCode>${esc(p.postalCode)}</postalCode></addr>` : '';
  return `<recordTarget><patientRole>${ids.join('')}${addr}<patient><name>${esc(p.kanaName)}</name><administrativeGenderCode code="${p.sex}" codeSystem="${OID}1104"/><birthTime value="${d8(p.birthDate)}"/></patient></patientRole></recordTarget>`;
}

function header(
  reportCode: string,
  issue: string,
  p: PersonInput,
  facilityCode: string,
  facilityName: string,
  program: string,
  serviceDate: string,
): string {
  if (!/^\d{10}$/.test(facilityCode) || !hasValidCheckDigit(facilityCode))
    throw new Error(`健診・保健指導機関番号の検証番号が不正: ${facilityCode}`);
  const org = `<representedOrganization><id root="${OID}102" extension="${facilityCode}"/><name>${esc(facilityName)}</name></representedOrganization>`;
  return [
    '<typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>',
    '<id nullFlavor="NI"/>',
    `<code code="${reportCode}" codeSystem="${OID}1001"/>`,
    `<effectiveTime value="${d8(issue)}"/>`,
    '<confidentialityCode code="N"/>',
    patientRole(p),
    `<author><time value="${d8(issue)}"/><assignedAuthor><id nullFlavor="NI"/>${org}</assignedAuthor></author>`,
    '<custodian><assignedCustodian><representedCustodianOrganization><id nullFlavor="NI"/></representedCustodianOrganization></assignedCustodian></custodian>',
    `<documentationOf><serviceEvent><code code="${program}" codeSystem="${OID}1002"/><effectiveTime value="${d8(serviceDate)}"/><performer typeCode="PRF"><assignedEntity><id nullFlavor="NI"/><representedOrganization><id root="${OID}102" extension="${facilityCode}"/></representedOrganization></assignedEntity></performer></serviceEvent></documentationOf>`,
  ].join('');
}

const obs = (code: string, value: string) =>
  `<entry><observation classCode="OBS" moodCode="EVN"><code code="${code}"/>${value}</observation></entry>`;
const pq = (v: number, decimals: number, unit: string) =>
  `<value xsi:type="PQ" value="${v.toFixed(decimals)}" unit="${esc(unit)}"/>`;
const coded = (type: 'CD' | 'CO', code: number, system: string) =>
  `<value xsi:type="${type}" code="${code}" codeSystem="${system}"/>`;

function itemObservation(item: CheckupItem, v: number | boolean): string {
  const code = item.codes[0] as string;
  if (item.kind === 'yesno') return obs(code, coded('CD', v ? 1 : 2, `${OID}${YES_NO_SYSTEM}`));
  if (item.kind === 'code') return obs(code, coded(item.ordinal ? 'CO' : 'CD', Number(v), `${OID}${item.codeSystem ?? ''}`));
  return obs(code, pq(Number(v), item.decimals ?? 0, item.unit ?? ''));
}

export function checkupDocument(d: CheckupDocInput): string {
  const values = { ...d.values };
  // Canonical TG → the fasting or the 随時 code (fasting when tg_fasting is not false).
  if (typeof values.tg_mgdl === 'number') {
    values[values.tg_fasting === false ? 'tg_random_value' : 'tg_fasting_value'] = values.tg_mgdl;
  }
  const entries: string[] = [];
  for (const item of CHECKUP_ITEMS) {
    const v = values[item.column];
    if (v === null || v === undefined) continue;
    entries.push(itemObservation(item, v));
  }
  const body = `<component><structuredBody><component><section><code code="01010" codeSystem="${OID}1010"/><text/>${entries.join('')}</section></component></structuredBody></component>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:hl7-org:v3 ../XSD/hc08_V08.xsd">${header('10', d.issueDate ?? d.examDate, d, d.facilityCode, d.facilityName, '010', d.examDate)}${body}</ClinicalDocument>\n`;
}

export function guidanceDocument(g: GuidanceDocInput): string {
  const section = (code: string, inner: string) =>
    `<component><section><code code="${code}" codeSystem="${OID}1010"/>${inner}</section></component>`;
  const comp = (code: string, value: string) =>
    `<entryRelationship typeCode="COMP"><observation classCode="OBS" moodCode="EVN"><code code="${code}"/>${value}</observation></entryRelationship>`;
  const minutes = (code: string, m: number) => comp(code, `<value xsi:type="PQ" value="${m}" unit="min"/>`);
  const act = (form: number, date: string, inner: string) =>
    `<entry><act classCode="ACT" moodCode="EVN"><code code="${form}" codeSystem="${SUPPORT_FORM_SYSTEM}"/><effectiveTime value="${d8(date)}"/>${inner}</act></entry>`;
  const sections = [section(GUIDANCE_SECTION.common, obs(GUIDANCE_ITEM.supportLevel, coded('CD', g.supportLevel, `${OID}1112`)))];
  if (g.initial) {
    const i = g.initial;
    const targets = [
      i.targetWaist !== undefined ? comp(GUIDANCE_ITEM.targetWaist, pq(i.targetWaist, 1, 'cm')) : '',
      i.targetWeight !== undefined ? comp(GUIDANCE_ITEM.targetWeight, pq(i.targetWeight, 1, 'kg')) : '',
    ].join('');
    sections.push(
      section(GUIDANCE_SECTION.initial, act(i.form, i.date, minutes(GUIDANCE_ITEM.initialMinutes, i.minutes) + targets)),
    );
  }
  if (g.continuous?.length) {
    const acts = g.continuous.map((c) =>
      act(
        c.form,
        c.date,
        minutes(GUIDANCE_ITEM.continuousMinutes, c.minutes) +
          comp(GUIDANCE_ITEM.continuousPoints, `<value xsi:type="INT" value="${c.points}"/>`),
      ),
    );
    sections.push(section(GUIDANCE_SECTION.continuous, acts.join('')));
  }
  if (g.final) {
    const f = g.final;
    const inner = [
      comp(GUIDANCE_ITEM.finalWaist, pq(f.waist, 1, 'cm')),
      comp(GUIDANCE_ITEM.finalWeight, pq(f.weight, 1, 'kg')),
      f.sbp !== undefined ? comp(GUIDANCE_ITEM.finalSbp, pq(f.sbp, 0, 'mm[Hg]')) : '',
      f.dbp !== undefined ? comp(GUIDANCE_ITEM.finalDbp, pq(f.dbp, 0, 'mm[Hg]')) : '',
      f.outcomeWaistWeight !== undefined
        ? comp(GUIDANCE_ITEM.outcomeWaistWeight, coded('CD', f.outcomeWaistWeight, `${OID}24090`))
        : '',
      f.outcomePoints !== undefined
        ? comp(GUIDANCE_ITEM.outcomePoints, `<value xsi:type="INT" value="${f.outcomePoints}"/>`)
        : '',
    ].join('');
    sections.push(section(GUIDANCE_SECTION.final, act(1, f.date, inner)));
  }
  const body = `<component><structuredBody>${sections.join('')}</structuredBody></component>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:hl7-org:v3 ../XSD/hg08_V08.xsd">${header(g.reportCategory, g.serviceDate, g, g.facilityCode, g.facilityName, '100', g.serviceDate)}${body}</ClinicalDocument>\n`;
}

export interface PackageInput {
  /** 送付元機関番号 (10 digits). */
  sender: string;
  /** 送付先 保険者番号. */
  receiver: string;
  creationDate: string;
  /** 同日分割送信回数 (0–9). */
  sendCount?: number;
  /** 実施区分: 1 特定健診, 2 特定保健指導. */
  kind: 1 | 2;
}

export function packageStem(p: PackageInput): string {
  return `${p.sender}_${pad8(p.receiver)}_${d8(p.creationDate)}${p.sendCount ?? 0}_${p.kind}`;
}

function indexXml(p: PackageInput, files: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<index xmlns="${MHLW_NS}"><interactionType code="6"/><creationTime value="${d8(p.creationDate)}"/><sender><id root="${OID}102" extension="${p.sender}"/></sender><receiver><id root="${OID}101" extension="${pad8(p.receiver)}"/></receiver><serviceEventType code="${p.kind}"/><totalRecordCount value="${files}"/></index>\n`;
}

function summaryXml(p: PackageInput, subjects: number): string {
  const amount = (name: string) => `<${name} value="0" currency="JPY"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<summary xmlns="${MHLW_NS}"><serviceEventType code="${p.kind}"/><totalSubjectCount value="${subjects}"/>${amount('totalCostAmount')}${amount('totalPaymentAmount')}${amount('totalClaimAmount')}</summary>\n`;
}

/**
 * Writes a package ZIP. DATA files are named h|g + 送付元 (10) + 作成日 (8) + 回数 (1) + 実施区分 (1) +
 * 連番 (6), the official pattern. Settlement (CLAIMS) files are not written: amounts are zero in su08.
 */
/**
 * A package being written: documents are added one at a time and compressed into the ZIP as they come,
 * so memory does not grow with the number of documents.
 */
/** Documents that may wait for compression before add() applies back-pressure. */
const MAX_QUEUED = 2000;

export class CheckupPackageWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly done: Promise<void>;
  private readonly stem: string;
  private n = 0;

  constructor(
    path: string,
    private readonly p: PackageInput,
  ) {
    this.stem = packageStem(p);
    this.done = new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      out.on('close', () => resolve());
      out.on('error', reject);
      this.zip.outputStream.pipe(out);
    });
  }

  /**
   * Adds one document. Resolves at once unless many documents still wait for compression, then when
   * they have been written (back-pressure: memory stays flat for packages of any size).
   */
  add(doc: string): Promise<void> | undefined {
    const p = this.p;
    this.n++;
    const name = `${p.kind === 1 ? 'h' : 'g'}${p.sender}${d8(p.creationDate)}${p.sendCount ?? 0}${p.kind}${String(this.n).padStart(6, '0')}.xml`;
    this.zip.addBuffer(Buffer.from(doc, 'utf8'), `${this.stem}/DATA/${name}`, { mtime: ZIP_MTIME, compress: true });
    this.release();
    if (this.n - this.written <= MAX_QUEUED) return undefined;
    return new Promise<void>((resolve) => {
      const wait = () => {
        this.release();
        if (this.n - this.written <= MAX_QUEUED / 2) resolve();
        else setTimeout(wait, 2);
      };
      wait();
    });
  }

  /**
   * yazl keeps every entry until the end (for the central directory), and with it the closure that
   * holds the entry's compressed bytes. Entries already written need only their metadata: drop the
   * closure. (yazl 3.x internals: entries[], state 3 = FILE_DATA_DONE, doFileDataPump.)
   */
  private written = 0;
  private release(): void {
    const entries = (this.zip as unknown as { entries: { state: number; doFileDataPump: unknown }[] }).entries;
    while (this.written < entries.length && entries[this.written]?.state === 3) {
      (entries[this.written] as { doFileDataPump: unknown }).doFileDataPump = null;
      this.written++;
    }
  }

  get count(): number {
    return this.n;
  }

  async close(): Promise<{ files: number }> {
    this.zip.addBuffer(Buffer.from(indexXml(this.p, this.n), 'utf8'), `${this.stem}/ix08_V08.xml`, { mtime: ZIP_MTIME });
    this.zip.addBuffer(Buffer.from(summaryXml(this.p, this.n), 'utf8'), `${this.stem}/su08_V08.xml`, { mtime: ZIP_MTIME });
    this.zip.end();
    await this.done;
    return { files: this.n };
  }
}

export async function writeCheckupPackage(
  path: string,
  p: PackageInput,
  documents: Iterable<string>,
): Promise<{ files: number }> {
  const w = new CheckupPackageWriter(path, p);
  for (const doc of documents) await w.add(doc);
  return w.close();
}

function personFromEnvelope(d: CdaEnvelope): PersonInput {
  return {
    insurerNumber: d.insurerNumber,
    kigo: d.kigo,
    bango: d.bango,
    edaban: d.edaban,
    kanaName: d.kanaName,
    sex: d.sex,
    birthDate: d.birthDate,
    ...(d.postalCode ? { postalCode: d.postalCode } : {}),
  };
}

/** The writer input of a read 特定健診 document: the typed round trip. */
export function checkupInputFromDocument(d: CheckupDocument): CheckupDocInput {
  return {
    ...personFromEnvelope(d),
    examDate: d.examDate,
    issueDate: d.issueDate,
    facilityCode: d.facilityCode ?? '',
    facilityName: d.facilityName ?? '',
    values: d.values,
  };
}

/** The writer input of a read 特定保健指導 document. */
export function guidanceInputFromDocument(d: GuidanceDocument): GuidanceDocInput {
  const n = (v: number | null) => v ?? 0;
  return {
    ...personFromEnvelope(d),
    reportCategory: d.reportCategory as GuidanceDocInput['reportCategory'],
    serviceDate: d.serviceDate,
    facilityCode: d.facilityCode ?? '',
    facilityName: d.facilityName ?? '',
    supportLevel: n(d.supportLevel) as 1 | 2 | 3,
    ...(d.initial
      ? {
          initial: {
            date: d.initial.date ?? '',
            form: n(d.initial.form),
            minutes: n(d.initial.minutes),
            ...(d.initial.targetWaist !== null ? { targetWaist: d.initial.targetWaist } : {}),
            ...(d.initial.targetWeight !== null ? { targetWeight: d.initial.targetWeight } : {}),
          },
        }
      : {}),
    ...(d.continuous.length
      ? {
          continuous: d.continuous.map((c) => ({
            date: c.date ?? '',
            form: n(c.form),
            minutes: n(c.minutes),
            points: n(c.points),
          })),
        }
      : {}),
    ...(d.final
      ? {
          final: {
            date: d.final.date ?? '',
            waist: n(d.final.waist),
            weight: n(d.final.weight),
            ...(d.final.sbp !== null ? { sbp: d.final.sbp } : {}),
            ...(d.final.dbp !== null ? { dbp: d.final.dbp } : {}),
            ...(d.final.outcomeWaistWeight !== null ? { outcomeWaistWeight: d.final.outcomeWaistWeight as 0 | 1 | 2 } : {}),
            ...(d.final.outcomePoints !== null ? { outcomePoints: d.final.outcomePoints } : {}),
          },
        }
      : {}),
  };
}
