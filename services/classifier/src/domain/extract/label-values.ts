import type { DocumentText, Line } from './document-text';
import { fold } from './document-text';
import { labelsOf, type LabelGroup } from './labels';
import { startsCell, trimEndWhere } from './text-scan';
import { amountsIn, cellsOf, datesIn, type Token } from './tokens';

export interface LabelHit {
  line: Line;
  from: number;
  to: number;
  weight: number;
  label: string;
}

/** Every place a label of the group occurs (longest labels first; no overlaps within a line). */
const cache = new WeakMap<DocumentText, Map<LabelGroup, LabelHit[]>>();

export function findLabels(doc: DocumentText, group: LabelGroup): LabelHit[] {
  let byGroup = cache.get(doc);
  if (!byGroup) cache.set(doc, (byGroup = new Map()));
  let hits = byGroup.get(group);
  if (!hits) byGroup.set(group, (hits = scanLabels(doc, group)));
  return hits;
}

/**
 * A line names one field a few times at most; past this many hits the rest of the line is noise.
 * The bound keeps the work per line linear: each hit reads its value from the rest of its line and
 * is compared with the line's other hits.
 */
const MAX_HITS_PER_LINE = 32;

function scanLabels(doc: DocumentText, group: LabelGroup): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const line of doc.lines) {
    if (!/[a-z]/.test(line.folded)) continue; // every label has a letter
    // columns already taken by a longer label (a mark per column: no pairwise overlap checks)
    let taken: Uint8Array | undefined;
    let onLine = 0;
    for (const label of labelsOf(group)) {
      if (!line.folded.includes(label.required)) continue;
      for (const m of line.folded.matchAll(label.pattern)) {
        if (onLine === MAX_HITS_PER_LINE) break;
        const from = m.index;
        const to = from + m[0].length;
        taken ??= new Uint8Array(line.folded.length);
        if (taken.subarray(from, to).includes(1)) continue;
        taken.fill(1, from, to);
        onLine += 1;
        hits.push({ line, from, to, weight: label.weight, label: label.label });
      }
    }
  }
  return hits.sort((a, b) => a.line.index - b.line.index || a.from - b.from);
}

const byLine = new WeakMap<LabelHit[], Map<Line, LabelHit[]>>();

/** The group's hits on one line, left to right (they never overlap). */
export function labelsOnLine(doc: DocumentText, group: LabelGroup, line: Line): LabelHit[] {
  const all = findLabels(doc, group);
  let lines = byLine.get(all);
  if (!lines) {
    lines = new Map();
    for (const hit of all) {
      const list = lines.get(hit.line);
      if (list) list.push(hit);
      else lines.set(hit.line, [hit]);
    }
    byLine.set(all, lines);
  }
  return lines.get(line) ?? [];
}

