import { compact, findCompacted, linesOf, type TextLine } from './text-lines';
import { shapeOf, tokensOf, type ValueKind, type ValueToken } from './value-tokens';
import type { FieldAnchor, VendorLayout } from './vendor-layout';

/** A value the layout points at in a new document: the printed text and where it is. */
export interface RecalledValue {
  /** The field's kind: the reader parses `raw` as an amount, a date or keeps the text. */
  kind: ValueKind;
  raw: string;
  /** [start, end) in the document text. */
  start: number;
  end: number;
  /** How the place was found: by the same label on the line, the label above, or position. */
  via: 'label' | 'above' | 'position';
  /** Strength of the anchor: 1 for the first place the value had, less for later ones. */
  weight: number;
  /** A date's reading where the value was corrected (`dmy`, `mdy`, `ymd`). */
  reading?: 'dmy' | 'mdy' | 'ymd';
}

/** A vendor constant (its name, tax id, currency) and where the new document prints it, if it does. */
export interface RecalledConstant {
  value: string | number;
  span?: { start: number; end: number };
}

export interface RecalledFields {
  constants: Record<string, RecalledConstant>;
  /** Per field, what each remembered place holds in the new document, strongest first. */
  values: Record<string, RecalledValue[]>;
}

/** A place found by position alone is weaker than what the extractors found (0.3). */
const VIA_WEIGHT = { label: 1, above: 0.8, position: 0.25 } as const;
/** A value's later places (the total repeated as CASH) count less than its first. */
const LATER_PLACE = 0.6;
/** Words looked for around a remembered position before giving up on it. */
const POSITION_SLACK = 2;

/**
 * Reads a new document from the same vendor with a remembered layout: each remembered place is
 * looked for (its label on a line, else its label above, else its line position) and the value
 * of the remembered kind there is read. Linear in the text for each anchor (at most four per field).
 */
export function readWithLayout(text: string, layout: VendorLayout): RecalledFields {
  const lines = linesOf(text);
  const constants: RecalledFields['constants'] = {};
  for (const [name, value] of Object.entries(layout.constants)) {
    constants[name] = { value, ...spanOf(lines, value) };
  }
  const values: RecalledFields['values'] = {};
  for (const [name, anchors] of Object.entries(layout.anchors)) {
    const found: RecalledValue[] = [];
    anchors.forEach((anchor, i) => {
      const hit = readAnchor(lines, anchor);
      if (hit) found.push({ ...hit, weight: VIA_WEIGHT[hit.via] * (i === 0 ? 1 : LATER_PLACE) });
    });
    if (found.length > 0) values[name] = found;
  }
  return { constants, values };
}

function spanOf(lines: readonly TextLine[], value: string | number) {
  const wanted = compact(String(value));
  if (wanted.length < 3) return {};
  for (const line of lines) {
    const at = findCompacted(line, wanted);
    if (at) return { span: { start: line.start + at.from, end: line.start + at.to } };
  }
  return {};
}

type Hit = Omit<RecalledValue, 'weight'>;

function readAnchor(lines: readonly TextLine[], anchor: FieldAnchor): Hit | undefined {
  if (anchor.label.length > 0) {
    const hit = byLabel(lines, anchor);
    if (hit) return hit;
  }
  if (anchor.above.length > 0) {
    const hit = byAbove(lines, anchor);
    if (hit) return hit;
  }
  return byPosition(lines, anchor);
}

/**
 * Lines holding the label, best match first, then nearest the remembered position. OCR damages
 * labels (`GST` read `6ST`, a word dropped or added), so the label's first word must be there and
 * three quarters of its words in order within one word more (words equal up to one letter from
 * four letters on, see sameWord).
 */
function labelled(
  lines: readonly TextLine[],
  label: readonly string[],
  anchor: FieldAnchor,
  atStart: boolean,
) {
  const needed = Math.ceil(label.length * 0.75);
  const found: { line: TextLine; end: number; score: number }[] = [];
  for (const line of lines) {
    const w = line.words;
    const last = atStart ? Math.min(0, w.length - 1) : w.length - 1;
    let best: { end: number; score: number } | undefined;
    for (let i = 0; i <= last; i += 1) {
      if (!sameWord(w[i]!.folded, label[0]!)) continue;
      const window = w.slice(i, i + label.length + 1);
      const { matched, lastMatched } = inOrder(label, window);
      if (matched >= needed && (!best || matched > best.score))
        best = { end: window[lastMatched]!.to, score: matched };
    }
    if (best) found.push({ line, ...best });
  }
  return found.sort(
    (a, b) =>
      b.score - a.score || distance(lines, a.line, anchor) - distance(lines, b.line, anchor),
  );
}

/** How many label words appear in order in the window (greedy), and the last one's index. */
function inOrder(label: readonly string[], window: readonly { folded: string }[]) {
  let matched = 0;
  let lastMatched = 0;
  let j = 0;
  for (const word of label) {
    for (let k = j; k < window.length; k += 1) {
      if (sameWord(window[k]!.folded, word)) {
        matched += 1;
        lastMatched = k;
        j = k + 1;
        break;
      }
    }
  }
  return { matched, lastMatched };
}

