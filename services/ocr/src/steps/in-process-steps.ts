import type { ArchiveLimits } from '@docflow/archive';
import { parseTesseractTsv } from '../adapters/tesseract-tsv';
import { guessLanguage } from '../domain/guess-language';
import { measurePage } from '../domain/measure-page';
import { isUsableText } from '../domain/usable-text';
import { extractDocx } from '../extract/extract-docx';
import { extractPlain, extractSpreadsheet } from '../extract/extract-tabular';
import { extractXml } from '../extract/extract-xml';
import type { Extraction } from '../extract/extracted';
import type { Language, OcrSteps, ParsedType } from './ocr-steps';

/** The file read to pages, with the language of its text. */
export async function parseFile(
  type: ParsedType,
  bytes: Buffer,
  limits: ArchiveLimits,
): Promise<Extraction> {
  const extraction =
    type === 'docx'
      ? await extractDocx(bytes, limits)
      : type === 'text'
        ? extractPlain(bytes)
        : type === 'xml'
          ? extractXml(bytes)
          : await extractSpreadsheet(bytes, type, limits);
  const language = guessLanguage(extraction.pages.map((p) => p.text).join('\n'));
  return language ? { ...extraction, language } : extraction;
}

/** Each page's trimmed text layer where usable, null where the page needs OCR. */
export function textLayer(
  texts: readonly string[],
  count: number,
  minTextChars: number,
): (string | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const text = texts[i] ?? '';
    return isUsableText(text, minTextChars) ? text.trim() : null;
  });
}

export const languageOf = (texts: readonly string[]): Language | undefined =>
  guessLanguage(texts.join('\n'));

/** The steps called directly on the event loop: for tests and tools, not the service. */
export const inProcessSteps: OcrSteps = {
  parseFile: (type, bytes, limits) => parseFile(type, bytes, limits),
  textLayer: async (texts, count, minTextChars) => textLayer(texts, count, minTextChars),
  tesseractTsv: async (tsv, pages) => parseTesseractTsv(tsv, pages),
  pageGeometry: async (samples) => measurePage(samples),
  language: async (texts) => languageOf(texts),
};