/** Index of the first hit starting after column `at` (hits sorted by `from`), by bisection. */
function firstAfter(hits: LabelHit[], at: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.from > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface Region {
  line: Line;
  from: number;
  to: number;
  /** 1 for a value right of its label, lower for one beneath it. */
  position: number;
  /** Set when labels and values are rows without columns: pick the value by the label's rank. */
  byRank?: boolean;
}

/** Groups whose values share a type: in a row of labels they pair with values in order. */
const KINDS: LabelGroup[][] = [
  ['issueDate', 'dueDate', 'effectiveDate'],
  ['invoiceNumber', 'accountNumber'],
  ['subtotal', 'total', 'tax', 'gross', 'net', 'opening', 'closing'],
];

function rankInRow(doc: DocumentText, group: LabelGroup, hit: LabelHit): number {
  const kind = KINDS.find((k) => k.includes(group)) ?? [group];
  const hits = kind
    .flatMap((g) => labelsOnLine(doc, g, hit.line))
    .sort((a, b) => b.to - b.from - (a.to - a.from));
  const kept: LabelHit[] = [];
  for (const h of hits) if (!kept.some((k) => h.from < k.to && h.to > k.from)) kept.push(h);
  kept.sort((a, b) => a.from - b.from);
  return Math.max(
    0,
    kept.findIndex((k) => hit.from < k.to && hit.to > k.from),
  );
}

const NAME_STOPPERS: LabelGroup[] = [
  'employee',
  'employer',
  'period',
  'invoiceNumber',
  'issueDate',
  'dueDate',
  'buyer',
  'seller',
  'taxId',
  'accountNumber',
  'accountHolder',
];

/** Where the next label of another field starts on a line (text values stop there). */
export function nextLabelStart(doc: DocumentText, line: Line, after: number): number {
  let end = line.text.length;
  for (const g of NAME_STOPPERS) {
    const hits = labelsOnLine(doc, g, line);
    // a label word inside a hyphenated name (`MUSTER-KUNDE GMBH`) starts no label
    const next = hits
      .slice(firstAfter(hits, after))
      .find((h) => !/[a-z]-$/.test(line.folded.slice(Math.max(0, h.from - 2), h.from)));
    if (next && next.from < end) end = next.from;
  }
  return end;
}

// one run of separators, then an optional `nº` and another run (never two runs side by side: they
// would split a long run every possible way)
const SEPARATORS = /^[\s:.#=\-–_|]*(?:n[ºo°]\.?(?![a-z])[\s:.#=\-–_|]*)?/i;

/**
 * Where a label's value can be: right of it on the same line (the rest of its cell, or the next
 * cell), else beneath it (the cell of the next non-empty line under the label's columns).
 */
export function valueRegions(doc: DocumentText, hit: LabelHit): Region[] {
  const { line } = hit;
  const regions: Region[] = [];
  const rest = line.text.slice(hit.to);
  let skip = SEPARATORS.exec(rest)?.[0].length ?? 0;
  // keep a minus sign that belongs to the value (`Total: -8,765.67`, `Total - -5.00`)
  if (skip > 0 && /[-–]/.test(rest[skip - 1]!) && /[\d$€£(]/.test(rest[skip] ?? '')) skip -= 1;
  const from = hit.to + skip;
  const cells = cellsOf(line);
  const own = cells.find((c) => c.from <= hit.from && c.to >= hit.to);
  let to = own && own.to > from ? own.to : line.text.length;
  if (own && own.to <= from) {
    const nextCell = cells.find((c) => c.from >= from);
    to = nextCell ? nextCell.to : from;
  }
  if (to > from) regions.push({ line, from, to, position: 1 });
  // `TOTAL EUR   68,76`, `IMPORTE TOTAL   S/   15.90`: a currency or unit fills the cell that
  // follows the label, the value is in the cell after it
  const gap = line.text.slice(from, to).trim();
  if (to > from && gap.length <= 12 && !/\d/.test(gap)) {
    const after = cells.find((c) => c.from >= to);
    if (after) regions.push({ line, from: after.from, to: after.to, position: 0.95 });
  }
  const below = doc.lines.slice(line.index + 1, line.index + 3).find((l) => l.text.trim());
  const restCells = cells.filter((c) => c.from >= hit.to);
  const labelRow =
    restCells.length > 0 && restCells.every((c) => c.text.length <= 25 && !/\d/.test(c.text));
  if (below && (to <= from || line.text.slice(from).trim() === '' || labelRow)) {
    const belowCells = cellsOf(below);
    const labelCells = cells.length;
    const cell =
      labelCells > 1
        ? belowCells.find((c) => c.from < hit.to + 3 && c.to > hit.from - 3)
        : belowCells.length === 1 || labelCells <= 1
          ? { from: belowCells[0]?.from ?? 0, to: below.text.length }
          : undefined;
    const byRank = labelCells <= 1 && belowCells.length <= 1 && !/\d/.test(line.text);
    if (cell) {
      regions.push({
        line: below,
        from: cell.from,
        to: cell.to,
        position: 0.85,
        ...(byRank ? { byRank } : {}),
      });
    }
  }
  return regions;
}

export interface Found<T> extends Token<T> {
  line: Line;
  score: number;
  hit: LabelHit;
}

type Reader<T> = (doc: DocumentText, region: Region) => Token<T>[];

export const readAmount: Reader<number> = (doc, r) => amountsIn(doc, r.line, r.from, r.to);
export const readDate: Reader<string> = (doc, r) => datesIn(doc, r.line, r.from, r.to);
export const readText: Reader<string> = (doc, r) => {
  const to = Math.min(r.to, nextLabelStart(doc, r.line, r.from));
  const text = r.line.text.slice(r.from, to).trimEnd();
  const trimmed = text.replace(/^[\s:]+/, '');
  if (!trimmed) return [];
  const from = r.from + (text.length - trimmed.length);
  return [{ value: trimmed, from, to: from + trimmed.length, confidence: 1 }];
};
/** A name: like `readText`, but a value that is itself a label (`EMPRESA   TRABAJADOR`) is none. */
export const readName: Reader<string> = (doc, r) =>
  readText(doc, r).filter((t) => {
    const folded = trimEndWhere(fold(t.value), (ch) => /[\s:.]/.test(ch));
    return (
      /[a-z]{2}/.test(folded) &&
      !NAME_STOPPERS.some((g) =>
        labelsOf(g).some((l) => new RegExp(`^${l.pattern.source}$`).test(folded)),
      )
    );
  });
/** A document series printed before its number (`FT 2024/315`, Portugal's invoice series). */
const SERIES = /^(\s*)[A-Z]{2,4} (?=\d[A-Z0-9\-/.]*\d)/;

export const readId: Reader<string> = (_doc, r) => {
  const text = r.line.text.slice(r.from, r.to);
  const series = SERIES.exec(text);
  const skip = series ? series[0].length : 0;
  // bounded runs: an unbounded `[…]*\d` rescans a long digitless run from each of its characters
  const ids = text.slice(skip).matchAll(/[A-Z0-9][A-Z0-9\-/.]{0,40}\d[A-Z0-9\-/]{0,40}/gi);
  return [...ids].map((m) => {
    // the series joins the id right after it
    const start = series && m.index === 0 ? series[1]!.length : skip + m.index;
    const end = skip + m.index + m[0].length;
    return {
      value: text.slice(start, end).replace(/[.\-/]$/, ''),
      from: r.from + start,
      to: r.from + end,
      confidence: 1,
    };
  });
};

/** How far into its region a value may start: a label's value is never a page width away. */
const VALUE_REACH = 200;

/** Candidates for a labelled field, best first: label weight × position × parse confidence. */
export function labelledValues<T>(
  doc: DocumentText,
  group: LabelGroup,
  read: Reader<T>,
  exclude: LabelGroup[] = [],
): Found<T>[] {
  const found: Found<T>[] = [];
  for (const hit of withoutOverlaps(doc, findLabels(doc, group), exclude)) {
    for (const region of valueRegions(doc, hit)) {
      const tokens = read(doc, { ...region, to: Math.min(region.to, region.from + VALUE_REACH) });
      if (tokens.length === 0) continue;
      const rank = region.byRank ? rankInRow(doc, group, hit) : 0;
      const token = tokens[rank] ?? tokens[0]!;
      // a value far to the right of its label on the same line is probably someone else's
      const near = token.from - region.from > 8 ? 0.6 : 1;
      // a label that starts its line or cell (`Date: …`) over one inside a sentence (`… dated …`)
      const lead = startsCell(hit.line.text, hit.from) ? 1 : 0.85;
      found.push({
        ...token,
        line: region.line,
        hit,
        score: hit.weight * region.position * token.confidence * near * lead,
      });
      break;
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

/** Drops hits that lie inside a longer label of another group (`date` inside `Due date`). */
export function withoutOverlaps(
  doc: DocumentText,
  hits: LabelHit[],
  exclude: LabelGroup[],
): LabelHit[] {
  if (exclude.length === 0) return hits;
  // within a group hits do not overlap, so the one that can hold `h` is the last starting at or
  // before it
  return hits.filter(
    (h) =>
      !exclude.some((g) => {
        const others = labelsOnLine(doc, g, h.line);
        const o = others[firstAfter(others, h.from) - 1];
        return !!o && o.to >= h.to && o.to - o.from > h.to - h.from;
      }),
  );
}
