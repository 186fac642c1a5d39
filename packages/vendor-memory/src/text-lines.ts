/** A line of a document text with its offset, and its words folded (lower case, no accents). */
export interface TextLine {
  index: number;
  /** Offset of the line's first character in the text. */
  start: number;
  text: string;
  words: Word[];
  /** Filled by findCompacted on first use. */
  compacted?: CompactedLine;
}

export interface Word {
  /** Lower case, accents stripped, letters only. */
  folded: string;
  /** [from, to) in the line. */
  from: number;
  to: number;
}

/** Longest line looked at: a longer one is cut (its tail holds no anchor worth a scan). */
const MAX_LINE = 400;

/** Lines of a text (pages' form feeds count as line breaks), offsets kept. */
export function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const raw of text.split(/[\n\f]/)) {
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    lines.push({ index: lines.length, start, text: line, words: wordsOf(line) });
    start += raw.length + 1;
  }
  return lines;
}

const foldWord = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Words of two or more letters (a label's words; numbers and single letters are not). */
export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  for (const m of line.matchAll(/\p{L}{2,}/gu)) {
    words.push({ folded: foldWord(m[0]), from: m.index, to: m.index + m[0].length });
  }
  return words;
}

/** A name or code for comparison: upper case, accents stripped, letters and digits only. */
export function compact(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A line compacted, with each compacted character's offset in the line. */
export interface CompactedLine {
  text: string;
  at: number[];
}

function compactLine(line: string): CompactedLine {
  let text = '';
  const at: number[] = [];
  const ascii = /^[\p{ASCII}]*$/u.test(line);
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    const c = ascii ? (/[A-Za-z0-9]/.test(ch) ? ch.toUpperCase() : '') : compact(ch);
    for (const out of c) {
      text += out;
      at.push(i);
    }
  }
  return { text, at };
}

/**
 * Where `value` (compacted) occurs in `line`, as [from, to) of the line: the comparison ignores
 * case, accents, spaces and punctuation, so `MR. D.I.Y. (M)` is found for `MR D I Y M`. The
 * line's compacted form is computed once and kept on it.
 */
export function findCompacted(line: TextLine, value: string): { from: number; to: number } | null {
  if (value === '') return null;
  line.compacted ??= compactLine(line.text);
  const { text, at } = line.compacted;
  const found = text.indexOf(value);
  if (found < 0) return null;
  return { from: at[found]!, to: at[found + value.length - 1]! + 1 };
}
