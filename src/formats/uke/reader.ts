// Streaming reader of レセ電 claim files (.UKE), 医科 layout of the current (西暦) edition and the
// older 和暦 edition. Field positions: ../shared/specs/data-formats.md §1.4 (支払基金 記録条件仕様 医科,
// cross-checked against yokenzan/receiptisan's record.rb and its RECEIPTC_GAIRAI_SAMPLE.UKE).
//
// The reader never throws on bad data: a malformed record yields a rejection naming file, line,
// record type and field, the claim it belongs to is rejected as a whole, and reading goes on with
// the next claim. Intact claims always come out.
import type { ClaimKind } from '../../model/canonical.js';
import { normalizeInsurerNumber } from '../../util/check-digit.js';
import { parseJpDate } from '../../util/dates.js';
import { readCp932Lines } from '../lines.js';
import type { Rejection, UkeClaim, UkeDetailLine, UkeEvent, UkeFacility, UkeInsurance, UkePublicPayer } from './types.js';

/** Minimum field counts (record id included) of the current edition, §1.1. */
const FIELD_COUNTS: Record<string, number> = {
  IR: 10,
  RE: 38,
  HO: 15,
  KO: 12,
  SN: 9,
  SY: 8,
  SI: 44,
  IY: 44,
  TO: 48,
  CO: 5,
  GO: 4,
};

/** Payers covered by each 負担区分 code, §1.7: 0 = 医保, 1–4 = 第1–第4公費. */
const BURDEN_PAYERS: Record<string, number[]> = {
  '1': [0],
  '5': [1],
  '6': [2],
  B: [3],
  C: [4],
  '2': [0, 1],
  '3': [0, 2],
  E: [0, 3],
  G: [0, 4],
  '7': [1, 2],
  H: [1, 3],
  I: [1, 4],
  J: [2, 3],
  K: [2, 4],
  L: [3, 4],
  '4': [0, 1, 2],
  M: [0, 1, 3],
  N: [0, 1, 4],
  O: [0, 2, 3],
  P: [0, 2, 4],
  Q: [0, 3, 4],
  R: [1, 2, 3],
  S: [1, 2, 4],
  T: [1, 3, 4],
  U: [2, 3, 4],
  V: [0, 1, 2, 3],
  W: [0, 1, 2, 4],
  X: [0, 1, 3, 4],
  Y: [0, 2, 3, 4],
  Z: [1, 2, 3, 4],
  '9': [0, 1, 2, 3, 4],
};

const KNOWN_IDS = /^(IR|RE|HO|KO|SN|JD|MF|KH|GR|SY|SI|IY|TO|CO|SJ|GO|MN|RC|EX|JY|BU|SB|KK|SK|GA|HH|GT|CD|UK|YK)$/;

/** 修飾語コード 8002 = 「の疑い」 (支払基金 修飾語マスター). */
const SUSPECTED_MODIFIER = '8002';

class RecordError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function claimKindOf(typeCode: string, isDpc: boolean): ClaimKind {
  if (isDpc) return 'DPC';
  switch (typeCode[0]) {
    case '3':
      return '歯科';
    case '4':
      return '調剤';
    case '6':
      return '訪問看護';
    default:
      return Number(typeCode[3]) % 2 === 1 ? '医科入院' : '医科入院外';
  }
}

