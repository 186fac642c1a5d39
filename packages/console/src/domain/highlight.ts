/**
 * Where an extracted field sits on the document, and the words a reviewer can click.
 *
 * The API gives each field a `span`: character offsets into the document's text (its pages
 * joined with form feeds, as `GET /v1/documents/{id}/text` returns them), which the text view
 * marks. Page boxes come from the text view's words (`page-words.ts`); boxes on a field itself,
 * should the result ever carry them, are read into `boxes` here and drawn first.
 */

/** A rectangle on a page, as fractions (0–1) of the page's width and height, origin top left. */
export interface PageBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextRange {
  start: number;
  end: number;
}

export interface FieldLocation {
  /** Offsets into the joined text; null when the field has no span. */
  range: TextRange | null;
  /** The page the field is on, when known (1-based). */
  page: number | null;
  /** Boxes on the field itself (the result carries none today: see `page-words.ts`). */
  boxes: PageBox[];
}

interface LocatableField {
  span?: { start: number; end: number; page?: number };
  boxes?: PageBox[];
}

export function locateField(field: LocatableField | undefined): FieldLocation {
  const span = field?.span;
  const range = span && span.end > span.start ? { start: span.start, end: span.end } : null;
  const boxes = Array.isArray(field?.boxes) ? field.boxes : [];
  return { range, page: span?.page ?? boxes[0]?.page ?? null, boxes };
}

/** A word of the text with its offsets in the joined text. */
export interface Word extends TextRange {
  text: string;
}

export interface TextPage {
  page: number;
  /** Offset of the page's first character in the joined text. */
  offset: number;
  text: string;
  words: Word[];
}

/** The pages as the API's spans count them: joined with one form feed between pages. */
export function layoutPages(pages: readonly { page: number; text: string }[]): TextPage[] {
  let offset = 0;
  return pages.map((p) => {
    const words: Word[] = [];
    for (const match of p.text.matchAll(/\S+/g))
      words.push({
        text: match[0],
        start: offset + match.index,
        end: offset + match.index + match[0].length,
      });
    const laid = { page: p.page, offset, text: p.text, words };
    offset += p.text.length + 1;
    return laid;
  });
}

export function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The text a reviewer picked (a word, or a selection across words), whitespace collapsed. */
export function pickedText(pages: readonly TextPage[], range: TextRange): string {
  const joined = pages.map((p) => p.text).join('\f');
  return joined.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
}
