// Facilities of the synthetic world, per municipality: clinics (each with the pharmacy next door),
// hospitals (an acute DPC hospital with an emergency department, and a chronic-care hospital with
// 療養・回復期 beds), dialysis clinics and dental clinics. Numbers scale with the population so that a
// clinic serves about 1,500 members and a hospital about 15,000 (Japan: ≈105,000 clinics, 8,100
// hospitals, 67,000 dental clinics and 62,000 pharmacies for 124M people; 医療施設調査 2023 ⚠️ rounded).
//
// 医療機関コード (10 digits): 都道府県 2 + 点数表 1 (1 医科, 3 歯科, 4 調剤) + 郡市区 2 + 番号 4 + check
// digit (data-formats.md §2.6). The 郡市区 part is the municipality's position here (⚠️ the real numbers
// are assigned by each 地方厚生局).
import { checkDigit } from '../util/check-digit.js';
import { MUNICIPALITIES } from './data/insurers.js';

export type FacilityKind = '医科診療所' | '病院' | '歯科診療所' | '薬局' | '健診機関' | '介護事業所';

export interface Facility {
  code: string;
  name: string;
  kind: FacilityKind;
  prefecture: string;
  municipality: string;
  beds: number;
  functions: string[];
  /** The pharmacy next door (clinics and hospitals). */
  pharmacy?: Facility;
}

export interface MunicipalityFacilities {
  municipality: string;
  clinics: Facility[];
  acuteHospital: Facility;
  chronicHospital: Facility;
  dialysisClinic: Facility;
  dentalClinics: Facility[];
}

const code10 = (payload: string) => `${payload}${checkDigit(payload)}`;
const CLINIC_NAMES = [
  '内科クリニック',
  '医院',
  'ファミリークリニック',
  '診療所',
  '内科',
  'こどもクリニック',
  '整形外科',
  'メンタルクリニック',
];
const PLACE = ['駅前', '中央', 'みなみ', 'きた', 'ひがし', 'にし', 'さくら', 'けやき', 'あおば', 'みどり', 'ひかり', 'すずらん'];

/** The facilities of the world for a population of `members` (deterministic: no random draws). */
export function makeFacilities(members: number): MunicipalityFacilities[] {
  const totalWeight = MUNICIPALITIES.reduce((s, m) => s + m.weight, 0);
  return MUNICIPALITIES.map((m, mi) => {
    const share = (members * m.weight) / totalWeight;
    const area = String(mi + 1).padStart(2, '0');
    const muniName = m.name.replace(/区$/, '');
    const nClinics = Math.max(2, Math.round(share / 1500));
    const nDental = Math.max(1, Math.round(share / 2000));
    const facility = (
      table: '1' | '3' | '4',
      n: number,
      name: string,
      kind: FacilityKind,
      beds = 0,
      functions: string[] = [],
    ): Facility => ({
      code: code10(`13${table}${area}${String(n).padStart(4, '0')}`),
      name,
      kind,
      prefecture: '13',
      municipality: m.code,
      beds,
      functions,
    });
    const withPharmacy = (f: Facility, n: number): Facility => {
      f.pharmacy = facility('4', n, `架空薬局 ${f.name.replace(/クリニック|医院|診療所|病院/g, '')}前店`, '薬局');
      return f;
    };
    const clinics = Array.from({ length: nClinics }, (_, i) => {
      const label = `${muniName}${PLACE[i % PLACE.length]}${CLINIC_NAMES[i % CLINIC_NAMES.length]}${i >= PLACE.length ? ` ${Math.floor(i / PLACE.length) + 1}` : ''}`;
      return withPharmacy(facility('1', 1000 + i, `架空${label}`, '医科診療所', 0, ['かかりつけ']), 1000 + i);
    });
    const acuteBeds = Math.max(100, Math.round(share / 250));
    const acuteHospital = withPharmacy(
      facility('1', 1, `架空${muniName}総合病院`, '病院', acuteBeds, ['DPC', '救急告示', '急性期']),
      1,
    );
    const chronicHospital = withPharmacy(
      facility('1', 2, `架空${muniName}リハビリテーション病院`, '病院', Math.max(60, Math.round(share / 300)), [
        '回復期',
        '慢性期',
        '地域包括ケア病棟',
      ]),
      2,
    );
    const dialysisClinic = withPharmacy(facility('1', 3, `架空${muniName}透析クリニック`, '医科診療所', 19, ['透析']), 3);
    const dentalClinics = Array.from({ length: nDental }, (_, i) =>
      facility(
        '3',
        2000 + i,
        `架空${muniName}${PLACE[(i + 3) % PLACE.length]}歯科${i >= PLACE.length ? ` ${Math.floor(i / PLACE.length) + 1}` : ''}`,
        '歯科診療所',
      ),
    );
    return { municipality: m.code, clinics, acuteHospital, chronicHospital, dialysisClinic, dentalClinics };
  });
}

/** Every facility of the world, pharmacies included, in a stable order. */
export function allFacilities(world: MunicipalityFacilities[]): Facility[] {
  const out: Facility[] = [];
  for (const w of world) {
    for (const f of [...w.clinics, w.acuteHospital, w.chronicHospital, w.dialysisClinic]) {
      out.push(f);
      if (f.pharmacy) out.push(f.pharmacy);
    }
    out.push(...w.dentalClinics);
  }
  return out;
}
