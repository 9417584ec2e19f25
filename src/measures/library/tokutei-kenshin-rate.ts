import type { IndicatorDefinition } from '../definition.js';

/** 特定健診受診率 (実施率): examinees ÷ targets, per 年度. */
export const tokuteiKenshinRate: IndicatorDefinition = {
  id: 'tokutei_kenshin_rate',
  version: '2024.1',
  nameJa: '特定健診受診率',
  nameEn: 'Specific health checkup participation rate',
  domain: '特定健診・特定保健指導',
  from: 'member_year',
  population: 'checkup_target',
  numerator: 'examined',
  unit: '%',
  direction: 'higher_better',
  periodColumn: 'fiscal_year',
  entities: ['all', 'insurer_type', 'insurer', 'employer'],
  stratifications: ['sex', 'relation'],
  minDenominator: 10,
  definitionJa:
    '分母: 当該年度の4月1日から3月31日まで継続して加入し、年度末時点で40〜74歳の加入者（特定健診対象者）。分子: そのうち当該年度に同じ保険者で特定健診を受診した者。',
  source:
    '厚生労働省「特定健康診査・特定保健指導の実施状況」実施率の定義（高齢者の医療の確保に関する法律 第20条）。除外対象者（妊産婦・長期入院等）は未反映。',
};
