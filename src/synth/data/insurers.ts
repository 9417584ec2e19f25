// Insurer presets of the synthetic population. Numbers are fictitious but valid: 保険者番号 carry a
// correct 検証番号 (data-formats.md §2.7), municipalities are real 全国地方公共団体コード.
import type { InsurerType } from '../../model/canonical.js';
import { checkDigit } from '../../util/check-digit.js';

const withCheck = (payload: string) => `${payload}${checkDigit(payload)}`;

export interface InsurerPreset {
  number: string;
  name: string;
  type: InsurerType;
  /** 業態 of 健保組合 (健康スコアリングレポート compares within it). */
  industry: string;
  prefecture: string;
  /** Employers under this insurer (被用者保険 only): id, name, relative size. */
  employers: { id: string; name: string; weight: number }[];
  /** 市町村国保: the municipality (code, name). */
  municipality?: { code: string; name: string };
  /** Relative weight among insurers of the same type. */
  weight: number;
}

export const MUNICIPALITIES = [
  { code: '131016', name: '千代田区', kokuho: withCheck('13801'), weight: 1 },
  { code: '131041', name: '新宿区', kokuho: withCheck('13804'), weight: 3 },
  { code: '131121', name: '世田谷区', kokuho: withCheck('13812'), weight: 6 },
] as const;

const employers = (prefix: string, names: string[], weights?: number[]) =>
  names.map((name, i) => ({ id: `${prefix}${String(i + 1).padStart(3, '0')}`, name, weight: weights?.[i] ?? 1 }));

/** The `standard` preset: one of each kind, in a Tokyo-like setting. */
export function standardInsurers(): InsurerPreset[] {
  return [
    {
      number: withCheck('0113001'),
      name: '全国健康保険協会 東京支部',
      type: 'kyokai',
      industry: '',
      prefecture: '13',
      employers: employers(
        'K',
        [
          '架空印刷株式会社',
          '架空運輸株式会社',
          '架空建設株式会社',
          '架空商事株式会社',
          '架空食品株式会社',
          '架空介護サービス株式会社',
          '架空ソフト株式会社',
          '架空不動産株式会社',
          '架空クリニック',
          '架空飲食株式会社',
        ],
        [3, 3, 4, 4, 2, 3, 2, 1, 1, 3],
      ),
      weight: 1,
    },
    {
      number: withCheck('0613990'),
      name: 'かち電機健康保険組合',
      type: 'kumiai_single',
      industry: '電気機械器具製造業',
      prefecture: '13',
      employers: employers('D', ['かち電機株式会社', 'かち電機サービス株式会社', 'かちソリューションズ株式会社'], [6, 2, 2]),
      weight: 5,
    },
    {
      number: withCheck('0613991'),
      name: '架空卸売業健康保険組合',
      type: 'kumiai_sogo',
      industry: '卸売業',
      prefecture: '13',
      employers: employers('W', [
        '架空物産株式会社',
        '架空医薬品卸株式会社',
        '架空繊維株式会社',
        '架空食品卸株式会社',
        '架空機械商事株式会社',
        '架空化学商事株式会社',
      ]),
      weight: 3,
    },
    {
      number: withCheck('3213001'),
      name: '架空県市町村職員共済組合',
      type: 'kyosai',
      industry: '公務',
      prefecture: '13',
      employers: employers('G', ['架空市役所', '架空町役場']),
      weight: 1,
    },
    ...MUNICIPALITIES.map((m) => ({
      number: m.kokuho,
      name: `${m.name}国民健康保険`,
      type: 'kokuho' as const,
      industry: '',
      prefecture: '13',
      employers: [],
      municipality: { code: m.code, name: m.name },
      weight: m.weight,
    })),
    {
      number: withCheck('3913101'),
      name: '東京都後期高齢者医療広域連合（架空）',
      type: 'koki',
      industry: '',
      prefecture: '13',
      employers: [],
      weight: 1,
    },
  ];
}
