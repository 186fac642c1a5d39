import { archiveLimitsFromConfig } from '@docflow/archive';
import type { PdfEngine } from '@docflow/pdf';
import type { OcrEngine } from '../adapters/ocr-engine';
import type { OcrConfig } from '../config';
import type { OcrSteps } from '../steps/ocr-steps';
import type { ExtractDeps } from './extracted';

/** What extraction runs with, from the stage's configuration (the service and offline tools alike). */
export function extractDepsFromConfig(
  config: OcrConfig,
  engines: { engine: OcrEngine; pdf: Pick<PdfEngine, 'open'>; steps: OcrSteps },
): ExtractDeps {
  return {
    ...engines,
    renderDpi: config.OCR_RENDER_DPI,
    maxPagePixels: config.OCR_MAX_PAGE_PIXELS,
    maxDocumentPixels: config.OCR_MAX_DOCUMENT_PIXELS,
    maxImagePixels: config.OCR_MAX_IMAGE_PIXELS,
    archive: archiveLimitsFromConfig(config),
    minTextChars: config.OCR_MIN_TEXT_CHARS,
    upscaleBelowPx: config.OCR_UPSCALE_BELOW_PX,
    textHeightPx: config.OCR_TEXT_HEIGHT_PX,
    // enough to keep every worker busy while the next pages render
    pagesAtOnce: config.OCR_WORKERS * 2,
  };
}
