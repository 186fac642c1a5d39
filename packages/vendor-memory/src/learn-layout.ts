import { compact, findCompacted, linesOf, type TextLine } from './text-lines';
import {
  dateReading,
  type DateReading,
  looseAmount,
  shapeOf,
  tokensOf,
  type ValueKind,
  type ValueToken,
} from './value-tokens';
import { VENDOR_CONSTANT_FIELDS, type FieldAnchor, type VendorLayout } from './vendor-layout';
import { headIdKeys, vendorKeysOfFields, vendorNameOf } from './vendor-keys';

/** A corrected field's value, as the review gave it. */
export type CorrectedValue = string | number | boolean | null;

/** Places of one value kept per field: more are the same value repeated (a total under CASH too). */
const MAX_PLACES = 4;
/** A label is at most this many words (the ones nearest the value). */
const LABEL_WORDS = 4;
/** Longest text learned from: a correction's anchors are in the first pages (and it runs on the gateway). */
export const MAX_LEARN_CHARS = 30_000;

/**
 * What a reviewer's correction teaches about the vendor's layout: for each corrected field, where
 * its value is printed in the document's text and which label anchors it (see vendor-layout.ts).
 * The vendor's own fields (name, tax id, currency) are kept as values. Undefined when the
 * correction names no vendor (no name and no id to find the next document by).
 */
export function learnLayout(
  docType: string,
  text: string,
  fields: Record<string, CorrectedValue>,
): VendorLayout | undefined {
  const lines = linesOf(text.slice(0, MAX_LEARN_CHARS));
  const vendorKeys = [
    ...new Set([
      ...vendorKeysOfFields(fields),
      ...(docType === 'receipt' ? headIdKeys(lines) : []),
    ]),
  ].slice(0, 20);
  if (vendorKeys.length === 0) return undefined;
  const constants: VendorLayout['constants'] = {};
  const anchors: VendorLayout['anchors'] = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (VENDOR_CONSTANT_FIELDS.has(name)) {
      constants[name] = typeof value === 'string' ? value.trim().slice(0, 300) : value;
      continue;
    }
    const kind = kindOf(value);
    const places = findValue(lines, kind, value).slice(0, MAX_PLACES);
    if (places.length > 0) anchors[name] = places.map((p) => anchorAt(lines, p, kind));
  }
  const vendorName = vendorNameOf(fields);
  return {
    docType,
    ...(vendorName ? { vendorName: vendorName.slice(0, 300) } : {}),
    vendorKeys,
    constants,
    anchors,
  };
}

export function kindOf(value: string | number): ValueKind {
  if (typeof value === 'number') return 'amount';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'date' : 'text';
}

interface Place {
  line: TextLine;
  token: ValueToken;
  reading?: DateReading;
}

/** Where a value is printed, top to bottom. */
export function findValue(lines: readonly TextLine[], kind: ValueKind, value: string | number) {
  const places: Place[] = [];
  const wanted = typeof value === 'string' ? compact(value) : '';
  for (const line of lines) {
    if (kind === 'text') {
      const at = wanted.length >= 3 ? findCompacted(line, wanted) : null;
      if (at) places.push({ line, token: { ...at, raw: line.text.slice(at.from, at.to) } });
      continue;
    }
    for (const token of tokensOf(line.text, kind)) {
      if (kind === 'date') {
        const reading = dateReading(token.raw, String(value));
        if (reading) places.push({ line, token, reading });
      } else if (Math.abs((looseAmount(token.raw) ?? Number.NaN) - Number(value)) < 0.005)
        places.push({ line, token });
    }
  }
  return places;
}

/** The words left of the value on its line, the line above's words, position and shape. */
function anchorAt(lines: readonly TextLine[], place: Place, kind: ValueKind): FieldAnchor {
  const { line, token } = place;
  const left = line.words.filter((w) => w.to <= token.from);
  // a label belongs to its value: words after another value on the line (`AC-1001`, `2.50`;
  // not `6%`) are the label, the ones before belong to that value
  // (unless that leaves none: `Steuerbasisbetrag USt. 19%  198,00  37,62` keeps its words)
  const cut = lastValueEnd(line.text.slice(0, token.from));
  const own = left.filter((w) => w.from >= cut);
  const label = (own.length > 0 ? own : left).slice(-LABEL_WORDS);
  const labelEnd = label.length > 0 ? label[label.length - 1]!.to : 0;
  const skip =
    kind === 'text'
      ? 0
      : tokensOf(line.text, kind).filter((t) => t.from >= labelEnd && t.to <= token.from).length;
  let above: string[] = [];
  for (let i = line.index - 1; i >= 0 && i >= line.index - 3; i -= 1) {
    const words = lines[i]!.words;
    if (words.length > 0) {
      above = words.slice(0, 6).map((w) => w.folded.slice(0, 40));
      break;
    }
  }
  return {
    kind,
    label: label.map((w) => w.folded.slice(0, 40)),
    wholeLine: label.length === left.length && (cut === 0 || own.length === 0),
    skip: Math.min(skip, 20),
    above,
    line: line.index,
    fromEnd: lines.length - 1 - line.index,
    column: token.from,
    shape: shapeOf(token.raw).slice(0, 60),
    ...(place.reading ? { reading: place.reading } : {}),
  };
}

/** End of the last whitespace-separated piece with three or more digits before `upTo`, or 0. */
function lastValueEnd(upTo: string): number {
  let end = 0;
  for (const m of upTo.matchAll(/\S+/g)) {
    if ((m[0].match(/\d/g) ?? []).length >= 3) end = m.index + m[0].length;
  }
  return end;
}
