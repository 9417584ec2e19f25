// 検証番号 of 保険者番号, 公費負担者番号 and 医療機関コード (10 digits).
// Algorithm: from the rightmost payload digit leftwards multiply by 2,1,2,1…, add the digits of
// the products, check = (10 − sum mod 10) mod 10. Source: ../shared/specs/data-formats.md §2.6–2.7
// (reproduced on 06132013, 01130012, 34130021, 01010016, 01350016).
export function checkDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    const digit = Number(payload[payload.length - 1 - i]);
    const p = digit * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidCheckDigit(code: string): boolean {
  if (!/^\d{2,}$/.test(code)) return false;
  return checkDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/** Normalises a 保険者番号 as written in UKE (space-padded) or XML (zero-padded to 8) to 6 or 8 digits. */
export function normalizeInsurerNumber(raw: string): string {
  const t = raw.trim();
  if (/^0{2}\d{6}$/.test(t)) return t.slice(2);
  return t;
}