/** OCR's look-alike letters folded (`l`/`i`, `c`/`e`, `u`/`v`, `rn`/`m`). */
const lookAlike = (s: string) =>
  s.replace(/rn/g, 'm').replace(/i/g, 'l').replace(/c/g, 'e').replace(/v/g, 'u');

/** Two words are the same when equal up to look-alikes, or one letter off from four letters on. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const x = lookAlike(a);
  const y = lookAlike(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 4 || Math.abs(x.length - y.length) > 1) return false;
  return editDistanceAtMostOne(x, y);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** How far a line is from where the anchor's line was, counted from the nearer end. */
function distance(lines: readonly TextLine[], line: TextLine, anchor: FieldAnchor): number {
  return anchor.line <= anchor.fromEnd
    ? Math.abs(line.index - anchor.line)
    : Math.abs(lines.length - 1 - line.index - anchor.fromEnd);
}

function byLabel(lines: readonly TextLine[], anchor: FieldAnchor): Hit | undefined {
  for (const { line, end } of labelled(lines, anchor.label, anchor, anchor.wholeLine)) {
    const token = valueAfter(line, end, anchor);
    if (token) return hit(line, token, anchor, 'label');
  }
  return undefined;
}

function byAbove(lines: readonly TextLine[], anchor: FieldAnchor): Hit | undefined {
  for (const { line } of labelled(lines, anchor.above, anchor, true)) {
    // the line above is the label alone: a word more is OCR's only from three words on
    const slack = anchor.above.length >= 3 ? 1 : 0;
    if (Math.abs(line.words.length - anchor.above.length) > slack && anchor.above.length < 6)
      continue;
    for (let i = line.index + 1; i < lines.length && i <= line.index + 3; i += 1) {
      const token = nearestColumn(lines[i]!, anchor);
      if (token) return hit(lines[i]!, token, anchor, 'above');
    }
  }
  return undefined;
}

function byPosition(lines: readonly TextLine[], anchor: FieldAnchor): Hit | undefined {
  const target = anchor.line <= anchor.fromEnd ? anchor.line : lines.length - 1 - anchor.fromEnd;
  for (let d = 0; d <= POSITION_SLACK; d += 1) {
    for (const index of d === 0 ? [target] : [target - d, target + d]) {
      const line = lines[index];
      const token = line && nearestColumn(line, anchor);
      if (token) return hit(line, token, anchor, 'position');
    }
  }
  return undefined;
}

/** The value of the anchor's kind after the label, skipping as many as the remembered line did. */
function valueAfter(line: TextLine, end: number, anchor: FieldAnchor): ValueToken | undefined {
  if (anchor.kind === 'text') {
    // as many words as the remembered value had (`R18-31`, not `R18-31 vom 03.10.2018`)
    const pieces = anchor.shape.trim().split(/\s+/).length;
    const rest = line.text.slice(end);
    const m = new RegExp(`[^\\s:#.-]\\S*(?: \\S+){0,${pieces - 1}}`).exec(rest);
    return m ? { from: end + m.index, to: end + m.index + m[0].length, raw: m[0] } : undefined;
  }
  // the value follows its label: no other words between them
  const next = line.words.find((w) => w.from >= end)?.from ?? Number.POSITIVE_INFINITY;
  const after = tokensOf(line.text, anchor.kind).filter(
    (t) => t.from >= end && t.to <= next && fits(t, anchor),
  );
  return after[Math.min(anchor.skip, after.length - 1)];
}

/** The value of the anchor's kind (and shape, for text) nearest the remembered column. */
function nearestColumn(line: TextLine, anchor: FieldAnchor): ValueToken | undefined {
  const tokens =
    anchor.kind === 'text'
      ? [...line.text.matchAll(/\S+(?: \S+)*/g)]
          .map((m) => ({ from: m.index, to: m.index + m[0].length, raw: m[0] }))
          .filter((t) => shapeOf(t.raw) === anchor.shape)
      : tokensOf(line.text, anchor.kind).filter((t) => fits(t, anchor));
  let best: ValueToken | undefined;
  for (const t of tokens)
    if (!best || Math.abs(t.from - anchor.column) < Math.abs(best.from - anchor.column)) best = t;
  return best;
}

/** An amount remembered with cents is not read from a whole number (`CHANGE RM 10`). */
function fits(token: ValueToken, anchor: FieldAnchor): boolean {
  return anchor.kind !== 'amount' || !/[.,]99$/.test(anchor.shape) || /[.,]\d\d$/.test(token.raw);
}

function hit(line: TextLine, token: ValueToken, anchor: FieldAnchor, via: Hit['via']): Hit {
  return {
    kind: anchor.kind,
    raw: token.raw,
    start: line.start + token.from,
    end: line.start + token.to,
    via,
    ...(anchor.reading ? { reading: anchor.reading } : {}),
  };
}
