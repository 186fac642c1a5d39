import { documentWords, fieldWords, type TextView } from '@docflow/contracts';
import { joinPages, type DocumentResult, type StoredText } from '@docflow/documents';

/**
 * The text view with words (`include=words`): each page's words with their boxes and offsets in
 * the document text, its size where words were kept, and the words each extracted field (and
 * table cell) covers.
 */
export function textView(
  documentId: string,
  text: StoredText,
  result: DocumentResult | undefined,
): TextView {
  const words = documentWords(text.pages, text.words ?? []);
  const sizes = new Map((text.words ?? []).map((w) => [w.page, w.size]));
  return {
    documentId,
    totalChars: joinPages(text.pages).length,
    pages: text.pages.map(({ page, text: pageText }) => {
      const size = sizes.get(page);
      return { page, text: pageText, ...(size ? { size } : {}), words: words.get(page) ?? [] };
    }),
    fields: result ? fieldWords(result.extraction, words) : [],
  };
}
