import type { PageBox, TextRange } from './highlight';

/** A run of text the PDF's text layer placed on a page, with its box (fractions of the page). */
export interface PageTextItem {
  text: string;
  box: PageBox;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Boxes of `needle` on a page of a PDF with a text layer: a stand-in for the understanding work's
 * boxes, found by matching the field's text. A match inside a longer run gets its share of the
 * run's width (by characters). Empty when the text is not on the page.
 */
export function boxesForText(items: readonly PageTextItem[], needle: string): PageBox[] {
  const wanted = squash(needle);
  if (wanted.length === 0) return [];
  const boxes: PageBox[] = [];
  for (const item of items) {
    const text = item.text.toLowerCase();
    const at = text.indexOf(wanted);
    if (at < 0 || text.length === 0) continue;
    const share = item.box.width / text.length;
    boxes.push({ ...item.box, x: item.box.x + at * share, width: wanted.length * share });
  }
  return boxes;
}

/**
 * A word of the page with its own box: from the API (OCR or the PDF's words, with `range`, its
 * offsets in the document text) or cut from a pdf.js run (its share of the run's width).
 */
export interface PageWord {
  text: string;
  box: PageBox;
  range?: TextRange;
}

/** The runs cut into words: what clicks and drag boxes pick from. */
export function wordsOf(items: readonly PageTextItem[]): PageWord[] {
  const words: PageWord[] = [];
  for (const item of items) {
    if (item.text.length === 0) continue;
    const share = item.box.width / item.text.length;
    for (const match of item.text.matchAll(/\S+/g))
      words.push({
        text: match[0],
        box: { ...item.box, x: item.box.x + match.index * share, width: match[0].length * share },
      });
  }
  return words;
}

const inside = (box: PageBox, x: number, y: number) =>
  x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;

/** The word under a point of the page (fractions), if any. */
export function wordUnder(words: readonly PageWord[], x: number, y: number): PageWord | undefined {
  return words.find((w) => inside(w.box, x, y));
}

/**
 * The text inside a box drawn on the page: the words whose centre it holds, in reading order
 * (lines top to bottom, words left to right), one space between words, one between lines.
 */
export function textInBox(words: readonly PageWord[], drawn: PageBox): string {
  return wordsInBox(words, drawn)
    .map((w) => w.text)
    .join(' ');
}

/** The words whose centre a drawn box holds, in reading order. */
export function wordsInBox(words: readonly PageWord[], drawn: PageBox): PageWord[] {
  const picked = words.filter(
    (w) =>
      w.box.page === drawn.page &&
      inside(drawn, w.box.x + w.box.width / 2, w.box.y + w.box.height / 2),
  );
  // the API's words carry the text's own reading order; runs cut by pdf.js go by their lines
  if (picked.every((w) => w.range)) return picked.sort((a, b) => a.range!.start - b.range!.start);
  return inLines(picked);
}

const middle = (w: PageWord) => w.box.y + w.box.height / 2;

/**
 * Words in reading order by where they sit: a word whose middle falls within the height of the
 * line above goes on that line (words on one line differ in height: `1,540.00` hangs below
 * `GBP`), lines top to bottom, words left to right.
 */
function inLines(words: PageWord[]): PageWord[] {
  const lines: { bottom: number; words: PageWord[] }[] = [];
  for (const w of [...words].sort((a, b) => middle(a) - middle(b))) {
    const line = lines[lines.length - 1];
    if (line && middle(w) <= line.bottom) {
      line.words.push(w);
      line.bottom = Math.max(line.bottom, w.box.y + w.box.height);
    } else lines.push({ bottom: w.box.y + w.box.height, words: [w] });
  }
  return lines.flatMap((l) => l.words.sort((a, b) => a.box.x - b.box.x));
}

/** Picked words as a value for a field: their text, and their offsets when all words have them. */
export function pickOf(words: readonly PageWord[]): { text: string; range?: TextRange } | null {
  if (words.length === 0) return null;
  const text = words.map((w) => w.text).join(' ');
  const ranges = words.map((w) => w.range);
  if (ranges.some((r) => r === undefined)) return { text };
  const start = Math.min(...ranges.map((r) => r!.start));
  const end = Math.max(...ranges.map((r) => r!.end));
  return { text, range: { start, end } };
}

/** The box between two points of a drag (fractions of the page), whichever way it went. */
export function boxBetween(page: number, from: [number, number], to: [number, number]): PageBox {
  const [x1, y1] = from;
  const [x2, y2] = to;
  return {
    page,
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
}
