// Detects the format of an input file from its content (not its name).
import { open } from 'node:fs/promises';
import { INSURER_LIST_HEADER, MEMBER_REGISTER_HEADER, readCsvHeader } from './csv/register.js';

export type FileFormat = 'uke' | 'tokutei-zip' | 'member-register-csv' | 'insurer-list-csv' | 'unknown';

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
  if (MEMBER_REGISTER_HEADER.every((h) => header.includes(h))) return 'member-register-csv';
  if (INSURER_LIST_HEADER.every((h) => header.includes(h))) return 'insurer-list-csv';
  return 'unknown';
}

export const FORMAT_LABEL_JA: Record<FileFormat, string> = {
  uke: 'レセプト電算 (UKE・CYO)',
  'tokutei-zip': '特定健診 XML (ZIP)',
  'member-register-csv': '被保険者台帳 CSV',
  'insurer-list-csv': '保険者マスタ CSV',
  unknown: '不明な形式',
};
