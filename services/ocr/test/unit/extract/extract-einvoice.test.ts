import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import { GERMAN_INVOICE, ciiInvoiceXml, facturxPdf, ublInvoiceXml } from '@docflow/fixtures';
import { extractDocument } from '../../../src/extract/extract-document';
import type { ExtractDeps } from '../../../src/extract/extracted';
import { inProcessSteps } from '../../../src/steps/in-process-steps';

/** Extraction deps whose OCR engine fails the test if it is ever asked to read a page. */
const deps = {
  engine: {
    name: 'none',
    recognize: () => {
      throw new Error('Tesseract must not run for an e-invoice');
    },
  },
  steps: inProcessSteps,
  pdf: createPdfEngine(DEFAULT_PDF_BUDGET),
  renderDpi: 300,
  maxPagePixels: 40_000_000,
  maxDocumentPixels: 5_000_000_000,
  maxImagePixels: 100_000_000,
  archive: DEFAULT_ARCHIVE_LIMITS,
  minTextChars: 10_000,
  upscaleBelowPx: 0,
  textHeightPx: 0,
  pagesAtOnce: 1,
} as unknown as ExtractDeps;

describe('extracting structured e-invoices', () => {
  it('when a Factur-X PDF is extracted, then its text layer is kept, its XML read out, and no page is OCR’d', async () => {
    const xml = ciiInvoiceXml(GERMAN_INVOICE);
    const bytes = await facturxPdf(GERMAN_INVOICE, xml);
    // minTextChars is set above the page's length: a plain PDF would go to OCR
    const result = await extractDocument('pdf', bytes, deps, undefined, {
      container: 'pdf',
      attachment: 'factur-x.xml',
      syntax: 'cii',
    });
    expect(result.pages).toEqual([
      expect.objectContaining({
        page: 1,
        method: 'text_layer',
        text: expect.stringContaining('Gesamtbetrag: 222,65 EUR'),
      }),
    ]);
    expect(result.einvoiceXml).toBe(xml);
  });

  it('when an XML e-invoice is extracted, then its element texts are one page and the XML is kept', async () => {
    const xml = ublInvoiceXml(GERMAN_INVOICE);
    const result = await extractDocument('xml', Buffer.from(xml), deps, undefined, {
      container: 'xml',
      syntax: 'ubl',
    });
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toMatchObject({ method: 'xml', confidence: 1 });
    expect(result.pages[0]!.text).toContain('ID: RE-2024-0815');
    expect(result.pages[0]!.text).toContain('RegistrationName: Muster Bürobedarf GmbH');
    expect(result.einvoiceXml).toBe(xml);
  });

  it('when other XML is extracted, then it is text only, with no XML kept', async () => {
    const result = await extractDocument('xml', Buffer.from('<notes><n>hello</n></notes>'), deps);
    expect(result.pages[0]!.text).toBe('n: hello');
    expect(result.einvoiceXml).toBeUndefined();
  });
});
