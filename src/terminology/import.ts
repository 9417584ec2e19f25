// Imports master files into code_master (one transaction per file; a row with the same kind and
// code replaces the stored one) and loads the shipped subset when no master has been imported.
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rejection } from '../formats/uke/types.js';
import type { Store } from '../store/db.js';
import { detectMasterKind, MASTER_LABEL_JA, type MasterKind, readMaster } from './masters.js';

export interface MasterImportReport {
  path: string;
  kind: MasterKind | null;
  kindJa: string;
  rows: number;
  rejections: Rejection[];
}

/** src/terminology/data (from source) or dist/terminology/data (built). */
export const SHIPPED_MASTER_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

export async function importMasterFile(store: Store, path: string): Promise<MasterImportReport> {
  const kind = await detectMasterKind(path);
  const report: MasterImportReport = { path, kind, kindJa: kind ? MASTER_LABEL_JA[kind] : '不明', rows: 0, rejections: [] };
  if (!kind) {
    report.rejections.push({
      file: path,
      line: 1,
      recordType: null,
      field: 'マスター種別',
      code: 'UNKNOWN_MASTER',
      reason: 'マスター種別 (B/Z/S/Y/T/C) を判定できません / not a known master file',
    });
    return report;
  }
  const rows: Record<string, unknown>[] = [];
  for await (const e of readMaster(path, kind)) {
    if (e.type === 'rejection') report.rejections.push(e.rejection);
    else {
      const r = e.row;
      rows.push({
        kind,
        code: r.code,
        name: r.name,
        kana: r.kana,
        icd10: r.icd10,
        value: r.value,
        unit: r.unit,
        is_generic: r.isGeneric,
        dosage_form: r.dosageForm,
        yakka_code: r.yakkaCode,
        category: r.category,
        changed_on: r.changedOn,
        abolished_on: r.abolishedOn,
        source: basename(path),
      });
    }
  }
  await store.transaction(async () => {
    await store.run('create temp table if not exists stage_code_master as select * from code_master where false');
    await store.run('delete from stage_code_master');
    const unique = [...new Map(rows.map((r) => [`${r.kind}:${r.code}`, r])).values()];
    await store.append('stage_code_master', unique);
    await store.run(
      'delete from code_master t where exists (select 1 from stage_code_master s where s.kind = t.kind and s.code = t.code)',
    );
    await store.run('insert into code_master select * from stage_code_master');
    report.rows = unique.length;
  });
  return report;
}

/** Loads the shipped subset (src/terminology/data/*.csv) when code_master is empty. */
export async function ensureMasters(store: Store): Promise<MasterImportReport[]> {
  if ((await store.scalar<number>('select count(*) from code_master')) > 0) return [];
  const files = (await readdir(SHIPPED_MASTER_DIR)).filter((f) => f.endsWith('.csv')).sort();
  const out: MasterImportReport[] = [];
  for (const f of files) out.push(await importMasterFile(store, join(SHIPPED_MASTER_DIR, f)));
  return out;
}
