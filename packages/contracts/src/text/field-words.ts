import type { ExtractedField } from '../events/document-parts';
import { unionBox, wordsInSpan } from './span-words';
import type { Word, WordBox } from './words';

/** An extracted field resolved to the words its span covers. */
export interface FieldWords {
  /** `total`, or a table cell as `lineItems[0].amount`. */
  field: string;
  page: number;
  box: WordBox;
  /** Indexes into that page's words. */
  words: number[];
}

/**
 * Each field (and table cell) of an extraction whose span covers words, with those words of the
 * span's page (by index into `pageWords[page]`) and their box. Fields without a span, or whose
 * span covers no word, are left out.
 */
export function fieldWords(
  extraction: {
    fields: Record<string, ExtractedField>;
    tables?: Record<string, Record<string, ExtractedField>[]>;
  },
  pageWords: ReadonlyMap<number, readonly Word[]>,
): FieldWords[] {
  const named: [string, ExtractedField][] = Object.entries(extraction.fields);
  for (const [table, rows] of Object.entries(extraction.tables ?? {}))
    rows.forEach((row, i) => {
      for (const [name, cell] of Object.entries(row)) named.push([`${table}[${i}].${name}`, cell]);
    });
  const found: FieldWords[] = [];
  for (const [field, value] of named) {
    const span = value.span;
    if (!span || span.end <= span.start) continue;
    const page = span.page ?? pageOf(pageWords, span.start);
    const words = page === undefined ? [] : (pageWords.get(page) ?? []);
    const covered = wordsInSpan(words, { start: span.start, end: span.end });
    const box = unionBox(covered);
    if (!box || page === undefined) continue;
    found.push({ field, page, box, words: covered.map((w) => words.indexOf(w)) });
  }
  return found;
}

/** The page whose words reach past `offset` first (for spans that name no page). */
function pageOf(pageWords: ReadonlyMap<number, readonly Word[]>, offset: number) {
  for (const [page, words] of [...pageWords].sort((a, b) => a[0] - b[0]))
    if (words.length > 0 && words[words.length - 1]!.end > offset) return page;
  return undefined;
}
