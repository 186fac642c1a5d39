import type { EInvoiceInfo } from '@docflow/contracts';
import { decodeXml } from '@docflow/einvoice';
import { PdfError, renderDpiFor, renderedPixels, type PageSize, type PdfFile } from '@docflow/pdf';
import { prepareImage } from '../adapters/prepare-image';
import { budgetExceeded } from '../domain/archive-failure';
import type { ExtractDeps, ExtractedPage, Extraction } from './extracted';
import { preparation, recognizePages, withLanguage } from './ocr-pages';

/**
 * Page by page: the text layer where it is usable, OCR of the page rendered at `renderDpi`
 * elsewhere, so a mixed PDF gets both methods. A page too large for `maxPagePixels` at that
 * resolution renders at the resolution that fits (pdfinfo's page sizes); pages to OCR that would
 * render to more than `maxDocumentPixels` together fail the document with BUDGET_EXCEEDED before
 * any is rendered. The page count is pdfinfo's, as in the scanner; a PDF poppler cannot read
 * within its budget fails with a PdfError. A PDF carrying an e-invoice (`einvoice`, from the scan)
 * is not OCR'd: its text layer is kept as it is, for search and review, and its XML is read out.
 */
export async function extractPdf(
  bytes: Buffer,
  deps: ExtractDeps,
  signal?: AbortSignal,
  einvoice?: EInvoiceInfo,
): Promise<Extraction> {
  return deps.pdf.open(
    bytes,
    async (pdf) => {
      const started = performance.now();
      const info = await pdf.info({ allPageSizes: true });
      if (!info.ok) throw new PdfError(info.problem);
      const count = info.info.pages;
      const raw = await pdf.pageTexts();
      const layer = await deps.steps.textLayer(raw, count, deps.minTextChars, signal);
      const layerMs = (performance.now() - started) / Math.max(1, count);
      const pages: ExtractedPage[] = [];
      const toOcr: number[] = [];
      layer.forEach((text, i) => {
        if (text === null && einvoice)
          pages.push({
            page: i + 1,
            text: (raw[i] ?? '').trim(),
            method: 'text_layer',
            confidence: 1,
            durationMs: layerMs,
          });
        else if (text === null) toOcr.push(i + 1);
        else
          pages.push({
            page: i + 1,
            text,
            method: 'text_layer',
            confidence: 1,
            durationMs: layerMs,
          });
      });
      const dpis = renderDpis(toOcr, info.info.pageSizes, deps);
      const results = await recognizePages(
        toOcr,
        async (page) =>
          prepareImage(await pdf.renderPage(page, dpis.get(page)!), {
            ...preparation(deps, signal),
            // rendered under the page cap already; this guards the decoder
            maxPixels: Math.max(deps.maxPagePixels, deps.maxImagePixels),
          }),
        deps,
        signal,
      );
      toOcr.forEach((page, i) => pages.push({ page, method: 'ocr', ...results[i]! }));
      const xml = einvoice ? await embeddedXml(pdf, einvoice) : undefined;
      return withLanguage(
        { pages: pages.sort((a, b) => a.page - b.page), ...(xml ? { einvoiceXml: xml } : {}) },
        deps,
        signal,
      );
    },
    signal,
  );
}

/**
 * The resolution of each page to OCR under the page cap, checked against the document cap. A page
 * pdfinfo gave no size for is taken to be as large as the largest it did.
 */
function renderDpis(
  pages: readonly number[],
  sizes: readonly PageSize[],
  deps: Pick<ExtractDeps, 'renderDpi' | 'maxPagePixels' | 'maxDocumentPixels'>,
): Map<number, number> {
  if (pages.length > 0 && !sizes.some((s) => s.width > 0 && s.height > 0))
    throw new PdfError({
      kind: 'corrupt',
      message: 'pdfinfo gives no page size',
      detail: 'no page size',
    });
  const largest = sizes.reduce<PageSize>(
    (a, b) => (b.width * b.height > a.width * a.height ? b : a),
    { width: 0, height: 0 },
  );
  const dpis = new Map<number, number>();
  let total = 0;
  for (const page of pages) {
    const size = sizes[page - 1] ?? largest;
    const dpi = renderDpiFor(size, deps.renderDpi, deps.maxPagePixels);
    dpis.set(page, dpi);
    total += renderedPixels(size, dpi);
  }
  if (total > deps.maxDocumentPixels)
    throw budgetExceeded(
      `ocr: the ${pages.length} pages to OCR would render to ${total} pixels; at most ${deps.maxDocumentPixels} are rendered per document (OCR_MAX_DOCUMENT_PIXELS)`,
      { limit: 'OCR_MAX_DOCUMENT_PIXELS', budget: deps.maxDocumentPixels },
    );
  return dpis;
}

/** The e-invoice XML the scan found in the PDF, by its attachment's name. */
async function embeddedXml(pdf: PdfFile, einvoice: EInvoiceInfo): Promise<string | undefined> {
  const number = (await pdf.attachments()).indexOf(einvoice.attachment ?? '') + 1;
  return number > 0 ? decodeXml(await pdf.attachment(number)) : undefined;
}
