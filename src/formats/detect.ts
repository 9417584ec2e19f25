// Detects the format of an input file from its content (not its name).
import { open } from 'node:fs/promises';
import { BARTHEL_REQUIRED, CARE_CERTIFICATION_REQUIRED, CARE_CLAIM_REQUIRED } from './csv/care.js';
import { FACILITY_LIST_HEADER } from './csv/facilities.js';
import { INSURER_LIST_HEADER, MEMBER_REGISTER_HEADER, readCsvHeader } from './csv/register.js';

export type FileFormat =
  | 'uke'
  | 'tokutei-zip'
  | 'member-register-csv'
  | 'insurer-list-csv'
  | 'facility-list-csv'
  | 'care-certification-csv'
  | 'care-claims-csv'
  | 'barthel-csv'
  | 'unknown';

const UKE_HEAD = /^(?:\d{2},\d+,\d+,)?(IR|UK|YK),/;

export async function detectFormat(path: string): Promise<FileFormat> {
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'tokutei-zip';
  if (UKE_HEAD.test(head.toString('latin1'))) return 'uke';
  const header = await readCsvHeader(path);
  const has = (cols: readonly string[]) => cols.every((h) => header.includes(h));
  if (has(MEMBER_REGISTER_HEADER)) return 'member-register-csv';
  if (has(INSURER_LIST_HEADER)) return 'insurer-list-csv';
  if (has(FACILITY_LIST_HEADER)) return 'facility-list-csv';
  if (has(CARE_CERTIFICATION_REQUIRED)) return 'care-certification-csv';
  if (has(CARE_CLAIM_REQUIRED)) return 'care-claims-csv';
  if (has(BARTHEL_REQUIRED)) return 'barthel-csv';
  return 'unknown';
}

export const FORMAT_LABEL_JA: Record<FileFormat, string> = {
  uke: 'レセプト電算 (UKE・CYO)',
  'tokutei-zip': '特定健診 XML (ZIP)',
  'member-register-csv': '被保険者台帳 CSV',
  'insurer-list-csv': '保険者マスタ CSV',
  'facility-list-csv': '医療機関等一覧 CSV',
  'care-certification-csv': '要介護認定 CSV',
  'care-claims-csv': '介護給付費明細 CSV',
  'barthel-csv': 'Barthel Index 評価 CSV',
  unknown: '不明な形式',
};