/** Reads one UKE file and yields facility headers, intact claims, trailers and rejections. */
export async function* readUke(path: string): AsyncGenerator<UkeEvent> {
  let facility: UkeFacility | null = null;
  let claim: UkeClaim | null = null;
  let claimBroken: Rejection | null = null;
  let category: string | null = null;
  let unitSeq = 1;
  let claimCount = 0;
  let pointsSum = 0;
  let sawAny = false;
  let closed = false;

  const reject = (line: number | null, recordType: string | null, field: string | null, code: string, reason: string) =>
    ({ file: path, line, recordType, field, code, reason }) satisfies Rejection;

  function* finishClaim(): Generator<UkeEvent> {
    if (!claim) return;
    if (claimBroken) {
      yield {
        type: 'rejection',
        rejection: reject(
          claim.line,
          'RE',
          null,
          'CLAIM_INCOMPLETE',
          `レセプト (RE 行 ${claim.line}) は行 ${claimBroken.line} の不正レコードのため取り込みません / claim rejected because line ${claimBroken.line} is malformed`,
        ),
      };
    } else {
      finalizeTotals(claim);
      // GO 総件数 counts each HO and each KO as one 件 (§1.4 GO; reproduces the receiptisan sample).
      claimCount += (claim.insurance ? 1 : 0) + claim.publicPayers.length;
      pointsSum += claim.insurance?.points ?? claim.publicPayers[0]?.points ?? 0;
      yield { type: 'claim', claim };
    }
    claim = null;
    claimBroken = null;
  }

  for await (const tl of readCp932Lines(path)) {
    if (tl.text.trim() === '') continue;
    let fields = tl.text.split(',');
    // Insurer-side history files may prefix each record with データ識別, 行番号, 枝番号 (§1.9).
    if (!KNOWN_IDS.test(fields[0] ?? '') && KNOWN_IDS.test(fields[3] ?? '') && /^\d+$/.test(fields[1] ?? '')) {
      fields = fields.slice(3);
    }
    const id = fields[0] ?? '';
    sawAny = true;
    closed = id === 'GO';
    if (tl.undecodable) {
      const r = reject(
        tl.line,
        id || null,
        null,
        'UNDECODABLE',
        'Shift_JIS (CP932) として解読できないバイト列 / undecodable bytes',
      );
      yield { type: 'rejection', rejection: r };
      if (claim) claimBroken ??= r;
      continue;
    }
    if (!KNOWN_IDS.test(id)) {
      const r = reject(
        tl.line,
        id || null,
        'record_id',
        'UNKNOWN_RECORD',
        `不明なレコード識別 "${id.slice(0, 8)}" / unknown record type`,
      );
      yield { type: 'rejection', rejection: r };
      if (claim) claimBroken ??= r;
      continue;
    }
    const need = FIELD_COUNTS[id];
    if (need !== undefined && fields.length < need) {
      const r = reject(tl.line, id, 'field_count', 'FIELD_COUNT', `項目数 ${fields.length} (必要 ${need}) / too few fields`);
      yield { type: 'rejection', rejection: r };
      if (id === 'IR') facility = null;
      if (id === 'RE') {
        yield* finishClaim();
        claim = null;
      } else if (claim) claimBroken ??= r;
      continue;
    }
    try {
      switch (id) {
        case 'IR':
        case 'UK':
        case 'YK': {
          yield* finishClaim();
          facility = parseIR(fields, tl.line);
          yield { type: 'facility', facility };
          break;
        }
        case 'RE': {
          yield* finishClaim();
          if (!facility) throw new RecordError('record_order', 'NO_IR', 'IR レコードより前に RE があります / RE before IR');
          claim = parseRE(fields, tl.line, path, facility);
          category = null;
          unitSeq = 1;
          break;
        }
        case 'GO': {
          yield* finishClaim();
          yield {
            type: 'trailer',
            trailer: {
              line: tl.line,
              totalCount: optInt(fields[1], 'total_count'),
              totalPoints: optInt(fields[2], 'total_points'),
              volume: fields[3] ?? '',
            },
            computedCount: claimCount,
            computedPoints: pointsSum,
          };
          break;
        }
        default: {
          if (!claim)
            throw new RecordError('record_order', 'NO_RE', `${id} がレセプト (RE) の外にあります / ${id} outside a claim`);
          const c: UkeClaim = claim;
          switch (id) {
            case 'HO':
              c.insurance = parseHO(fields, tl.line);
              break;
            case 'KO':
              c.publicPayers.push(parseKO(fields, tl.line));
              break;
            case 'SN':
              if (fields[1] === '1' && fields[6]) c.edaban = fields[6];
              break;
            case 'SY':
              c.diagnoses.push(parseSY(fields, tl.line));
              break;
            case 'SI':
            case 'IY':
            case 'TO': {
              const d = parseDetail(id, fields, tl.line, category, unitSeq);
              category = d.category;
              c.details.push(d);
              if (d.points !== null) unitSeq++;
              break;
            }
            case 'CO':
              c.comments.push({
                line: tl.line,
                category: fields[1] || null,
                burden: fields[2] ?? '',
                code: fields[3] ?? '',
                text: fields[4] ?? '',
              });
              break;
            case 'BU':
              c.kind = 'DPC';
              c.otherRecords.push({ line: tl.line, type: id, fields });
              break;
            default:
              c.otherRecords.push({ line: tl.line, type: id, fields });
          }
        }
      }
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      const r = reject(tl.line, id, err.field, err.code, err.message);
      yield { type: 'rejection', rejection: r };
      if (id === 'RE') claim = null;
      else if (claim) claimBroken ??= r;
    }
  }
  yield* finishClaim();
  if (!sawAny) {
    yield { type: 'rejection', rejection: reject(null, null, null, 'EMPTY_FILE', '空のファイル / empty file') };
  } else if (!closed) {
    // A file must end with GO; a missing trailer means the file was cut short.
    yield {
      type: 'rejection',
      rejection: reject(
        null,
        'GO',
        null,
        'TRUNCATED',
        'GO レコードがありません（ファイルが途中で切れている可能性） / missing GO trailer: file may be truncated',
      ),
    };
  }
}

