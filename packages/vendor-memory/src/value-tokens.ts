/** What a remembered field holds: an amount, a date, or text (names, numbers, codes). */
export type ValueKind = 'amount' | 'date' | 'text';

/** A value-shaped piece of a line: [from, to) of the line and its raw text. */
export interface ValueToken {
  from: number;
  to: number;
  raw: string;
}

// `1,234.56`, `1.234,56`, `1 234,56`, `RM8.70` (the sign is not part of it), `.14`, `-3.00`
const AMOUNT =
  /(?<![\d.,])-?(?:\d{1,3}(?:[.,' ]\d{3})+|\d+)?[.,]\d{2}(?!\d)|(?<![\p{L}\d.,])\d+(?![\d.,]*\d)/gu;
// `24-01-18`, `20/12/2017`, `2018-03-23`, `05.03.2018`, `05 MAR 2018`, `3. März 2024`, `12 mars 2024`
const DATE =
  /(?<!\d)(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?[ -]?\p{L}{3,9}\.?[ -]?\d{2,4})(?!\d)/gu;

/** Amount-shaped or date-shaped tokens of a line, left to right. */
export function tokensOf(line: string, kind: 'amount' | 'date'): ValueToken[] {
  const re = kind === 'amount' ? AMOUNT : DATE;
  const tokens: ValueToken[] = [];
  for (const m of line.matchAll(re)) {
    // a date's parts are not amounts
    if (kind === 'amount' && isDatePart(line, m.index)) continue;
    tokens.push({ from: m.index, to: m.index + m[0].length, raw: m[0] });
  }
  return tokens;
}

function isDatePart(line: string, at: number): boolean {
  const around = line.slice(Math.max(0, at - 6), at + 11);
  return /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/.test(around) && /\d[./-]\d{1,2}[./-]\d/.test(around);
}

/** An amount as printed, read loosely: the last `.` or `,` before two digits is the decimal point. */
export function looseAmount(raw: string): number | null {
  const m = /^(-?)([\d.,' ]*?)(?:[.,](\d{2}))?$/.exec(raw.trim());
  if (!m) return null;
  const whole = (m[2] ?? '').replace(/[.,' ]/g, '');
  if (whole === '' && m[3] === undefined) return null;
  const value = Number(`${whole || '0'}.${m[3] ?? '00'}`);
  return Number.isFinite(value) ? (m[1] ? -value : value) : null;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  ['jan', 'janv', 'janeiro', 'januar', 'janvier', 'enero', 'gennaio', 'januari', 'ene', 'gen'],
  ['feb', 'febr', 'fevr', 'fev', 'februar', 'fevrier', 'febrero', 'febbraio', 'fevereiro'],
  ['mar', 'mrz', 'marz', 'mars', 'maart', 'marzo', 'marco', 'mrt'],
  ['apr', 'avr', 'april', 'avril', 'abril', 'aprile', 'abr'],
  ['may', 'mai', 'mei', 'mayo', 'maggio', 'maio', 'mag'],
  ['jun', 'juin', 'juni', 'junio', 'giugno', 'junho', 'giu'],
  ['jul', 'juil', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'lug'],
  ['aug', 'aout', 'august', 'augustus', 'agosto', 'ago'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre', 'setembro', 'set'],
  ['oct', 'okt', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'out', 'ott'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'dez', 'dezember', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'dic', 'december'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

/** How a date's numbers were read: day first, month first, or year first. */
export type DateReading = 'dmy' | 'mdy' | 'ymd';

/**
 * How a date token reads as the ISO date `iso` (`2018-01-24`), if it can: its numbers read
 * day-month-year, month-day-year or year-month-day, two-digit years in 2000–2099, or a month by
 * name. Null when it is another date.
 */
export function dateReading(raw: string, iso: string): DateReading | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const parts = raw.match(/\d+|\p{L}+/gu) ?? [];
  if (parts.length !== 3) return null;
  const num = parts.map((p) => {
    if (/^\d+$/.test(p)) return Number(p);
    const name = p
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    return MONTHS[name] ?? MONTHS[name.slice(0, 3)] ?? NaN;
  });
  const year = (n: number) => (n < 100 ? 2000 + n : n);
  const [a, b, c] = num as [number, number, number];
  if (year(c) === y && b === mo && a === d) return 'dmy';
  if (year(c) === y && a === mo && b === d) return 'mdy';
  if (a === y && b === mo && c === d) return 'ymd';
  return null;
}

/** A value's shape: digits as `9`, letters as `a`, the rest as printed (`24-01-18` → `99-99-99`). */
export function shapeOf(raw: string): string {
  return raw.replace(/\d/g, '9').replace(/\p{L}/gu, 'a');
}
