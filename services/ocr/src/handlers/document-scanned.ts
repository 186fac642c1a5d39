import type { EInvoiceInfo } from '@docflow/contracts';
import type { BlobStore, TextStore } from '@docflow/documents';
import { next, type EventHandler } from '@docflow/platform';
import type { TableStore } from '../adapters/table-store';
import type { ExtractedPage, Extraction } from '../extract/extracted';

export interface DocumentScannedDeps {
  blobs: Pick<BlobStore, 'read'>;
  texts: Pick<TextStore, 'save'>;
  tables: TableStore;
  extract: (
    type: Parameters<EventHandler<'document.scanned'>>[0]['payload']['detectedType'],
    bytes: Buffer,
    signal: AbortSignal,
    einvoice?: EInvoiceInfo,
  ) => Promise<Extraction>;
  maxBytes: number;
  onPage?: (page: ExtractedPage) => void;
}

/**
 * document.scanned → document.text_extracted. A structured e-invoice skips Tesseract (its text
 * layer or XML is the text) and its XML is stored with the text for the classifier. `deps.extract` reads the file under the stage's
 * budgets: a file past one fails for good (BUDGET_EXCEEDED, processing.budget_exceeded). The text goes to the text store (a record, or GridFS
 * when large) and the message carries only its reference and per-page facts.
 */
export function createDocumentScannedHandler(
  deps: DocumentScannedDeps,
): EventHandler<'document.scanned'> {
  return async (event, ctx) => {
    const { blob, detectedType, sizeBytes, einvoice } = event.payload;
    const documentId = event.documentId ?? event.eventId;
    const bytes = await deps.blobs.read(blob, deps.maxBytes, sizeBytes);
    const extraction = await deps.extract(detectedType, bytes, ctx.signal, einvoice);
    const structured = einvoice && extraction.einvoiceXml !== undefined ? einvoice : undefined;
    const pages = extraction.pages;
    const text = await deps.texts.save({
      tenantId: event.tenantId,
      documentId,
      pages: pages.map(({ page, text }) => ({ page, text })),
      ...(structured ? { einvoiceXml: extraction.einvoiceXml } : {}),
    });
    if (extraction.sheets)
      await deps.tables.save({ tenantId: event.tenantId, documentId, sheets: extraction.sheets });
    for (const page of pages) deps.onPage?.(page);
    const { language } = extraction;
    ctx.logger.info(
      {
        pages: pages.length,
        methods: [...new Set(pages.map((p) => p.method))],
        encoding: extraction.encoding,
      },
      'text extracted',
    );
    return next('document.text_extracted', {
      detectedType,
      text,
      totalChars: pages.reduce((sum, p) => sum + p.text.length, 0),
      ...(language ? { language } : {}),
      ...(structured ? { einvoice: structured } : {}),
      pages: pages.map(({ page, method, confidence, durationMs, text: pageText }) => ({
        page,
        method,
        confidence: Math.min(1, Math.max(0, confidence)),
        chars: pageText.length,
        durationMs,
      })),
    });
  };
}