function parseIR(f: string[], line: number): UkeFacility {
  const code7 = f[4] ?? '';
  if (!/^\d{7}$/.test(code7))
    throw new RecordError('医療機関コード', 'BAD_FACILITY_CODE', `医療機関コードが7桁の数字ではありません: "${code7}"`);
  const pref = f[2] ?? '';
  if (!/^\d{2}$/.test(pref)) throw new RecordError('都道府県', 'BAD_PREFECTURE', `都道府県コードが不正: "${pref}"`);
  return {
    line,
    payerCode: f[1] ?? '',
    prefectureCode: pref,
    scoreTable: f[3] ?? '',
    facilityCode: `${pref}${f[3] ?? ''}${code7}`,
    name: f[6] ?? '',
    billingMonth: reqMonth(f[7], '請求年月'),
    volume: f[8] ?? '',
  };
}

function parseRE(f: string[], line: number, file: string, facility: UkeFacility): UkeClaim {
  const typeCode = f[2] ?? '';
  if (!/^\d{4}$/.test(typeCode))
    throw new RecordError('レセプト種別', 'BAD_TYPE', `レセプト種別が4桁ではありません: "${typeCode}"`);
  const sex = f[5];
  if (sex !== '1' && sex !== '2') throw new RecordError('男女区分', 'BAD_SEX', `男女区分が不正: "${sex}"`);
  const birth = parseJpDate(f[6] ?? '');
  if (!birth) throw new RecordError('生年月日', 'BAD_DATE', `生年月日が不正: "${f[6]}"`);
  const receiptNo = optInt(f[1], 'レセプト番号');
  return {
    file,
    line,
    facility,
    receiptNo: receiptNo ?? 0,
    typeCode,
    kind: claimKindOf(typeCode, false),
    serviceMonth: reqMonth(f[3], '診療年月'),
    patient: { name: f[4] ?? '', kanaName: f[36] ?? '', sex: sex === '1' ? 1 : 2, birthDate: birth },
    admissionDate: f[8] ? reqDate(f[8], '入院年月日') : null,
    insurance: null,
    edaban: null,
    publicPayers: [],
    diagnoses: [],
    details: [],
    comments: [],
    computed: { insurance: 0, publicPayers: [] },
    warnings: [],
    otherRecords: [],
  };
}

function parseHO(f: string[], line: number): UkeInsurance {
  const raw = f[1] ?? '';
  if (!/^ *\d+$/.test(raw)) throw new RecordError('保険者番号', 'BAD_INSURER', `保険者番号が不正: "${raw}"`);
  return {
    line,
    insurerNumber: normalizeInsurerNumber(raw),
    kigo: f[2] ?? '',
    bango: f[3] ?? '',
    days: optInt(f[4], '診療実日数'),
    points: optInt(f[5], '合計点数'),
    mealTimes: optInt(f[7], '食事療養回数'),
    mealYen: optInt(f[8], '食事療養合計金額'),
    patientShareYen: optInt(f[11], '負担金額'),
  };
}

function parseKO(f: string[], line: number): UkePublicPayer {
  return {
    line,
    payerNumber: (f[1] ?? '').trim(),
    recipientNumber: f[2] ?? '',
    days: optInt(f[4], '診療実日数'),
    points: optInt(f[5], '合計点数'),
  };
}

