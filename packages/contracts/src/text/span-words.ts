import type { Word, WordBox } from './words';

/** A span of the document text, as extracted fields carry it. */
export interface TextSpanLike {
  start: number;
  end: number;
  page?: number | undefined;
}

/** The words a span of the document text touches (both in document offsets), in reading order. */
export function wordsInSpan(words: readonly Word[], span: TextSpanLike): Word[] {
  return words.filter(
    (w) =>
      w.start < span.end && w.end > span.start && (span.page === undefined || w.page === span.page),
  );
}

/** The smallest box holding all `words` (of one page), or undefined for none. */
export function unionBox(words: readonly Word[]): WordBox | undefined {
  if (words.length === 0) return undefined;
  return words.reduce<WordBox>(
    (box, w) => ({
      x0: Math.min(box.x0, w.box.x0),
      y0: Math.min(box.y0, w.box.y0),
      x1: Math.max(box.x1, w.box.x1),
      y1: Math.max(box.y1, w.box.y1),
    }),
    { ...words[0]!.box },
  );
}

/** Where each page starts in the document text (pages joined by one form feed each). */
export function pageOffsets(pageTexts: readonly string[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const text of pageTexts) {
    offsets.push(at);
    at += text.length + 1;
  }
  return offsets;
}
