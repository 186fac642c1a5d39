import type { DetectedType } from '@docflow/contracts';
import { extractImage } from './extract-image';
import { extractPdf } from './extract-pdf';
import type { ExtractDeps, Extraction } from './extracted';

/**
 * The extraction for each type the scanner lets through. DOCX, XLSX, CSV and plain text are parsed
 * whole by `deps.steps` (under the budget in the service); PDFs and images go to poppler and
 * Tesseract, their text handled by `deps.steps` too.
 */
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
    case 'docx':
    case 'text':
      return deps.steps.parseFile(type, bytes, deps.archive, signal);
  }
}
