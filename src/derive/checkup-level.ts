// checkup_level: the 特定保健指導 階層化 of every 特定健診 result, by the official rule
// (src/rules/hokenshido/stratify.ts: 標準的な健診・保健指導プログラム（令和6年度版） 第2編 第3章), with the
// risks counted. Age is the 年度末年齢 (member_year.age_fy_end); 喫煙 is 質問票 smoking = 1 (はい).
// The level stated in the document (9N506, checkup.guidance_level) is kept beside it so that a
// disagreement between the 健診機関 and the rule is visible.
import { stratify } from '../rules/hokenshido/stratify.js';
import type { Store } from '../store/db.js';
import type { CodeModel } from './derive.js';

type CheckupRow = {
  checkup_id: string;
  member_key: string;
  fiscal_year: number;
  sex: number;
  age_base_ym: string;
  waist_cm: number | null;
  bmi: number | null;
  fpg_mgdl: number | null;
  random_glucose_mgdl: number | null;
  hba1c: number | null;
  tg_mgdl: number | null;
  tg_fasting: boolean | null;
  hdl_mgdl: number | null;
  sbp: number | null;
  dbp: number | null;
  smoking: number | null;
  med_bp: boolean | null;
  med_glucose: boolean | null;
  med_lipid: boolean | null;
  guidance_level: number | null;
};

const REPORTED: Record<number, string> = { 1: '積極的支援', 2: '動機付け支援', 3: '情報提供', 4: '判定不能' };

/** 年度末年齢 from the member's age base month (the month of the day before the birth date). */
export function ageAtFiscalYearEnd(ageBaseYm: string, fiscalYear: number): number {
  const y = Number(ageBaseYm.slice(0, 4));
  const m = Number(ageBaseYm.slice(5, 7));
  return fiscalYear + 1 - y - (m > 3 ? 1 : 0);
}

export const checkupLevelModel: CodeModel = {
  table: 'checkup_level',
  async build(store: Store) {
    await store.run(`create or replace table checkup_level (
      checkup_id varchar primary key, member_key varchar not null, fiscal_year integer not null,
      age_fy_end integer not null, level varchar not null, risks varchar not null, reported_level varchar)`);
    const rows = await store.query<CheckupRow>(
      `select c.checkup_id, c.member_key, c.fiscal_year, m.sex, m.age_base_ym, c.waist_cm, c.bmi, c.fpg_mgdl,
              c.random_glucose_mgdl, c.hba1c, c.tg_mgdl, c.tg_fasting, c.hdl_mgdl, c.sbp, c.dbp, c.smoking,
              c.med_bp, c.med_glucose, c.med_lipid, c.guidance_level
       from checkup c join member m using (member_key)`,
    );
    const out = rows.map((r) => {
      const age = ageAtFiscalYearEnd(r.age_base_ym, r.fiscal_year);
      const s = stratify({
        sex: r.sex === 1 ? 1 : 2,
        age,
        waist: r.waist_cm,
        bmi: r.bmi,
        fpg: r.fpg_mgdl,
        randomGlucose: r.random_glucose_mgdl,
        hba1c: r.hba1c,
        tg: r.tg_mgdl,
        tgFasting: r.tg_fasting,
        hdl: r.hdl_mgdl,
        sbp: r.sbp,
        dbp: r.dbp,
        smoker: r.smoking === 1,
        medBp: r.med_bp,
        medGlucose: r.med_glucose,
        medLipid: r.med_lipid,
      });
      return {
        checkup_id: r.checkup_id,
        member_key: r.member_key,
        fiscal_year: r.fiscal_year,
        age_fy_end: age,
        level: s.level,
        risks: s.risks.join('・'),
        reported_level: r.guidance_level == null ? null : (REPORTED[r.guidance_level] ?? null),
      };
    });
    await store.append('checkup_level', out);
  },
};
