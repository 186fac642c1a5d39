/** Value parsing shared by the readers: amounts, rates, dates as e-invoices write them. */

/** A decimal as XML writes it ("1234.50", "-3", " 7.5 "), or null when absent or not a number. */
export function decimal(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * An ISO date (yyyy-mm-dd) from the forms e-invoices use: ISO (optionally with a time), CII
 * format 102 (yyyymmdd) and dd/mm/yyyy (SRI). Null when absent or not a real calendar date.
 */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const ymd =
    /^(\d{4})-(\d{2})-(\d{2})(?:$|T|\s|Z|[+-]\d)/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  const m = ymd ? [ymd[1]!, ymd[2]!, ymd[3]!] : dmy ? [dmy[3]!, dmy[2]!, dmy[1]!] : null;
  if (!m) return null;
  const [year, month, day] = m.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return m.join('-');
}

/** Whitespace collapsed, null for empty. */
export function clean(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const s = raw.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}
