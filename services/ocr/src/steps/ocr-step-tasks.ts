// The OCR steps as budget runner tasks (src/adapters/budgeted-steps.ts sends them): each runs in
// a worker thread of the runner, under OCR_BUDGET_MS and OCR_BUDGET_MEMORY_MB.
import type { ArchiveLimits } from '@docflow/archive';
import { parseTesseractTsv } from '../adapters/tesseract-tsv';
import type { GreyPage } from '../domain/grey-page';
import { measurePage, type PageGeometry } from '../domain/measure-page';
import type { Extraction } from '../extract/extracted';
import type { PageLayout } from '../domain/page-layout';
import { languageOf, pageLayouts, parseFile, textLayer } from './in-process-steps';
import type { Language, ParsedType, TextLayerPage, TsvPage } from './ocr-steps';

export interface ParseFileInput {
  type: ParsedType;
  /** A Buffer arrives in a worker as a plain Uint8Array (a structured clone). */
  bytes: Uint8Array;
  limits: ArchiveLimits;
}

export function parseFileTask(input: ParseFileInput): Promise<Extraction> {
  const { bytes } = input;
  return parseFile(
    input.type,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    input.limits,
  );
}

export function textLayerTask(input: {
  texts: string[];
  count: number;
  minTextChars: number;
}): (string | null)[] {
  return textLayer(input.texts, input.count, input.minTextChars);
}

export function textLayerWordsTask(input: { xhtml: string; pages: TextLayerPage[] }): PageLayout[] {
  return pageLayouts(input.xhtml, input.pages);
}

export function tesseractTsvTask(input: { tsv: string; pages: number }): TsvPage[] {
  return parseTesseractTsv(input.tsv, input.pages);
}

export function languageTask(input: { texts: string[] }): Language | undefined {
  return languageOf(input.texts);
}

export function pageGeometryTask(input: { text: GreyPage; skew: GreyPage }): PageGeometry {
  return measurePage(input);
}
