import { parseAmount } from '../normalise/amount';
import { CODE_ALTERNATIVES, PREFIX_SIGN } from '../normalise/currency-signs';
import { DATE_IN_TEXT, parseDate } from '../normalise/date';
import type { DocumentText, Line } from './document-text';

/** A typed value found in a line: its columns within the line and its parsed value. */
export interface Token<T> {
  value: T;
  from: number;
  to: number;
  confidence: number;
  currency?: string;
}

/**
 * An amount with its sign, currency before or after (`€ 1.234,56`, `1 234,56 €`, `CHF 1'234.50`,
 * `RM 12.50`, `R$ 1.234,56`, `12,50 EUR`) and thousands separators `,` `.` `'` `’` and spaces
 * (also the no-break and narrow no-break spaces French typography uses).
 */
const AMOUNT = new RegExp(
  String.raw`(?<![\w.,/:-])(?:[-−–]|\(\s?)?(?:(?:${PREFIX_SIGN}|${CODE_ALTERNATIVES})\s?)?[-−]?(?:\d{1,3}(?:[,.'’\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:\s?(?:€|\$|£|${CODE_ALTERNATIVES})\b|\s?[€₹])?(?:\)|-(?![\d\w]))?(?![\w%/]|[.,]\d|\s?%|:\d)`,
  'g',
);

/** Amounts in columns [from, to) of a line (dates, percentages and times are not amounts). */
export function amountsIn(
  doc: DocumentText,
  line: Line,
  from = 0,
  to = line.text.length,
): Token<number>[] {
  const segment = line.numeric.slice(from, to);
  const dates = datesIn(doc, line, from, to);
  const out: Token<number>[] = [];
  for (const m of segment.matchAll(AMOUNT)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (dates.some((d) => start < d.to && end > d.from)) continue;
    const parsed = parseAmount(m[0], doc.decimalHint);
    if (!parsed) continue;
    const trimmed = m[0].trimEnd();
    out.push({
      value: parsed.value,
      from: start,
      to: start + trimmed.length,
      confidence: parsed.confidence,
      ...(parsed.currency ? { currency: parsed.currency } : {}),
    });
  }
  return out;
}

export function datesIn(
  doc: DocumentText,
  line: Line,
  from = 0,
  to = line.text.length,
): Token<string>[] {
  const segment = line.numeric.slice(from, to);
  const out: Token<string>[] = [];
  for (const m of segment.matchAll(DATE_IN_TEXT)) {
    const parsed = parseDate(m[0], doc.dateOrder);
    if (parsed)
      out.push({
        value: parsed.value,
        from: from + m.index,
        to: from + m.index + m[0].length,
        confidence: parsed.confidence,
      });
  }
  return out;
}

export interface Cell {
  from: number;
  to: number;
  text: string;
}

/** Where cells break: a tab, a pipe or a run of 2+ whitespace characters (each run matched once). */
const CELL_BREAK = /\t|\||\s{2,}/g;

const cellCache = new WeakMap<Line, readonly Cell[]>();

/** A line cut into cells at runs of 2+ spaces, tabs and pipes (one pass, once per line). */
export function cellsOf(line: Line): readonly Cell[] {
  let cells = cellCache.get(line);
  if (!cells) cellCache.set(line, (cells = cutCells(line)));
  return cells;
}

function cutCells(line: Line): Cell[] {
  const cells: Cell[] = [];
  const add = (start: number, end: number): void => {
    const raw = line.text.slice(start, end);
    const text = raw.trim();
    if (!text) return;
    const from = start + raw.indexOf(text);
    cells.push({ from, to: from + text.length, text });
  };
  let start = 0;
  for (const m of line.text.matchAll(CELL_BREAK)) {
    add(start, m.index);
    start = m.index + m[0].length;
  }
  add(start, line.text.length);
  return cells;
}
