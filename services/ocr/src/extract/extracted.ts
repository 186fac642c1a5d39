import type { ArchiveLimits } from '@docflow/archive';
import type { PdfEngine } from '@docflow/pdf';
import type { Sheet } from '../adapters/spreadsheet-reader';
import type { OcrEngine } from '../adapters/ocr-engine';
import type { Language, OcrSteps } from '../steps/ocr-steps';

export type PageMethod = 'text_layer' | 'ocr' | 'spreadsheet' | 'plain' | 'xml';

export interface ExtractedPage {
  page: number;
  text: string;
  method: PageMethod;
  confidence: number;
  durationMs: number;
}

export interface Extraction {
  pages: ExtractedPage[];
  /** Structured rows of spreadsheets and CSV files. */
  sheets?: Sheet[];
  /** Encoding detected for plain text and CSV. */
  encoding?: string;
  /** The language of the text, when it says enough. */
  language?: Language;
  /** A structured e-invoice's XML (the upload, or the XML the PDF embeds), for the classifier. */
  einvoiceXml?: string;
}

export interface ExtractDeps {
  engine: OcrEngine;
  /** The CPU-heavy steps on the file's data (in the service: under the budget runner). */
  steps: OcrSteps;
  /** Reads PDFs (page count, text layer, rendering) under its budget. */
  pdf: Pick<PdfEngine, 'open'>;
  renderDpi: number;
  /** Most pixels one PDF page is rendered to: larger pages render below `renderDpi`. */
  maxPagePixels: number;
  /** Most pixels all OCR'd pages of one PDF are rendered to together. */
  maxDocumentPixels: number;
  /** Most pixels an image page may declare to be decoded. */
  maxImagePixels: number;
  /** What reading an XLSX or DOCX file may inflate. */
  archive: ArchiveLimits;
  minTextChars: number;
  upscaleBelowPx: number;
  /** Character height page images are scaled to before OCR; 0: no measuring, scaling or levelling. */
  textHeightPx: number;
  /** Pages rendered and held in memory at once for OCR (see `recognizePages`). */
  pagesAtOnce: number;
}
