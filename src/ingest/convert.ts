// Turns the typed records of each reader into canonical rows (pseudonymised) for one file.
import { createHash } from 'node:crypto';
import { CARE_LEVELS, type CareIdentity, readBarthel, readCareCertifications, readCareClaims } from '../formats/csv/care.js';
import { FACILITY_KIND, readFacilityList } from '../formats/csv/facilities.js';
import { type CsvEvent, readInsurerList, readMemberRegister } from '../formats/csv/register.js';
import type { FileFormat } from '../formats/detect.js';
import { type GuidanceDocument, readCheckupZip } from '../formats/tokutei-xml/reader.js';
import { readUke } from '../formats/uke/reader.js';
import type { Rejection, UkeClaim } from '../formats/uke/types.js';
import { fiscalYear } from '../util/dates.js';
import type { Pseudonymizer } from './pseudonymize.js';

export type TableRows = Record<string, Record<string, unknown>[]>;

export interface FileBatch {
  rows: TableRows;
  rejections: Rejection[];
  warnings: Rejection[];
  recordsRead: number;
  /** A file-level problem: nothing of the file may be loaded. */
  fatal: Rejection | null;
  /** Facility rows come from the facility list (authoritative: they replace stored rows); otherwise
   * facility rows seen in claims only add unknown facilities and fill missing values. */
  facilityMaster?: boolean;
}

/** Rejections without a line (or these codes) mean the file as a whole cannot be trusted. */
const FATAL_CODES = new Set(['EMPTY_FILE', 'TRUNCATED', 'ZIP', 'NOT_TOKUTEI', 'BAD_HEADER', 'CSV_SYNTAX']);

export interface LinkContext {
  pseudo: Pseudonymizer;
  /** enrollment_key → member_key for members already known (from the register). */
  lookupMember(enrollmentKey: string): Promise<string | null>;
  /** The subset of member_keys present in the member table (care files link only to registered members).
   * Absent: every key is taken as linked. */
  knownMembers?(memberKeys: string[]): Promise<Set<string>>;
}

