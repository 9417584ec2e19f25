// Streaming reader of レセ電 claim files (.UKE): 医科 and DPC typed, 歯科・調剤 records kept verbatim.
// Field layouts: ./layouts.ts. Semantics (../shared/specs/data-formats.md §1.7): 診療識別 carry-forward,
// 点数・回数算定単位 (points on the last line of a unit), the 31 per-day counts, 負担区分 → payers,
// totals cross-check against HO/KO and GO.
//
// The reader never throws on bad data: a malformed record yields a rejection naming file, line,
// record type and field; the claim it belongs to is rejected as a whole and reading goes on with the
// next claim. Intact claims always come out, each with its records verbatim (for round trips).
import type { ClaimKind } from '../../model/canonical.js';
import { normalizeInsurerNumber } from '../../util/check-digit.js';
import { parseJpDate } from '../../util/dates.js';
import { readCp932LineBatches } from '../lines.js';
import { colOf, get, opt, type UkeRecord, validateRecord } from './codec.js';
import { type ScoreTable, tableOfHead } from './layouts.js';
import type { Rejection, UkeClaim, UkeDetailLine, UkeEvent, UkeFacility } from './types.js';

/** Payers covered by each 負担区分 code, §1.7: 0 = 医保, 1–4 = 第1–第4公費. */
export const BURDEN_PAYERS: Record<string, number[]> = {
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

const HEAD_IDS = new Set(['IR', 'UK', 'YK']);
const KNOWN_IDS = new Set(
  'IR RE HO KO SN JD MF KH GR SY SI IY TO CO SJ GO MN RC EX JY BU SB KK SK GA HH GT CD UK YK HS SS SH CZ KI TK ST NI TI TR TS'.split(
    ' ',
  ),
);

/** 修飾語コード 8002 = 「の疑い」 (支払基金 修飾語マスター). */
const SUSPECTED_MODIFIER = '8002';
/** 診療識別 97 = 食事・生活療養: amounts in yen, not points (data-formats.md errata 3). */
const MEAL_CATEGORY = '97';

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

/** Splits a decoded line into fields, dropping an insurer-side prefix (データ識別, 行番号, 枝番号; §1.9). */
export function splitRecord(text: string): string[] {
  const fields = text.split(',');
  const n = fields.length - 1;
  const lastField = fields[n] as string;
  if (lastField.charCodeAt(lastField.length - 1) === 0x0d) fields[n] = lastField.slice(0, -1);
  if (!KNOWN_IDS.has(fields[0] ?? '') && KNOWN_IDS.has(fields[3] ?? '') && /^\d+$/.test(fields[1] ?? '')) {
    return fields.slice(3);
  }
  return fields;
}

interface State {
  table: ScoreTable;
  /** 歯科: the IR written before each claim, attached to the next RE. */
  pendingIr: UkeRecord | null;
  /** 調剤: the current 処方 (SH) and 調剤 (CZ) that following IY/TO records belong to. */
  rx: { dosageForm: string } | null;
  dispense: { prescribed: string | null; dispensed: string | null; quantity: number | null } | null;
  facility: UkeFacility | null;
  claim: UkeClaim | null;
  broken: Rejection | null;
  /** The open claim's RE line could not be read: its records are only collected. */
  unreadable: boolean;
  category: string | null;
  unitSeq: number;
  hoKoCount: number;
  pointsSum: number;
  closed: boolean;
  sawAny: boolean;
}

/** Reads one UKE file and yields facility headers, intact claims, trailers and rejections. */
export async function* readUke(path: string): AsyncGenerator<UkeEvent> {
  let lastLine = 0;
  const st: State = {
    table: 'ika',
    pendingIr: null,
    rx: null,
    dispense: null,
    facility: null,
    claim: null,
    broken: null,
    unreadable: false,
    category: null,
    unitSeq: 1,
    hoKoCount: 0,
    pointsSum: 0,
    closed: false,
    sawAny: false,
  };
  const reject = (
    line: number | null,
    recordType: string | null,
    field: string | null,
    code: string,
    reason: string,
  ): Rejection => ({
    file: path,
    line,
    recordType,
    field,
    code,
    reason,
  });

  /** Closes the open claim: its event (claim or rejection), or null when none was open. A plain
   * function, not a generator: `yield*` of a sync generator inside this async generator would cost an
   * async iteration step per record. */
  function finishClaim(): UkeEvent | null {
    const c = st.claim;
    if (!c) return null;
    let ev: UkeEvent;
    if (st.broken) {
      ev = {
        type: 'rejection',
        rejection: reject(
          c.line,
          'RE',
          null,
          'CLAIM_INCOMPLETE',
          `レセプト (RE 行 ${c.line}) は行 ${st.broken.line} の不正レコードのため取り込みません / claim rejected because line ${st.broken.line} is malformed`,
        ),
      };
    } else {
      finalizeTotals(c);
      // GO 総件数 counts each HO and each KO as one 件 (data-formats.md errata 1; reproduces the
      // receiptisan sample: 75 receipts, 140 件); 総合計点数 sums the main payer's points.
      st.hoKoCount += (c.insurance ? 1 : 0) + c.publicPayers.length;
      st.pointsSum += c.insurance?.points ?? c.publicPayers[0]?.points ?? 0;
      ev = { type: 'claim', claim: c };
    }
    st.claim = null;
    st.broken = null;
    st.unreadable = false;
    return ev;
  }

  /** A rejection of one line; a record inside a claim breaks that claim. */
  const fail = (line: number, id: string, field: string | null, code: string, reason: string) => {
    const r = reject(line, id || null, field, code, reason);
    if (st.claim && id !== 'RE') st.broken ??= r;
    return { type: 'rejection', rejection: r } as const;
  };

  for await (const batch of readCp932LineBatches(path))
    for (let bi = 0; bi < batch.texts.length; bi++) {
      const text = batch.texts[bi] as string;
      const tl = {
        line: batch.firstLine + bi,
        undecodable: batch.undecodable?.has(bi) === true,
        looksUtf8: batch.utf8?.has(bi) === true,
      };
      lastLine = tl.line;
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue;
      const fields = splitRecord(text);
      const id = fields[0] ?? '';
      // The head record (IR, UK 歯科, YK 調剤) decides the layouts of the records that follow.
      if (id === 'UK' || id === 'YK' || (id === 'IR' && st.table !== 'shika')) st.table = tableOfHead(fields);
      const rec: UkeRecord = { line: tl.line, fields, table: st.table };
      st.sawAny = true;
      st.closed = id === 'GO';
      const encodingError = batch.undecodable?.has(bi)
        ? (['UNDECODABLE', 'Shift_JIS (CP932) として解読できないバイト列 / undecodable bytes'] as const)
        : batch.utf8?.has(bi)
          ? (['WRONG_ENCODING', 'UTF-8 で書かれた行です（Shift_JIS であるべき） / line is UTF-8, not Shift_JIS'] as const)
          : null;
      if (encodingError) {
        const rejection = fail(tl.line, id, null, encodingError[0], encodingError[1]);
        if (id === 'RE' && st.facility) {
          // An unreadable RE still opens its claim: the records up to the next RE belong to it and are
          // rejected with it (CLAIM_INCOMPLETE), never appended to the claim before.
          const done = finishClaim();
          if (done) yield done;
          st.claim = unreadableClaim(rec, path, st.facility);
          st.broken = rejection.rejection;
          st.unreadable = true;
        }
        yield rejection;
        continue;
      }
      if (!KNOWN_IDS.has(id)) {
        yield fail(tl.line, id, 'record_id', 'UNKNOWN_RECORD', `不明なレコード識別 "${id.slice(0, 8)}" / unknown record type`);
        continue;
      }
      const { errors, warnings } = validateRecord(rec);
      if (errors.length > 0) {
        const e = errors[0] as (typeof errors)[number];
        if (id === 'RE' || HEAD_IDS.has(id) || id === 'GO') {
          const done = finishClaim();
          if (done) yield done;
        }
        if (HEAD_IDS.has(id)) st.facility = null;
        yield fail(tl.line, id, e.field, e.code, e.reason);
        continue;
      }
      try {
        if (id === 'IR' && st.table === 'shika') {
          // 歯科: IR is repeated at the head of every claim (its 届出 reflect that claim's month).
          {
            const done = finishClaim();
            if (done) yield done;
          }
          st.pendingIr = rec;
        } else if (HEAD_IDS.has(id)) {
          {
            const done = finishClaim();
            if (done) yield done;
          }
          st.facility = parseHead(rec);
          yield { type: 'facility', facility: st.facility };
        } else if (id === 'RE') {
          {
            const done = finishClaim();
            if (done) yield done;
          }
          if (!st.facility) throw new RecordError('record_order', 'NO_IR', 'IR レコードより前に RE があります / RE before IR');
          st.claim = parseRE(rec, path, st.facility);
          if (st.pendingIr) st.claim.records.unshift(st.pendingIr);
          st.pendingIr = null;
          st.rx = null;
          st.dispense = null;
          st.category = null;
          st.unitSeq = 1;
        } else if (id === 'GO') {
          {
            const done = finishClaim();
            if (done) yield done;
          }
          yield {
            type: 'trailer',
            trailer: {
              line: tl.line,
              record: rec,
              totalCount: optInt(get(rec, '総件数')),
              totalPoints: optInt(get(rec, '総合計点数')),
              volume: get(rec, 'マルチボリューム識別情報'),
            },
            computedCount: st.hoKoCount,
            computedPoints: st.pointsSum,
          };
        } else {
          if (!st.claim)
            throw new RecordError('record_order', 'NO_RE', `${id} がレセプト (RE) の外にあります / ${id} outside a claim`);
          if (st.unreadable) st.claim.records.push(rec);
          else addToClaim(st, st.claim, rec);
        }
        if (st.claim && warnings.length > 0) {
          for (const w of warnings) st.claim.warnings.push(reject(tl.line, id, w.field, w.code, w.reason));
        }
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        yield fail(tl.line, id, err.field, err.code, err.message);
        if (id === 'RE') st.claim = null;
      }
    }
  {
    const done = finishClaim();
    if (done) yield done;
  }
  if (!st.sawAny) {
    yield { type: 'rejection', rejection: reject(1, null, null, 'EMPTY_FILE', '空のファイル / empty file') };
  } else if (!st.closed) {
    yield {
      type: 'rejection',
      rejection: reject(
        lastLine,
        'GO',
        null,
        'TRUNCATED',
        `行 ${lastLine} の後に GO レコードがありません（ファイルが途中で切れている可能性） / no GO trailer after line ${lastLine}: file may be truncated`,
      ),
    };
  }
}

function addToClaim(st: State, c: UkeClaim, rec: UkeRecord): void {
  const id = rec.fields[0] ?? '';
  c.records.push(rec);
  switch (id) {
    case 'HO':
      c.insurance = {
        line: rec.line,
        insurerNumber: normalizeInsurerNumber(get(rec, '保険者番号')),
        kigo: get(rec, '被保険者証等の記号'),
        bango: get(rec, '被保険者証等の番号'),
        // 調剤 counts 処方箋受付回数 where 医科・歯科 count 診療実日数, and has no 食事療養.
        days: optInt(opt(rec, '診療実日数') || opt(rec, '処方箋受付回数')),
        points: optInt(get(rec, '合計点数')),
        mealTimes: optInt(opt(rec, '食事療養・生活療養回数')),
        mealYen: optInt(opt(rec, '食事療養・生活療養合計金額')),
        patientShareYen: optInt(opt(rec, '負担金額 医療保険') || opt(rec, '一部負担金')),
      };
      if (!/^\d{6}$|^\d{8}$/.test(c.insurance.insurerNumber)) {
        throw new RecordError('保険者番号', 'BAD_INSURER', `保険者番号が6桁または8桁ではありません: "${get(rec, '保険者番号')}"`);
      }
      break;
    case 'KO':
      c.publicPayers.push({
        line: rec.line,
        payerNumber: get(rec, '公費負担者番号').trim(),
        recipientNumber: get(rec, '公費受給者番号'),
        days: optInt(opt(rec, '診療実日数') || opt(rec, '処方箋受付回数')),
        points: optInt(get(rec, '合計点数')),
      });
      break;
    case 'SN':
      if (get(rec, '負担者種別') === '1' && get(rec, '枝番')) c.edaban = get(rec, '枝番');
      break;
    case 'SY':
      c.diagnoses.push({
        ...diagnosis(rec, get(rec, '傷病名コード'), get(rec, '修飾語コード'), get(rec, '傷病名称'), null),
        onsetDate: optDate(get(rec, '診療開始日'), '診療開始日'),
        outcome: get(rec, '転帰区分'),
        isMain: get(rec, '主傷病') === '01',
      });
      break;
    case 'HS': {
      // 歯科 傷病名部位: 診療開始日・転帰 on HS for 入院, on RE for 入院外.
      const re = c.records.find((r) => r.fields[0] === 'RE');
      const onset = get(rec, '診療開始日') || (re ? opt(re, '診療開始日') : '');
      c.diagnoses.push({
        ...diagnosis(rec, get(rec, '傷病名コード'), get(rec, '修飾語コード'), get(rec, '傷病名称'), null),
        onsetDate: optDate(onset, '診療開始日'),
        outcome: get(rec, '転帰区分') || (re ? opt(re, '転帰区分') : ''),
        isMain: get(rec, '主傷病') === '01',
        toothCodes: get(rec, '歯式コード'),
      });
      break;
    }
    case 'SB': {
      // DPC 傷病: 傷病名区分 11 = 主傷病名 (⚠️ 別表 to confirm), ICD-10 given on the record.
      const d = diagnosis(
        rec,
        get(rec, '傷病名コード'),
        get(rec, '修飾語コード'),
        get(rec, '傷病名称'),
        get(rec, 'ICD10コード') || null,
      );
      c.diagnoses.push({ ...d, isMain: get(rec, '傷病名区分') === '11', dpcRole: get(rec, '傷病名区分') });
      break;
    }
    case 'BU':
      c.kind = 'DPC';
      c.dpc = {
        code: get(rec, '診断群分類番号'),
        admissionDate: optDate(get(rec, '今回入院年月日'), '今回入院年月日'),
        dischargeDate: optDate(get(rec, '今回退院年月日'), '今回退院年月日'),
        outcome: get(rec, 'DPC転帰区分'),
        bundledPoints: c.dpc?.bundledPoints ?? 0,
      };
      break;
    case 'GT': {
      const pts = optInt(get(rec, '今月包括合計点数')) ?? 0;
      c.dpc ??= { code: '', admissionDate: null, dischargeDate: null, outcome: '', bundledPoints: 0 };
      c.dpc.bundledPoints += pts;
      c.bundles.push({ burden: get(rec, '負担区分'), points: pts });
      break;
    }
    case 'SH':
      st.rx = { dosageForm: get(rec, '剤形') };
      c.otherRecords.push({ line: rec.line, type: id, fields: rec.fields });
      break;
    case 'CZ': {
      const qty = optInt(get(rec, '調剤数量'));
      st.dispense = {
        prescribed: optDate(get(rec, '処方月日'), '処方月日'),
        dispensed: optDate(get(rec, '調剤月日'), '調剤月日'),
        quantity: qty,
      };
      for (const [burdenField, pointsField] of PHARMACY_CZ_POINTS) {
        const pts = optInt(get(rec, pointsField));
        if (pts) c.bundles.push({ burden: get(rec, burdenField), points: pts });
      }
      c.otherRecords.push({ line: rec.line, type: id, fields: rec.fields });
      break;
    }
    case 'KI': {
      const base = optInt(get(rec, '調剤基本料点数'));
      if (base) c.bundles.push({ burden: get(rec, '調剤基本料負担区分'), points: base });
      for (const label of PHARMACY_KI_QUADS) {
        const pts = optInt(get(rec, `${label}点数`));
        if (pts) c.bundles.push({ burden: get(rec, `${label}負担区分`), points: pts * (optInt(get(rec, `${label}回数`)) ?? 1) });
      }
      c.otherRecords.push({ line: rec.line, type: id, fields: rec.fields });
      break;
    }
    case 'SS':
    case 'SI':
    case 'IY':
    case 'TO': {
      if (rec.table === 'chozai') {
        if (!st.dispense)
          throw new RecordError('record_order', 'NO_CZ', `${id} の前に調剤情報 (CZ) がありません / ${id} before CZ`);
        c.details.push(pharmacyLine(id as 'IY' | 'TO', rec, st.dispense, st.rx?.dosageForm ?? null, st.unitSeq++));
        break;
      }
      const d = detailLine(id, rec, st.category, st.unitSeq);
      st.category = d.category;
      c.details.push(d);
      if (d.points !== null) st.unitSeq++;
      break;
    }
    case 'CO':
    case 'TK':
      c.comments.push({
        line: rec.line,
        category: opt(rec, '診療識別') || null,
        burden: opt(rec, '負担区分'),
        code: get(rec, 'コメントコード'),
        text: get(rec, '文字データ'),
      });
      break;
    default:
      c.otherRecords.push({ line: rec.line, type: id, fields: rec.fields });
  }
}

function diagnosis(rec: UkeRecord, code: string, modifiers: string, name: string, icd10: string | null) {
  if (!/^\d{7}$/.test(code)) throw new RecordError('傷病名コード', 'BAD_CODE', `傷病名コードが7桁ではありません: "${code}"`);
  if (modifiers.length % 4 !== 0) {
    throw new RecordError('修飾語コード', 'BAD_MODIFIER', `修飾語コードの長さが4の倍数ではありません: "${modifiers}"`);
  }
  const mods: string[] = modifiers.match(/.{4}/g) ?? [];
  return {
    line: rec.line,
    code,
    onsetDate: null,
    outcome: '',
    modifiers,
    name,
    icd10,
    isMain: false,
    // 未コード化傷病名 may carry 疑い in its free text (e.g. "…の疑い"), as in the receiptisan sample.
    isSuspected: mods.includes(SUSPECTED_MODIFIER) || (code === '0000999' && /疑い$/.test(name)),
    dpcRole: null,
  };
}

function parseHead(rec: UkeRecord): UkeFacility {
  // IR (医科), UK (歯科) and YK (調剤) share 審査支払機関, 都道府県, 点数表, コード, 名称, 請求年月.
  return facilityFrom(
    rec,
    get(rec, '審査支払機関'),
    get(rec, '都道府県'),
    get(rec, '点数表'),
    opt(rec, '医療機関コード') || opt(rec, '薬局コード'),
    opt(rec, '医療機関名称') || opt(rec, '薬局名称'),
    get(rec, '請求年月'),
    opt(rec, 'マルチボリューム識別情報'),
  );
}

function facilityFrom(
  rec: UkeRecord,
  payer: string,
  pref: string,
  table: string,
  code7: string,
  name: string,
  billing: string,
  volume: string,
): UkeFacility {
  if (!/^\d{7}$/.test(code7))
    throw new RecordError('医療機関コード', 'BAD_FACILITY_CODE', `医療機関コードが7桁の数字ではありません: "${code7}"`);
  if (!/^\d{2}$/.test(pref)) throw new RecordError('都道府県', 'BAD_PREFECTURE', `都道府県コードが不正: "${pref}"`);
  return {
    line: rec.line,
    record: rec,
    payerCode: payer,
    prefectureCode: pref,
    scoreTable: table,
    facilityCode: `${pref}${table}${code7}`,
    name,
    billingMonth: reqMonth(billing, '請求年月'),
    volume,
  };
}

function parseRE(rec: UkeRecord, file: string, facility: UkeFacility): UkeClaim {
  const typeCode = get(rec, 'レセプト種別');
  const prescriberCode = opt(rec, '医療機関コード');
  const sex = get(rec, '男女区分');
  if (sex !== '1' && sex !== '2') throw new RecordError('男女区分', 'BAD_SEX', `男女区分が不正: "${sex}"`);
  const birth = reqDate(get(rec, '生年月日'), '生年月日');
  return {
    file,
    line: rec.line,
    facility,
    records: [rec],
    receiptNo: optInt(get(rec, 'レセプト番号')) ?? 0,
    typeCode,
    kind: claimKindOf(typeCode, false),
    serviceMonth: reqMonth(opt(rec, '診療年月') || opt(rec, '調剤年月'), '診療年月'),
    patient: { name: get(rec, '氏名'), kanaName: get(rec, 'カタカナ（氏名）'), sex: sex === '1' ? 1 : 2, birthDate: birth },
    admissionDate: optDate(opt(rec, '入院年月日'), '入院年月日'),
    insurance: null,
    edaban: null,
    publicPayers: [],
    diagnoses: [],
    details: [],
    comments: [],
    dpc: null,
    bundles: [],
    prescriber: prescriberCode
      ? {
          facilityCode: `${opt(rec, '医療機関都道府県')}${opt(rec, '医療機関点数表')}${prescriberCode}`,
          name: opt(rec, '医療機関名称'),
        }
      : null,
    computed: { insurance: 0, publicPayers: [] },
    warnings: [],
    otherRecords: [],
  };
}

/** The placeholder claim of an unreadable RE line: it only collects the claim's records until the
 * next RE, so that they are rejected with it instead of joining the claim before. */
function unreadableClaim(rec: UkeRecord, file: string, facility: UkeFacility): UkeClaim {
  return {
    file,
    line: rec.line,
    facility,
    records: [rec],
    receiptNo: 0,
    typeCode: '',
    kind: '医科入院外',
    serviceMonth: '',
    patient: { name: '', kanaName: '', sex: 1, birthDate: '' },
    admissionDate: null,
    insurance: null,
    edaban: null,
    publicPayers: [],
    diagnoses: [],
    details: [],
    comments: [],
    dpc: null,
    bundles: [],
    prescriber: null,
    computed: { insurance: 0, publicPayers: [] },
    warnings: [],
    otherRecords: [],
  };
}

interface DetailColumns {
  category: number;
  burden: number;
  code: number;
  quantity: number;
  points: number;
  times: number;
  day1: number;
}
const DETAIL_COLUMNS = new Map<string, DetailColumns>();

/** Column positions of a detail record's layout, looked up once per layout (hot path). */
function detailColumns(id: 'SI' | 'IY' | 'TO' | 'SS', rec: UkeRecord): DetailColumns {
  const key = `${rec.table}:${id}`;
  let c = DETAIL_COLUMNS.get(key);
  if (!c) {
    c = {
      category: colOf(rec, '診療識別'),
      burden: colOf(rec, '負担区分'),
      code: colOf(rec, id === 'SI' || id === 'SS' ? '診療行為コード' : id === 'IY' ? '医薬品コード' : '特定器材コード'),
      quantity: colOf(rec, id === 'SI' ? '数量データ' : id === 'SS' ? '数量データ１' : '使用量'),
      points: colOf(rec, '点数'),
      times: colOf(rec, '回数'),
      day1: colOf(rec, '1日の情報'),
    };
    DETAIL_COLUMNS.set(key, c);
  }
  return c;
}

/**
 * A 医科・歯科・DPC detail line. The 31 per-day counts are kept as the file's strings and decoded to
 * numbers on first access: most consumers need the unit's 点数 and 回数, and decoding 31 numbers for
 * every line was an eighth of the reader's time (bench/formats).
 */
class DetailLine implements UkeDetailLine {
  private decodedDays: number[] | null = null;
  constructor(
    readonly line: number,
    readonly record: 'SI' | 'IY' | 'TO' | 'SS',
    readonly category: string | null,
    readonly burden: string,
    readonly code: string,
    readonly quantity: number | null,
    readonly points: number | null,
    readonly times: number | null,
    private readonly rawDays: string[],
    readonly unitSeq: number,
  ) {}

  get dayCounts(): number[] {
    if (!this.decodedDays) this.decodedDays = this.rawDays.map((v) => (v === '' ? 0 : Number(v)));
    return this.decodedDays;
  }

  toJSON(): UkeDetailLine {
    const { line, record, category, burden, code, quantity, points, times, dayCounts, unitSeq } = this;
    return { line, record, category, burden, code, quantity, points, times, dayCounts, unitSeq };
  }
}

function detailLine(id: 'SI' | 'IY' | 'TO' | 'SS', rec: UkeRecord, prevCategory: string | null, unitSeq: number): UkeDetailLine {
  const f = rec.fields;
  const c = detailColumns(id, rec);
  const burden = f[c.burden] as string;
  if (!BURDEN_PAYERS[burden]) throw new RecordError('負担区分', 'BAD_BURDEN', `負担区分が不正: "${burden}"`);
  // Modes were checked by validateRecord: numeric fields hold digits only.
  const q = f[c.quantity] as string;
  const pts = f[c.points] as string;
  const times = f[c.times] as string;
  return new DetailLine(
    rec.line,
    id,
    (f[c.category] as string) || prevCategory,
    burden,
    f[c.code] as string,
    q ? Number(q) : null,
    pts === '' ? null : Number(pts),
    times === '' ? null : Number(times),
    f.slice(c.day1, c.day1 + 31),
    unitSeq,
  );
}

/** 調剤 CZ point fields (負担区分, 点数) that add to the claim total (⚠️ research note §1: 薬剤料点数 is
 * taken as the total for the 調剤数量; KI/ST layouts are single-source). */
const PHARMACY_CZ_POINTS: [string, string][] = [
  ['負担区分', '薬剤調製料点数'],
  ['負担区分', '薬剤料点数'],
  ...Array.from({ length: 10 }, (_, i): [string, string] => [`加算${i + 1}負担区分`, `加算${i + 1}点数`]),
  ['外来服薬支援料2負担区分', '外来服薬支援料2点数'],
  ['調剤管理料負担区分', '調剤管理料点数'],
  ['調剤管理料時間外等加算負担区分', '調剤管理料時間外等加算点数'],
];
const PHARMACY_KI_QUADS = [
  ...Array.from({ length: 12 }, (_, i) => `薬学管理料${i + 1}`),
  ...Array.from({ length: 3 }, (_, i) => `摘要薬学管理料${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `調剤基本料加算${i + 1}`),
];

/** A drug or device line of a 調剤 claim, tied to its CZ (dates, 調剤数量) and SH (剤形). */
function pharmacyLine(
  id: 'IY' | 'TO',
  rec: UkeRecord,
  dispense: NonNullable<State['dispense']>,
  dosageForm: string | null,
  unitSeq: number,
): UkeDetailLine {
  const burden = get(rec, '負担区分');
  if (!BURDEN_PAYERS[burden]) throw new RecordError('負担区分', 'BAD_BURDEN', `負担区分が不正: "${burden}"`);
  const q = get(rec, '使用量');
  const dayCounts = new Array<number>(31).fill(0);
  const day = dispense.dispensed ? Number(dispense.dispensed.slice(8, 10)) : 0;
  if (day >= 1) dayCounts[day - 1] = 1;
  return {
    line: rec.line,
    record: id,
    category: null,
    burden,
    code: get(rec, id === 'IY' ? '医薬品コード' : '特定器材コード'),
    quantity: q ? Number(q) : null,
    points: null,
    times: dispense.quantity,
    dayCounts,
    unitSeq,
    dosageForm,
    prescribedDate: dispense.prescribed,
    dispensedDate: dispense.dispensed,
    // 剤形 1 内服: 調剤数量 is the number of days supplied (屯服・外用: 回数 or 調剤量).
    daysSupplied: dosageForm === '1' ? dispense.quantity : null,
  };
}

/** Recomputes payer totals from billing units (and DPC 包括 totals) and records mismatches. */
function finalizeTotals(c: UkeClaim): void {
  let insurance = 0;
  const pub = [0, 0, 0, 0];
  const add = (burden: string, pts: number) => {
    for (const p of BURDEN_PAYERS[burden] ?? []) {
      if (p === 0) insurance += pts;
      else pub[p - 1] = (pub[p - 1] ?? 0) + pts;
    }
  };
  for (const d of c.details) {
    if (d.points === null || d.category === MEAL_CATEGORY) continue;
    add(d.burden, d.points * (d.times ?? 1));
  }
  for (const b of c.bundles) add(b.burden, b.points);
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

function optInt(s: string): number | null {
  if (s === '') return null;
  if (!/^-?\d+$/.test(s.trim())) throw new RecordError('数値', 'BAD_NUMBER', `整数ではありません: "${s}"`);
  return Number(s);
}

function reqDate(s: string, field: string): string {
  const d = parseJpDate(s);
  if (!d || s.length < 7) throw new RecordError(field, 'BAD_DATE', `${field} が日付ではありません: "${s}"`);
  return d;
}

function optDate(s: string, field: string): string | null {
  return s ? reqDate(s, field) : null;
}

function reqMonth(s: string, field: string): string {
  const d = s.length === 6 || s.length === 5 ? parseJpDate(s) : null;
  if (!d) throw new RecordError(field, 'BAD_DATE', `${field} が年月ではありません: "${s}"`);
  return d;
}
