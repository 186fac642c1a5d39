/** Date normalisation to ISO `YYYY-MM-DD`: numeric forms and month names of every vocabulary. */
import { VOCABULARIES } from '../language/vocabulary';

export type DateOrder = 'dmy' | 'mdy';

/** Lower case without accents or dots: how month names are looked up (`Févr.` → `fevr`). */
function monthKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '');
}

/** Month names of every language's vocabulary, by their key. */
const MONTHS: Record<string, number> = {};
for (const vocabulary of Object.values(VOCABULARIES)) {
  for (const [name, number] of Object.entries(vocabulary.months)) MONTHS[monthKey(name)] = number;
}

/** Month names as printed (`märz`) and without accents (`marz`, as OCR and ASCII text write them). */
export const MONTH_NAME_PATTERN = [
  ...new Set(
    Object.values(VOCABULARIES).flatMap((v) =>
      Object.keys(v.months).flatMap((name) => [name.toLowerCase(), monthKey(name)]),
    ),
  ),
]
  .sort((a, b) => b.length - a.length || a.localeCompare(b))
  .join('|');

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2199) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function year(text: string): number {
  const n = Number(text);
  if (text.length === 2) return n + (n >= 70 ? 1900 : 2000);
  return n;
}

function month(name: string): number | undefined {
  return MONTHS[monthKey(name)];
}

export interface ParsedDate {
  value: string;
  /** Lower when day and month could both be either (`03/04/2024`). */
  confidence: number;
}

const NUMERIC = /^(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{2,4})$/;
// month names are letters of Latin-1 (`março`, `März`, `févr.`, `août`)
const DAY_MONTH_NAME =
  /^(\d{1,2})(?:º|o|st|nd|rd|th|er)?(?:\s+de(?=\s)|\s*[-/.\s])\s*([a-zà-öø-ÿ.]+)\.?(?:\s+de(?:l)?|\s*[-/.,\s])\s*(\d{2,4})$/i;
const MONTH_NAME_DAY = /^([a-zà-öø-ÿ.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:de\s+)?(\d{4})$/i;

/**
 * Parses `15/03/2024`, `15.03.24`, `2024-03-15`, `03/15/2024` (month first when unambiguous or
 * preferred), `March 15, 2024`, `15 Mar 2024`, `15-mar-2024`, `15 de marzo de 2024`,
 * `1º de enero del 2024`, `1er mars 2024`, `3. März 2024`, `12 maart 2024`, `12 de março de 2024`
 * (month names of every vocabulary). OCR's `O` for `0` inside numbers is tolerated.
 */
export function parseDate(raw: string, order: DateOrder = 'dmy'): ParsedDate | null {
  const trimmed = raw.trim();
  const text = (
    /\d/.test(trimmed) && /^[\dOolI/.\-\s]+$/.test(trimmed)
      ? trimmed.replace(/[Oo]/g, '0').replace(/[lI]/g, '1')
      : trimmed
  )
    .replace(/(?<=\d)[Oo](?=\d|$)|^[Oo](?=\d)/g, '0')
    .replace(/(?<=\d)[lI](?=\d|$)/g, '1')
    .replace(/\s+/g, ' ');
  let m = NUMERIC.exec(text);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length === 4) {
      const v = iso(Number(a), Number(b), Number(c));
      return v ? { value: v, confidence: 1 } : null;
    }
    if (c.length === 3) return null;
    const y = year(c);
    const x = Number(a);
    const z = Number(b);
    const dmy = iso(y, z, x);
    const mdy = iso(y, x, z);
    if (dmy && mdy && x !== z) {
      return { value: order === 'dmy' ? dmy : mdy, confidence: 0.8 };
    }
    const v = dmy ?? mdy;
    return v ? { value: v, confidence: 1 } : null;
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const mo = month(m[2]!);
    const v = mo ? iso(year(m[3]!), mo, Number(m[1])) : null;
    return v ? { value: v, confidence: 1 } : null;
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const mo = month(m[1]!);
    const v = mo ? iso(year(m[3]!), mo, Number(m[2])) : null;
    return v ? { value: v, confidence: 1 } : null;
  }
  return null;
}

/**
 * Finds date-looking substrings in a line (numeric and month-name forms of every vocabulary). A separator is
 * `\s*[-/.]\s*` or `\s+`, never `\s*[-/.\s]\s*`: three whitespace matchers side by side would
 * try every split of a long run of spaces (quadratic per digit before it).
 */
export const DATE_IN_TEXT = new RegExp(
  [
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b`,
    String.raw`\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b`,
    String.raw`\b\d{1,2}(?:º|o|st|nd|rd|th|er)?(?:\s+de\s+|\s*[-/.]\s*|\s+)(?:${MONTH_NAME_PATTERN})\.?(?:\s+del?\s+|\s*[-/.,]\s*|\s+)\d{2,4}\b`,
    String.raw`\b(?:${MONTH_NAME_PATTERN})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'gi',
);

/** Days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/**
 * A whole month written by name (`June 2024`, `JUNIO DE 2024`, `Jonuary 2023` from OCR): its first
 * and last days. Full names tolerate one wrong letter; abbreviations must be exact.
 */
export function parseMonthPeriod(
  text: string,
): { start: string; end: string; index: number; length: number } | null {
  const re = /([A-Za-zÀ-ÖØ-öø-ÿ]{3,10})\.?(?:\s+(?:de|del)\s+|\s*[-/ ]\s*)((?:19|20)\d{2})\b/g;
  for (const m of text.matchAll(re)) {
    const word = m[1]!
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const month =
      MONTHS[word] ??
      Object.entries(MONTHS).find(
        ([name]) => name.length >= 5 && editDistance(name, word) <= 1,
      )?.[1];
    if (!month) continue;
    const year = Number(m[2]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {
      start: iso(year, month, 1)!,
      end: iso(year, month, last)!,
      index: m.index,
      length: m[0].length,
    };
  }
  return null;
}
