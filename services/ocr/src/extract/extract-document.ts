import type { DetectedType, EInvoiceInfo } from '@docflow/contracts';
import { decodeXml } from '@docflow/einvoice';
import { extractImage } from './extract-image';
import { extractPdf } from './extract-pdf';
import type { ExtractDeps, Extraction } from './extracted';

/**
 * The extraction for each type the scanner lets through. DOCX, XLSX, CSV and plain text are parsed
 * whole by `deps.steps` (under the budget in the service); PDFs and images go to poppler and
 * Tesseract, their text handled by `deps.steps` too. A structured e-invoice (`einvoice`, from the
 * scan) never goes to Tesseract: an XML upload is its text, a PDF gives its text layer and the
 * XML it embeds.
 */
export function extractDocument(
  type: DetectedType,
  bytes: Buffer,
  deps: ExtractDeps,
  signal?: AbortSignal,
  einvoice?: EInvoiceInfo,
): Promise<Extraction> {
  switch (type) {
    case 'pdf':
      return extractPdf(bytes, deps, signal, einvoice);
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
    case 'xml':
      return einvoiceXml(deps.steps.parseFile(type, bytes, deps.archive, signal), bytes, einvoice);
  }
}

/** An XML upload that is an e-invoice keeps its XML for the classifier. */
async function einvoiceXml(
  parsed: Promise<Extraction>,
  bytes: Buffer,
  einvoice: EInvoiceInfo | undefined,
): Promise<Extraction> {
  const extraction = await parsed;
  return einvoice ? { ...extraction, einvoiceXml: decodeXml(bytes) } : extraction;
}
