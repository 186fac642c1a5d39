import { PdfError } from '@docflow/pdf';
import { prepareImage } from '../adapters/prepare-image';
import { isUsableText } from '../domain/usable-text';
import type { ExtractDeps, ExtractedPage, Extraction } from './extracted';
import { recognizePages } from './ocr-pages';

/**
 * Page by page: the text layer where it is usable, OCR of the page rendered at `renderDpi`
 * elsewhere, so a mixed PDF gets both methods. The page count is pdfinfo's, as in the scanner; a
 * PDF poppler cannot read within its budget fails with a PdfError.
 */
export async function extractPdf(
  bytes: Buffer,
  deps: ExtractDeps,
  signal?: AbortSignal,
): Promise<Extraction> {
  return deps.pdf.open(
    bytes,
    async (pdf) => {
      const started = performance.now();
      const info = await pdf.info();
      if (!info.ok) throw new PdfError(info.problem);
      const count = info.info.pages;
      const texts = await pdf.pageTexts();
      const layerMs = (performance.now() - started) / Math.max(1, count);
      const pages: ExtractedPage[] = [];
      const toOcr: number[] = [];
      for (let page = 1; page <= count; page++) {
        const text = texts[page - 1] ?? '';
        if (isUsableText(text, deps.minTextChars))
          pages.push({
            page,
            text: text.trim(),
            method: 'text_layer',
            confidence: 1,
            durationMs: layerMs,
          });
        else toOcr.push(page);
      }
      const results = await recognizePages(
        toOcr,
        async (page) =>
          prepareImage(await pdf.renderPage(page, deps.renderDpi), {
            upscaleBelowPx: deps.upscaleBelowPx,
          }),
        deps,
        signal,
      );
      toOcr.forEach((page, i) => pages.push({ page, method: 'ocr', ...results[i]! }));
      return { pages: pages.sort((a, b) => a.page - b.page) };
    },
    signal,
  );
}
