// Japanese labels for the UI: re-exported from the one dictionary in src/model (shared with reports
// and the CLI) and the 年度 helper in src/util.
export { INSURER_TYPE_JA, TERMS_JA as TABLE_JA } from '../../src/model/terms-ja';
export { fiscalYearLabel } from '../../src/util/dates';

export const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('ja-JP'));
