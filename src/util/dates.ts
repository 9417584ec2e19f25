// Dates in the Japanese administrative calendar: 年度 (April–March) and 和暦.

/** 年度 of an ISO date: April 2024 – March 2025 is FY2024. */
export function fiscalYear(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  return m >= 4 ? y : y - 1;
}

export function fiscalYearStart(fy: number): string {
  return `${fy}-04-01`;
}

export function fiscalYearEnd(fy: number): string {
  return `${fy + 1}-03-31`;
}

const ERAS = [
  { code: '5', name: '令和', abbr: 'R', start: '2019-05-01', offset: 2018 },
  { code: '4', name: '平成', abbr: 'H', start: '1989-01-08', offset: 1988 },
  { code: '3', name: '昭和', abbr: 'S', start: '1926-12-25', offset: 1925 },
  { code: '2', name: '大正', abbr: 'T', start: '1912-07-30', offset: 1911 },
  { code: '1', name: '明治', abbr: 'M', start: '1868-01-25', offset: 1867 },
] as const;

/** 和暦 of an ISO date, e.g. 2024-05-01 → 令和6年5月1日. */
export function toWareki(isoDate: string, withDay = true): string {
  const era = ERAS.find((e) => isoDate >= e.start) ?? ERAS[ERAS.length - 1];
  if (!era) return isoDate;
  const y = Number(isoDate.slice(0, 4)) - era.offset;
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const yy = y === 1 ? '元' : String(y);
  return withDay ? `${era.name}${yy}年${m}月${d}日` : `${era.name}${yy}年${m}月`;
}

/** 年度 label: 2024 → 令和6年度 (FY2024). */
export function fiscalYearLabel(fy: number): string {
  const reiwa = fy - 2018;
  if (reiwa >= 1) return `令和${reiwa === 1 ? '元' : reiwa}年度`;
  return `平成${fy - 1988}年度`;
}

/**
 * Converts a レセ電 / CDA date to ISO. Accepts 西暦 YYYYMMDD / YYYYMM and 和暦 GYYMMDD / GYYMM
 * (G = 1 明治 … 5 令和), told apart by length as the 記録条件仕様 editions do.
 * Returns null when the value is not a valid calendar date.
 */
export function parseJpDate(s: string): string | null {
  // Fast path: 西暦 YYYYMMDD with a plausible month and day (the common case in current files).
  if (s.length === 8 && s.charCodeAt(0) >= 49 && s.charCodeAt(0) <= 50) {
    const m = (s.charCodeAt(4) - 48) * 10 + (s.charCodeAt(5) - 48);
    const d = (s.charCodeAt(6) - 48) * 10 + (s.charCodeAt(7) - 48);
    if (m >= 1 && m <= 12 && d >= 1 && d <= 28 && /^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  }
  let y: number;
  let m: number;
  let d = 1;
  if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(4, 6));
    d = Number(s.slice(6, 8));
  } else if (/^\d{6}$/.test(s)) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(4, 6));
  } else if (/^[1-5]\d{6}$/.test(s) || /^[1-5]\d{4}$/.test(s)) {
    const era = ERAS.find((e) => e.code === s[0]);
    if (!era) return null;
    y = era.offset + Number(s.slice(1, 3));
    m = Number(s.slice(3, 5));
    if (s.length === 7) d = Number(s.slice(5, 7));
  } else return null;
  if (m < 1 || m > 12 || d < 1) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > dim) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Age in whole years on a given date. */
export function ageOn(birthIso: string, onIso: string): number {
  const by = Number(birthIso.slice(0, 4));
  const oy = Number(onIso.slice(0, 4));
  const before = onIso.slice(5) < birthIso.slice(5);
  return oy - by - (before ? 1 : 0);
}