function parseSY(f: string[], line: number) {
  const code = f[1] ?? '';
  if (!/^\d{7}$/.test(code)) throw new RecordError('傷病名コード', 'BAD_CODE', `傷病名コードが7桁ではありません: "${code}"`);
  const modifiers = f[4] ?? '';
  if (modifiers.length % 4 !== 0)
    throw new RecordError('修飾語コード', 'BAD_MODIFIER', `修飾語コードの長さが4の倍数ではありません: "${modifiers}"`);
  const mods: string[] = modifiers.match(/.{4}/g) ?? [];
  return {
    line,
    code,
    onsetDate: f[2] ? reqDate(f[2], '診療開始日') : null,
    outcome: f[3] ?? '',
    modifiers,
    name: f[5] ?? '',
    isMain: f[6] === '01',
    // 未コード化傷病名 may carry 疑い in its free text (e.g. "…の疑い"), as in the receiptisan sample.
    isSuspected: mods.includes(SUSPECTED_MODIFIER) || (code === '0000999' && /疑い$/.test(f[5] ?? '')),
  };
}

function parseDetail(
  id: 'SI' | 'IY' | 'TO',
  f: string[],
  line: number,
  prevCategory: string | null,
  unitSeq: number,
): UkeDetailLine {
  const cat = f[1] ?? '';
  if (cat && !/^\d{2}$/.test(cat)) throw new RecordError('診療識別', 'BAD_CATEGORY', `診療識別が不正: "${cat}"`);
  const burden = f[2] ?? '';
  if (!BURDEN_PAYERS[burden]) throw new RecordError('負担区分', 'BAD_BURDEN', `負担区分が不正: "${burden}"`);
  const code = f[3] ?? '';
  if (!/^\d{9}$/.test(code)) throw new RecordError('コード', 'BAD_CODE', `レセ電コードが9桁ではありません: "${code}"`);
  const dayStart = id === 'TO' ? 17 : 13;
  const dayCounts: number[] = [];
  for (let d = 0; d < 31; d++) dayCounts.push(optInt(f[dayStart + d], `${d + 1}日`) ?? 0);
  const quantity = f[4] ? Number(f[4]) : null;
  if (quantity !== null && !Number.isFinite(quantity))
    throw new RecordError('数量', 'BAD_NUMBER', `数量が数値ではありません: "${f[4]}"`);
  return {
    line,
    record: id,
    category: cat || prevCategory,
    burden,
    code,
    quantity,
    points: optInt(f[5], '点数'),
    times: optInt(f[6], '回数'),
    dayCounts,
    unitSeq,
  };
}

/** Recomputes payer totals from billing units and records mismatches with the declared totals. */
function finalizeTotals(c: UkeClaim): void {
  let insurance = 0;
  const pub = [0, 0, 0, 0];
  for (const d of c.details) {
    if (d.points === null) continue;
    const pts = d.points * (d.times ?? 1);
    for (const p of BURDEN_PAYERS[d.burden] ?? []) {
      if (p === 0) insurance += pts;
      else pub[p - 1] = (pub[p - 1] ?? 0) + pts;
    }
  }
  c.computed = { insurance, publicPayers: pub.slice(0, c.publicPayers.length) };
  const declared = c.insurance?.points;
  if (c.insurance && declared !== null && declared !== undefined && declared !== insurance) {
    c.warnings.push({
      file: c.file,
      line: c.insurance.line,
      recordType: 'HO',
      field: '合計点数',
      code: 'TOTAL_MISMATCH',
      reason: `合計点数 ${declared} と明細の再計算 ${insurance} が一致しません（増減点の可能性） / declared total differs from recomputed`,
    });
  }
}

function optInt(s: string | undefined, field: string): number | null {
  if (s === undefined || s === '') return null;
  if (!/^-?\d+$/.test(s.trim())) throw new RecordError(field, 'BAD_NUMBER', `${field} が整数ではありません: "${s}"`);
  return Number(s);
}

function reqDate(s: string | undefined, field: string): string {
  const d = parseJpDate(s ?? '');
  if (!d || (s ?? '').length < 7) throw new RecordError(field, 'BAD_DATE', `${field} が日付ではありません: "${s}"`);
  return d;
}

function reqMonth(s: string | undefined, field: string): string {
  const v = s ?? '';
  if (!(v.length === 6 || v.length === 5)) throw new RecordError(field, 'BAD_DATE', `${field} が年月ではありません: "${v}"`);
  const d = parseJpDate(v);
  if (!d) throw new RecordError(field, 'BAD_DATE', `${field} が年月ではありません: "${v}"`);
  return d;
}
