import { describe, expect, it } from 'vitest';
import { checkDigit, hasValidCheckDigit, normalizeInsurerNumber } from '../../src/util/check-digit.js';
import { ageOn, fiscalYear, fiscalYearLabel, parseJpDate, toWareki } from '../../src/util/dates.js';

describe('年度 and 和暦', () => {
  it('puts March in the previous fiscal year and April in the new one', () => {
    expect(fiscalYear('2025-03-31')).toBe(2024);
    expect(fiscalYear('2024-04-01')).toBe(2024);
    expect(fiscalYearLabel(2024)).toBe('令和6年度');
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
  });
  it('reads 西暦 and 和暦 dates by length and rejects impossible ones', () => {
    expect(parseJpDate('20240229')).toBe('2024-02-29');
    expect(parseJpDate('20230229')).toBeNull();
    expect(parseJpDate('202404')).toBe('2024-04-01');
    expect(parseJpDate('5060401')).toBe('2024-04-01'); // 令和6年4月1日
    expect(parseJpDate('3400712')).toBe('1965-07-12'); // 昭和40年7月12日
    expect(parseJpDate('43104')).toBe('2019-04-01'); // 平成31年4月
    expect(parseJpDate('2024041')).toBeNull();
  });
  it('formats 令和 and computes age on a date', () => {
    expect(toWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(toWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(ageOn('1984-04-01', '2025-03-31')).toBe(40);
    expect(ageOn('1984-04-02', '2024-04-01')).toBe(39);
  });
});

describe('検証番号 (check digits)', () => {
  it('reproduces the published numbers', () => {
    for (const n of ['06132013', '01130012', '34130021', '01010016', '01350016']) expect(hasValidCheckDigit(n)).toBe(true);
    expect(checkDigit('0613201')).toBe(3);
    expect(hasValidCheckDigit('06132014')).toBe(false);
    expect(hasValidCheckDigit('0110113719')).toBe(true); // 10-digit 医療機関コード
  });
  it('normalises space- and zero-padded 保険者番号', () => {
    expect(normalizeInsurerNumber('  138008')).toBe('138008');
    expect(normalizeInsurerNumber('00280081')).toBe('280081');
    expect(normalizeInsurerNumber('06139992')).toBe('06139992');
  });
});
