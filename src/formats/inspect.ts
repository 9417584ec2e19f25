// `kachi inspect <file>`: a human summary of any supported file, without touching the store.
// Kind, counts, totals, warnings and rejections (with file, line and field), so that a user can
// check a delivery on day one.

import { readInsurerList, readMemberRegister } from './csv/register.js';
import { detectFormat, type FileFormat, FORMAT_LABEL_JA } from './detect.js';
import { readCheckupZip } from './tokutei-xml/reader.js';
import { readUke } from './uke/reader.js';
import type { Rejection } from './uke/types.js';

export interface InspectReport {
  path: string;
  format: FileFormat;
  formatJa: string;
  counts: Record<string, number>;
  totals: Record<string, number | string>;
  byKind: Record<string, number>;
  warnings: Rejection[];
  rejections: Rejection[];
}

export async function inspectFile(path: string): Promise<InspectReport> {
  const format = await detectFormat(path);
  const r: InspectReport = {
    path,
    format,
    formatJa: FORMAT_LABEL_JA[format],
    counts: {},
    totals: {},
    byKind: {},
    warnings: [],
    rejections: [],
  };
  const inc = (o: Record<string, number>, k: string, n = 1) => {
    o[k] = (o[k] ?? 0) + n;
  };
  switch (format) {
    case 'uke': {
      let points = 0;
      for await (const e of readUke(path)) {
        if (e.type === 'facility') {
          inc(r.counts, '医療機関・薬局 (IR/UK/YK)');
          r.totals.医療機関コード = e.facility.facilityCode;
          r.totals.医療機関名称 = e.facility.name;
          r.totals.請求年月 = e.facility.billingMonth.slice(0, 7);
        } else if (e.type === 'claim') {
          inc(r.counts, 'レセプト');
          inc(r.byKind, e.claim.kind);
          inc(r.counts, '傷病名', e.claim.diagnoses.length);
          inc(r.counts, '明細行 (SI/IY/TO)', e.claim.details.length);
          points += e.claim.insurance?.points ?? 0;
          r.warnings.push(...e.claim.warnings);
        } else if (e.type === 'trailer') {
          r.totals['GO 総件数'] = e.trailer.totalCount ?? '';
          r.totals['GO 総合計点数'] = e.trailer.totalPoints ?? '';
          r.totals['再計算 総件数'] = e.computedCount;
          r.totals['再計算 総合計点数'] = e.computedPoints;
        } else r.rejections.push(e.rejection);
      }
      r.totals['医保 合計点数'] = points;
      r.totals['医保 合計金額 (円)'] = points * 10;
      break;
    }
    case 'tokutei-zip':
      for await (const e of readCheckupZip(path)) {
        if (e.type === 'index') {
          r.totals.送付元 = e.sender ?? '';
          r.totals.送付先 = e.receiver ?? '';
          r.totals['index 総ファイル数'] = e.totalRecordCount ?? '';
        } else if (e.type === 'checkup') {
          inc(r.counts, '特定健診');
          inc(r.byKind, `${e.doc.examDate.slice(0, 4)}年 受診`);
          if (e.doc.unknownCodes.length) inc(r.counts, '未知の項目コード', e.doc.unknownCodes.length);
        } else if (e.type === 'guidance') {
          inc(r.counts, '特定保健指導');
          inc(r.byKind, `報告区分 ${e.doc.reportCategory}`);
        } else r.rejections.push(e.rejection);
      }
      break;
    case 'member-register-csv':
      for await (const e of readMemberRegister(path)) {
        if (e.type === 'row') {
          inc(r.counts, '加入者行');
          inc(r.byKind, e.row.relation);
          if (!e.row.endDate) inc(r.counts, '資格継続中');
        } else r.rejections.push(e.rejection);
      }
      break;
    case 'insurer-list-csv':
      for await (const e of readInsurerList(path)) {
        if (e.type === 'row') {
          inc(r.counts, '保険者');
          inc(r.byKind, e.row.insurerType);
        } else r.rejections.push(e.rejection);
      }
      break;
    default:
      r.rejections.push({
        file: path,
        line: null,
        recordType: null,
        field: null,
        code: 'UNKNOWN_FORMAT',
        reason: '対応していないファイル形式です / unsupported file format',
      });
  }
  return r;
}

export function formatInspectReport(r: InspectReport, maxIssues = 20): string {
  const out = [`ファイル / file: ${r.path}`, `形式 / format: ${r.formatJa} (${r.format})`];
  for (const [k, v] of Object.entries(r.counts)) out.push(`  ${k}: ${v.toLocaleString('ja-JP')}`);
  if (Object.keys(r.byKind).length)
    out.push(
      `  内訳 / breakdown: ${Object.entries(r.byKind)
        .map(([k, v]) => `${k} ${v}`)
        .join('、')}`,
    );
  for (const [k, v] of Object.entries(r.totals)) out.push(`  ${k}: ${typeof v === 'number' ? v.toLocaleString('ja-JP') : v}`);
  const issue = (x: Rejection) => `    行 ${x.line ?? '-'} ${x.recordType ?? ''} ${x.field ?? ''} [${x.code}] ${x.reason}`;
  out.push(`警告 / warnings: ${r.warnings.length}`);
  out.push(...r.warnings.slice(0, maxIssues).map(issue));
  out.push(`拒否 / rejections: ${r.rejections.length}`);
  out.push(...r.rejections.slice(0, maxIssues).map(issue));
  if (r.rejections.length > maxIssues) out.push(`    … 他 ${r.rejections.length - maxIssues} 件 (--json で全件)`);
  return out.join('\n');
}