/** Year-month of the day before the birth date (the legal age-increment day). */
export function ageBaseYm(birthIso: string): string {
  return new Date(Date.parse(`${birthIso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
}

export function hashId(...parts: (string | number | null)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => String(p ?? '')).join('\u001f'))
    .digest('hex')
    .slice(0, 32);
}

function newBatch(): FileBatch {
  return { rows: {}, rejections: [], warnings: [], recordsRead: 0, fatal: null };
}

function push(b: FileBatch, table: string, row: Record<string, unknown>): void {
  const list = b.rows[table] ?? [];
  list.push(row);
  b.rows[table] = list;
}

function addRejection(b: FileBatch, r: Rejection): void {
  if (FATAL_CODES.has(r.code)) b.fatal ??= r;
  else b.rejections.push(r);
}

export async function convertFile(path: string, format: FileFormat, fileId: string, ctx: LinkContext): Promise<FileBatch> {
  switch (format) {
    case 'insurer-list-csv':
      return convertInsurers(path);
    case 'member-register-csv':
      return convertRegister(path, fileId, ctx);
    case 'uke':
      return convertUke(path, fileId, ctx);
    case 'tokutei-zip':
      return convertCheckups(path, fileId, ctx);
    case 'facility-list-csv':
      return convertFacilities(path);
    case 'care-certification-csv':
      return convertCare(path, ctx, readCareCertifications(path), (r, memberKey) => ({
        table: 'care_certification',
        row: {
          member_key: memberKey,
          care_insurer_code: r.careInsurerNumber,
          decision_date: r.decisionDate,
          // 非該当 has no 有効期間: the decision date keys the row, valid_to stays null.
          valid_from: r.validFrom ?? r.decisionDate,
          valid_to: r.validTo,
          care_level: CARE_LEVELS[r.levelCode],
          ingest_file_id: fileId,
          source_line: r.line,
        },
      }));
    case 'care-claims-csv':
      return convertCare(path, ctx, readCareClaims(path), (r, memberKey) => ({
        table: 'care_claim',
        row: {
          // Natural key: 事業所 × person × サービス提供年月 × サービス種類 (a re-submission replaces it).
          care_claim_id: hashId(r.providerCode, memberKey, r.serviceMonth, r.serviceType),
          member_key: memberKey,
          service_month: r.serviceMonth,
          provider_code: r.providerCode,
          service_type_code: r.serviceType,
          units: r.units,
          cost_yen: r.costYen,
          benefit_yen: r.benefitYen,
          ingest_file_id: fileId,
          source_line: r.line,
          care_insurer_code: r.careInsurerNumber,
          service_days: r.serviceDays,
          unit_price: r.unitPrice,
          benefit_rate: r.benefitRate,
          public_yen: r.publicYen,
          patient_share_yen: r.patientShareYen,
        },
      }));
    case 'barthel-csv':
      return convertCare(path, ctx, readBarthel(path), (r, memberKey) => ({
        table: 'adl_assessment',
        row: {
          member_key: memberKey,
          assessment_date: r.assessmentDate,
          provider_code: r.providerCode,
          ...r.items,
          total: r.total,
          ingest_file_id: fileId,
          source_line: r.line,
        },
      }));
    default: {
      const b = newBatch();
      b.fatal = {
        file: path,
        line: null,
        recordType: null,
        field: null,
        code: 'UNKNOWN_FORMAT',
        reason:
          '対応していないファイル形式です (UKE・特定健診ZIP・被保険者台帳CSV・保険者マスタCSV・医療機関等一覧CSV・要介護認定CSV・介護給付費明細CSV・Barthel CSV) / unsupported file format',
      };
      return b;
    }
  }
}

async function convertInsurers(path: string): Promise<FileBatch> {
  const b = newBatch();
  for await (const e of readInsurerList(path)) {
    b.recordsRead++;
    if (e.type === 'rejection') addRejection(b, e.rejection);
    else
      push(b, 'insurer', {
        insurer_number: e.row.insurerNumber,
        name: e.row.name,
        insurer_type: e.row.insurerType,
        industry_code: e.row.industryCode,
        prefecture_code: e.row.prefectureCode,
      });
  }
  return b;
}

async function convertFacilities(path: string): Promise<FileBatch> {
  const b = newBatch();
  b.facilityMaster = true;
  for await (const e of readFacilityList(path)) {
    b.recordsRead++;
    if (e.type === 'rejection') addRejection(b, e.rejection);
    else
      push(b, 'facility', {
        facility_code: e.row.code,
        name: e.row.name,
        facility_kind: FACILITY_KIND[e.row.type],
        prefecture_code: e.row.prefectureCode,
        municipality_code: e.row.municipalityCode,
        beds: e.row.beds,
        functions: e.row.functions.length ? e.row.functions.join(',') : null,
        facility_type: e.row.type,
      });
  }
  return b;
}

/**
 * Care files identify people by 介護保険者番号・介護被保険者番号 and name. They are linked to members with
 * the member register's own key (normalised 氏名カナ + 生年月日 + 性別); a row whose person is not in the
 * member table is quarantined (UNLINKED_MEMBER). Names and 被保険者番号 never reach the store.
 */
async function convertCare<T extends CareIdentity & { line: number }>(
  path: string,
  ctx: LinkContext,
  events: AsyncGenerator<CsvEvent<T>>,
  toRow: (r: T, memberKey: string) => { table: string; row: Record<string, unknown> },
): Promise<FileBatch> {
  const b = newBatch();
  const pending: { r: T; key: string }[] = [];
  for await (const e of events) {
    b.recordsRead++;
    if (e.type === 'rejection') {
      addRejection(b, e.rejection);
      continue;
    }
    const r = e.row;
    if (!r.kanaName.trim()) {
      b.rejections.push({
        file: path,
        line: r.line,
        recordType: 'row',
        field: '氏名カナ',
        code: 'UNLINKED_MEMBER',
        reason: '氏名カナがないため加入者を特定できません / no kana name: member cannot be linked',
      });
      continue;
    }
    pending.push({ r, key: ctx.pseudo.memberKey(r.kanaName, r.birthDate, r.sex) });
  }
  const known = ctx.knownMembers ? await ctx.knownMembers(pending.map((p) => p.key)) : null;
  for (const { r, key } of pending) {
    if (known && !known.has(key)) {
      b.rejections.push({
        file: path,
        line: r.line,
        recordType: 'row',
        field: '氏名カナ',
        code: 'UNLINKED_MEMBER',
        reason:
          '被保険者台帳に該当する加入者がいません（氏名カナ・生年月日・性別） / no registered member with this kana name, birth date and sex',
      });
      continue;
    }
    const { table, row } = toRow(r, key);
    push(b, table, row);
  }
  return b;
}

async function convertRegister(path: string, fileId: string, ctx: LinkContext): Promise<FileBatch> {
  const b = newBatch();
  for await (const e of readMemberRegister(path)) {
    b.recordsRead++;
    if (e.type === 'rejection') {
      addRejection(b, e.rejection);
      continue;
    }
    const r = e.row;
    const memberKey = ctx.pseudo.memberKey(r.kanaName, r.birthDate, r.sex);
    push(b, 'member', {
      member_key: memberKey,
      sex: r.sex,
      birth_ym: r.birthDate.slice(0, 7),
      age_base_ym: ageBaseYm(r.birthDate),
      relation: r.relation,
      municipality_code: r.municipalityCode,
      death_date: null,
    });
    push(b, 'enrollment', {
      enrollment_key: ctx.pseudo.enrollmentKey(r.insurerNumber, r.kigo, r.bango, r.birthDate, r.sex),
      member_key: memberKey,
      insurer_number: r.insurerNumber,
      relation: r.relation,
      employer_id: r.employerId,
      municipality_code: r.municipalityCode,
      start_date: r.startDate,
      end_date: r.endDate,
      ingest_file_id: fileId,
      source_line: r.line,
    });
    if (r.employerId) {
      push(b, 'employer', {
        employer_id: r.employerId,
        insurer_number: r.insurerNumber,
        name: r.employerName ?? r.employerId,
        industry_code: r.industryCode,
        prefecture_code: null,
      });
    }
  }
  return b;
}

async function resolveMember(
  ctx: LinkContext,
  kana: string,
  birth: string,
  sex: number,
  enrollmentKey: string | null,
): Promise<string | null> {
  if (enrollmentKey) {
    const known = await ctx.lookupMember(enrollmentKey);
    if (known) return known;
  }
  return kana ? ctx.pseudo.memberKey(kana, birth, sex) : null;
}

async function convertUke(path: string, fileId: string, ctx: LinkContext): Promise<FileBatch> {
  const b = newBatch();
  for await (const e of readUke(path)) {
    if (e.type === 'rejection') {
      b.recordsRead++;
      addRejection(b, e.rejection);
    } else if (e.type === 'facility') {
      push(b, 'facility', {
        facility_code: e.facility.facilityCode,
        name: e.facility.name,
        facility_kind: { '1': '医科', '3': '歯科', '4': '調剤' }[e.facility.scoreTable] ?? null,
        prefecture_code: e.facility.prefectureCode,
        municipality_code: null,
        beds: null,
        functions: null,
      });
    } else if (e.type === 'trailer') {
      const t = e.trailer;
      if (t.volume === '99' && t.totalPoints !== null && t.totalPoints !== e.computedPoints) {
        b.warnings.push({
          file: path,
          line: t.line,
          recordType: 'GO',
          field: '総合計点数',
          code: 'TOTAL_MISMATCH',
          reason: `GO 総合計点数 ${t.totalPoints} ≠ 再計算 ${e.computedPoints}`,
        });
      }
    } else {
      b.recordsRead++;
      await pushClaim(b, e.claim, fileId, ctx);
    }
  }
  return b;
}

async function pushClaim(b: FileBatch, c: UkeClaim, fileId: string, ctx: LinkContext): Promise<void> {
  const p = c.patient;
  const enrollmentKey = c.insurance
    ? ctx.pseudo.enrollmentKey(c.insurance.insurerNumber, c.insurance.kigo, c.insurance.bango, p.birthDate, p.sex)
    : null;
  const memberKey = await resolveMember(ctx, p.kanaName, p.birthDate, p.sex, enrollmentKey);
  if (!memberKey || !c.insurance) {
    b.rejections.push({
      file: c.file,
      line: c.line,
      recordType: 'RE',
      field: memberKey ? '保険者' : 'カタカナ氏名',
      code: 'UNLINKED_MEMBER',
      reason: memberKey
        ? '医保 (HO) のないレセプトは現在取り込み対象外です / claims without HO are not loaded yet'
        : '加入者を特定できません（カナ氏名なし・台帳に該当なし） / member cannot be linked',
    });
    return;
  }
  b.warnings.push(...c.warnings);
  // Natural key of a claim: facility, member, service month, claim kind, the 被保険者証 (insurer and
  // 記号・番号, as the enrolment key: a change of card within the month gives two claims), for
  // inpatient claims the admission date (DPC bills each stay of a month on its own claim) and for 調剤
  // the prescribing facility (one claim per 処方医療機関). A re-submission has the same key.
  const claimId = hashId(
    c.facility.facilityCode,
    memberKey,
    c.serviceMonth,
    c.kind,
    enrollmentKey ?? c.insurance.insurerNumber,
    c.admissionDate,
    c.prescriber?.facilityCode ?? null,
  );
  push(b, 'claim', {
    claim_id: claimId,
    member_key: memberKey,
    enrollment_key: enrollmentKey,
    insurer_number: c.insurance.insurerNumber,
    facility_code: c.facility.facilityCode,
    claim_kind: c.kind,
    claim_type_code: c.typeCode,
    service_month: c.serviceMonth,
    billing_month: c.facility.billingMonth,
    admission_date: c.admissionDate,
    days: c.insurance.days,
    points: c.insurance.points ?? c.computed.insurance,
    meal_yen: c.insurance.mealYen,
    patient_share_yen: c.insurance.patientShareYen,
    ingest_file_id: fileId,
    source_line: c.line,
    prescriber_code: c.prescriber?.facilityCode ?? null,
  });
  c.diagnoses.forEach((d, i) => {
    push(b, 'claim_diagnosis', {
      claim_id: claimId,
      seq: i + 1,
      disease_code: d.code,
      icd10: null,
      disease_name: d.code === '0000999' ? d.name : null,
      modifier_codes: d.modifiers || null,
      is_main: d.isMain,
      is_suspected: d.isSuspected,
      onset_date: d.onsetDate,
      outcome_code: d.outcome || null,
      source_line: d.line,
    });
  });
  // One object per line, no spread copies: a claim file has tens of thousands of lines.
  const procedures = (b.rows.claim_procedure ??= []);
  const devices = (b.rows.claim_device ??= []);
  const drugs = (b.rows.claim_drug ??= []);
  for (let i = 0; i < c.details.length; i++) {
    const d = c.details[i] as (typeof c.details)[number];
    const dayCounts = d.dayCounts.join(',');
    if (d.record === 'SI' || d.record === 'SS')
      procedures.push({
        claim_id: claimId,
        seq: i + 1,
        unit_seq: d.unitSeq,
        category_code: d.category,
        burden_code: d.burden,
        procedure_code: d.code,
        quantity: d.quantity,
        unit_points: d.points,
        times: d.times,
        day_counts: dayCounts,
        source_line: d.line,
      });
    else if (d.record === 'TO')
      devices.push({
        claim_id: claimId,
        seq: i + 1,
        unit_seq: d.unitSeq,
        category_code: d.category,
        burden_code: d.burden,
        device_code: d.code,
        quantity: d.quantity,
        unit_points: d.points,
        times: d.times,
        day_counts: dayCounts,
        source_line: d.line,
      });
    else
      drugs.push({
        claim_id: claimId,
        seq: i + 1,
        unit_seq: d.unitSeq,
        category_code: d.category,
        burden_code: d.burden,
        drug_code: d.code,
        yj_code: null,
        is_generic: null,
        quantity: d.quantity,
        unit_points: d.points,
        times: d.times,
        // 医科 内服 (診療識別 21): 回数 is the number of days supplied; 調剤 内服: CZ 調剤数量.
        days_supplied: d.daysSupplied ?? (d.category === '21' ? d.times : null),
        day_counts: dayCounts,
        source_line: d.line,
      });
  }
}

async function convertCheckups(path: string, fileId: string, ctx: LinkContext): Promise<FileBatch> {
  const b = newBatch();
  for await (const e of readCheckupZip(path)) {
    if (e.type === 'index') continue;
    b.recordsRead++;
    if (e.type === 'rejection') {
      addRejection(b, e.rejection);
      continue;
    }
    if (e.type === 'guidance') {
      await pushGuidance(b, e.doc, path, fileId, ctx);
      continue;
    }
    const d = e.doc;
    const enrollmentKey = ctx.pseudo.enrollmentKey(d.insurerNumber, d.kigo, d.bango, d.birthDate, d.sex);
    const memberKey = await resolveMember(ctx, d.kanaName, d.birthDate, d.sex, enrollmentKey);
    if (!memberKey) {
      b.rejections.push({
        file: `${path}!${d.entry}`,
        line: 1,
        recordType: 'ClinicalDocument',
        field: '氏名',
        code: 'UNLINKED_MEMBER',
        reason: '加入者を特定できません / member cannot be linked',
      });
      continue;
    }
    push(b, 'checkup', {
      checkup_id: hashId(memberKey, d.examDate, d.facilityCode),
      member_key: memberKey,
      enrollment_key: enrollmentKey,
      insurer_number: d.insurerNumber,
      exam_date: d.examDate,
      fiscal_year: fiscalYear(d.examDate),
      facility_code: d.facilityCode,
      ...d.values,
      ingest_file_id: fileId,
      source_line: 1,
      source_entry: d.entry,
    });
  }
  return b;
}

async function pushGuidance(b: FileBatch, g: GuidanceDocument, path: string, fileId: string, ctx: LinkContext): Promise<void> {
  const enrollmentKey = ctx.pseudo.enrollmentKey(g.insurerNumber, g.kigo, g.bango, g.birthDate, g.sex);
  const memberKey = await resolveMember(ctx, g.kanaName, g.birthDate, g.sex, enrollmentKey);
  if (!memberKey) {
    b.rejections.push({
      file: `${path}!${g.entry}`,
      line: 1,
      recordType: 'ClinicalDocument',
      field: '氏名',
      code: 'UNLINKED_MEMBER',
      reason: '加入者を特定できません / member cannot be linked',
    });
    return;
  }
  push(b, 'health_guidance', {
    guidance_id: hashId(memberKey, g.reportCategory, g.serviceDate),
    member_key: memberKey,
    insurer_number: g.insurerNumber,
    fiscal_year: fiscalYear(g.initial?.date ?? g.serviceDate),
    report_category: g.reportCategory,
    service_date: g.serviceDate,
    support_level: g.supportLevel,
    initial_date: g.initial?.date ?? null,
    initial_form: g.initial?.form ?? null,
    target_waist_cm: g.initial?.targetWaist ?? null,
    target_weight_kg: g.initial?.targetWeight ?? null,
    continuous_contacts: g.continuous.length,
    continuous_points: g.continuous.reduce((s, c) => s + (c.points ?? 0), 0),
    final_date: g.final?.date ?? null,
    final_waist_cm: g.final?.waist ?? null,
    final_weight_kg: g.final?.weight ?? null,
    final_sbp: g.final?.sbp ?? null,
    final_dbp: g.final?.dbp ?? null,
    outcome_waist_weight: g.final?.outcomeWaistWeight ?? null,
    outcome_points: g.final?.outcomePoints ?? null,
    facility_code: g.facilityCode,
    ingest_file_id: fileId,
    source_entry: g.entry,
  });
}
