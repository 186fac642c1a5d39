import type { ArchiveLimits } from '@docflow/archive';
import type { GreyPage } from '../domain/grey-page';
import type { PageGeometry } from '../domain/measure-page';
import type { Extraction } from '../extract/extracted';

/** The files OCR reads without rendering or Tesseract: parsed whole, in one step. */
export type ParsedType = 'docx' | 'xlsx' | 'csv' | 'text' | 'xml';

/** The language guessed from a document's text. */
export type Language = 'en' | 'es';

/** One page of Tesseract output as text, with its mean word confidence (0..1). */
export interface TsvPage {
  text: string;
  confidence: number;
}

/**
 * The CPU-heavy steps OCR runs on a tenant's data in JavaScript. In the service they run in the
 * budget runner's worker threads (src/adapters/budgeted-steps.ts), each under OCR_BUDGET_MS and
 * OCR_BUDGET_MEMORY_MB; in-process (in-process-steps.ts) they are the same functions, called
 * directly. Aborting `signal` stops a step.
 */
export interface OcrSteps {
  /** A DOCX, XLSX, CSV, plain-text or XML file read to pages (and rows), its language guessed. */
  parseFile(
    type: ParsedType,
    bytes: Buffer,
    limits: ArchiveLimits,
    signal?: AbortSignal,
  ): Promise<Extraction>;
  /**
   * pdftotext's pages 1..`count`: each page's trimmed text where its text layer is usable, null
   * where the page needs OCR.
   */
  textLayer(
    texts: readonly string[],
    count: number,
    minTextChars: number,
    signal?: AbortSignal,
  ): Promise<(string | null)[]>;
  /** Tesseract's TSV output covering `pages` pages, as page texts. */
  tesseractTsv(tsv: string, pages: number, signal?: AbortSignal): Promise<TsvPage[]>;
  /**
   * A page image's character height and skew, from a grey copy of at most a few megapixels
   * (`text`) and one of a few hundred pixels a side (`skew`), for preparing it for Tesseract.
   */
  pageGeometry(
    samples: { text: GreyPage; skew: GreyPage },
    signal?: AbortSignal,
  ): Promise<PageGeometry>;
  /** The language of a document's page texts, or undefined when they say too little. */
  language(texts: readonly string[], signal?: AbortSignal): Promise<Language | undefined>;
}
