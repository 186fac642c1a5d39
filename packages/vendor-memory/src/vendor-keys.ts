import { compact, linesOf } from './text-lines';
import { VENDOR_ID_FIELDS, VENDOR_NAME_FIELDS } from './vendor-layout';

/**
 * Vendor keys: `name:<compacted name>` and `id:<compacted tax id or IBAN>`. A correction stores the
 * keys of the vendor it names; a new document is looked up by every key its text could hold (its
 * head lines' names, its id-shaped tokens), so finding the vendor needs no extraction to be right.
 */
const MIN_NAME = 5;
const MAX_KEY = 100;
/** Lines of the head of the first page and of the foot of the last a vendor's name is looked for in. */
const HEAD_LINES = 40;
const FOOT_LINES = 15;
/** Words of a name. */
const NAME_WORDS = 8;
/** Keys looked up per document at most. */
const MAX_TEXT_KEYS = 1000;

const nameKey = (name: string) => {
  const c = compact(name);
  return c.length >= MIN_NAME ? `name:${c.slice(0, MAX_KEY)}` : undefined;
};
const idKey = (id: string) => {
  const c = compact(id);
  return c.length >= 6 && /\d{5}/.test(c) ? `id:${c.slice(0, MAX_KEY)}` : undefined;
};

/** The vendor's name in a correction (seller, merchant, employer), if any. */
export function vendorNameOf(fields: Record<string, unknown>): string | undefined {
  for (const name of VENDOR_NAME_FIELDS) {
    const value = fields[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/** The keys a corrected document's vendor is remembered by. */
export function vendorKeysOfFields(fields: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  const name = vendorNameOf(fields);
  const key = name && nameKey(name);
  if (key) keys.add(key);
  for (const field of VENDOR_ID_FIELDS) {
    const value = fields[field];
    const id = typeof value === 'string' ? idKey(value) : undefined;
    if (id) keys.add(id);
  }
  return [...keys];
}

/**
 * Every key a document's text could be remembered by: each cell (text between runs of two or more
 * spaces) of the head and foot lines read as a name from its start (word by word, so `99 SPEED
 * MART S/B (519537-X)` also gives `99SPEEDMARTSB`), alone and joined with the next line (a name
 * printed over two lines), and each id-shaped run of letters, digits and separators anywhere in
 * the text (a VAT id or IBAN in the footer).
 */
export function vendorKeysOfText(text: string): string[] {
  const keys = new Set<string>();
  const lines = linesOf(text).filter((l) => l.text.trim() !== '');
  const ends = [
    lines.slice(0, HEAD_LINES),
    lines.slice(Math.max(HEAD_LINES, lines.length - FOOT_LINES)),
  ];
  for (const part of ends) {
    part.forEach((line, i) => {
      const next = part[i + 1];
      const cells = line.text.split(/\s{2,}/).filter((c) => c.trim() !== '');
      const sources = [
        ...cells,
        ...(next ? [`${cells[cells.length - 1] ?? ''} ${next.text}`] : []),
      ];
      for (const source of sources) {
        let prefix = '';
        for (const word of source.trim().split(/\s+/).slice(0, NAME_WORDS)) {
          prefix += compact(word);
          if (prefix.length > MAX_KEY) break;
          const key = nameKey(prefix);
          if (key) keys.add(key);
        }
      }
    });
  }
  for (const line of lines) {
    for (const key of idKeysOf(line.text)) keys.add(key);
    if (keys.size >= MAX_TEXT_KEYS) break;
  }
  return [...keys].slice(0, MAX_TEXT_KEYS);
}

/** Id-shaped pieces (a registration or tax number) a receipt prints in its head. */
const HEAD_ID_LINES = 12;

/**
 * The ids printed in a receipt's head (`(CO. NO. 113825-W)`, `GST REG NO. 001492992000`): on a
 * till receipt they are the merchant's, so they find its next receipt when the name is misprinted.
 * Not for invoices, whose head also carries the buyer's ids (every vendor's invoices would share
 * them). Only each line's longest key per id (the whole number, not its prefixes).
 */
export function headIdKeys(lines: readonly { text: string }[]): string[] {
  const keys: string[] = [];
  for (const line of lines.filter((l) => l.text.trim() !== '').slice(0, HEAD_ID_LINES)) {
    for (const m of line.text.toUpperCase().matchAll(/\d[\dA-Z-]{5,}/g)) {
      const key = idKey(m[0]);
      if (key && /\d{6}/.test(m[0])) keys.push(key);
    }
  }
  return keys.slice(0, 6);
}

/** An id's pieces: letters, digits and separators with at least one digit (`DE89`, `3704`, `S/N:123`). */
const ID_PART = /^[A-Z0-9./:-]*\d[A-Z0-9./-]*$/;
/** Pieces an id may be printed in (an IBAN in groups of four). */
const MAX_ID_PARTS = 9;

/**
 * Id keys of a line: from every piece holding a digit, that piece alone and joined with the id-like
 * pieces after it (`DE89 3704 0044 …` gives every prefix, the whole IBAN among them); a piece
 * after a colon is also read alone (`NO:000181747712`).
 */
function idKeysOf(text: string): string[] {
  const keys: string[] = [];
  const parts = text.toUpperCase().split(/\s+/).filter(Boolean);
  parts.forEach((first, i) => {
    if (!/\d/.test(first)) return;
    let joined = '';
    for (let j = i; j < parts.length && j < i + MAX_ID_PARTS; j += 1) {
      const part = j === i ? first.slice(first.lastIndexOf(':') + 1) : parts[j]!;
      if (j > i && !ID_PART.test(part)) break;
      joined += compact(part);
      const key = idKey(joined);
      if (key) keys.push(key);
    }
  });
  return keys;
}
