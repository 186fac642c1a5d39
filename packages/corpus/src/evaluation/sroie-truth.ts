import type { Truth } from './labelled-doc';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (year: number, month: number, day: number): string | undefined => {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const y = year < 100 ? 2000 + year : year;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/**
 * A SROIE key's date, as printed, in ISO: `25/12/2018`, `12-01-19`, `5/3/2018`, `05 MAR 2018`,
 * `28 MAR 18`, `2018-03-23`, `20180304`. Day first (Malaysian receipts), unless the first number
 * cannot be a month's day order (`12/28/2017` is month first). Undefined when unreadable.
 */
export function sroieDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const [a, b, year] = [+m[1]!, +m[2]!, +m[3]!];
    return b > 12 && a <= 12 ? iso(year, a, b) : iso(year, b, a);
  }
  m = /^(\d{1,2})[\s-]*([A-Za-z]{3})[A-Za-z]*[\s-]*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    return month ? iso(+m[3]!, month, +m[1]!) : undefined;
  }
  return undefined;
}

/** A SROIE key's total: `9.00`, `RM 3.90`, `$8.20`, `1,234.50`; undefined when empty. */
export function sroieAmount(raw: string): number | undefined {
  const digits = raw
    .replace(/^\s*(RM|MYR|\$)\s*/i, '')
    .replace(/,/g, '')
    .trim();
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return undefined;
  return Number(digits);
}

/**
 * The truth of a SROIE key (`{company, date, address, total}`), in the receipt extractor's field
 * names: merchantName, date (ISO), total. A value the key lacks or that cannot be read is left
 * out (not scored); anything that is not such a key is an error naming the file.
 */
export function readSroieKey(json: string, file: string): Truth {
  let key: unknown;
  try {
    key = JSON.parse(json);
  } catch (err) {
    throw new Error(`${file}: not JSON (${(err as Error).message})`);
  }
  if (!key || typeof key !== 'object') throw new Error(`${file}: not a SROIE key object`);
  const { company, date, total } = key as Record<string, unknown>;
  const fields: Truth['fields'] = {};
  if (typeof company === 'string' && company.trim()) fields.merchantName = company.trim();
  const day = typeof date === 'string' ? sroieDate(date) : undefined;
  if (day) fields.date = day;
  const amount = typeof total === 'string' ? sroieAmount(total) : undefined;
  if (amount !== undefined) fields.total = amount;
  return { docType: 'receipt', fields };
}
