import type { DetectedType } from '@docflow/contracts';
import { extractDocx } from './extract-docx';
import { extractImage } from './extract-image';
import { extractPdf } from './extract-pdf';
import { extractPlain, extractSpreadsheet } from './extract-tabular';
import type { ExtractDeps, Extraction } from './extracted';

/** The extraction for each type the scanner lets through. */
export function extractDocument(
  type: DetectedType,
  bytes: Buffer,
  deps: ExtractDeps,
  signal?: AbortSignal,
): Promise<Extraction> {
  switch (type) {
    case 'pdf':
      return extractPdf(bytes, deps, signal);
    case 'png':
    case 'jpeg':
    case 'tiff':
    case 'webp':
      return extractImage(bytes, deps, signal);
    case 'xlsx':
    case 'csv':
      return extractSpreadsheet(bytes, type, deps.archive);
    case 'docx':
      return extractDocx(bytes, deps.archive);
    case 'text':
      return Promise.resolve(extractPlain(bytes));
  }
}
