import type { PageBox, TextRange } from './highlight';
import type { PageWord } from './page-text';

/** A box as the API gives it: corners as fractions (0–1) of the page, origin top left. */
interface CornerBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The parts of `GET /v1/documents/{id}/text?include=words` the page viewer reads. */
export interface WordsAnswer {
  pages: readonly {
    page: number;
    words?: readonly { page: number; text: string; box: CornerBox; start: number; end: number }[];
  }[];
  fields?: readonly { field: string; page: number; box: CornerBox }[];
}

/** Each page's words with boxes, and each field's box, keyed as the console keys fields. */
export interface DocumentWords {
  /** Pages without words (read before words were kept, or without positions) are absent. */
  pages: Map<number, PageWord[]>;
  /** `total`, or a table cell as `lineItems/0/amount`. */
  fields: Map<string, PageBox>;
}

export const NO_WORDS: DocumentWords = { pages: new Map(), fields: new Map() };

const pageBox = (page: number, b: CornerBox): PageBox => ({
  page,
  x: b.x0,
  y: b.y0,
  width: Math.max(0, b.x1 - b.x0),
  height: Math.max(0, b.y1 - b.y0),
});

/** `lineItems[0].amount` (the API's name for a table cell) as `lineItems/0/amount`; `total` as is. */
export function fieldKeyOf(name: string): string {
  const cell = /^([^[\]]+)\[(\d+)\]\.(.+)$/.exec(name);
  return cell ? `${cell[1]}/${cell[2]}/${cell[3]}` : name;
}

/** Reads the API's words and field boxes into what the page viewer draws and picks from. */
export function documentWords(answer: WordsAnswer): DocumentWords {
  const pages = new Map<number, PageWord[]>();
  for (const p of answer.pages) {
    if (!p.words || p.words.length === 0) continue;
    pages.set(
      p.page,
      p.words.map((w) => ({
        text: w.text,
        box: pageBox(p.page, w.box),
        range: { start: w.start, end: w.end },
      })),
    );
  }
  const fields = new Map<string, PageBox>();
  for (const f of answer.fields ?? []) fields.set(fieldKeyOf(f.field), pageBox(f.page, f.box));
  return { pages, fields };
}

/** One box per page around the words a span of the document text touches. */
export function boxesForSpan(words: DocumentWords, span: TextRange): PageBox[] {
  const boxes: PageBox[] = [];
  for (const [page, list] of words.pages) {
    const hit = list.filter((w) => w.range && w.range.start < span.end && w.range.end > span.start);
    if (hit.length === 0) continue;
    const x0 = Math.min(...hit.map((w) => w.box.x));
    const y0 = Math.min(...hit.map((w) => w.box.y));
    const x1 = Math.max(...hit.map((w) => w.box.x + w.box.width));
    const y1 = Math.max(...hit.map((w) => w.box.y + w.box.height));
    boxes.push({ page, x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return boxes;
}

/**
 * Where to draw a field on the pages: the API's box for a value as extracted; for one the reviewer
 * picked (or a field the API has no box for), the words its span covers. Empty when neither is
 * known: the text highlight (and, on a PDF's text layer, a search for its text) stand in.
 */
export function fieldBoxes(
  words: DocumentWords,
  key: string,
  field: { changed: boolean; span?: TextRange },
): PageBox[] {
  const extracted = words.fields.get(key);
  if (!field.changed && extracted) return [extracted];
  return field.span ? boxesForSpan(words, field.span) : [];
}
