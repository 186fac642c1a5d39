import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import {
  COLOMBIAN_INVOICE,
  GERMAN_INVOICE,
  ciiInvoiceXml,
  dianAttachedDocumentXml,
  facturxPdf,
  makePdf,
  ublInvoiceXml,
} from '@docflow/fixtures';
import { detectType } from '../../../src/domain/detect-type';
import type { Limits } from '../../../src/domain/rejection';
import { validateFile } from '../../../src/domain/scan-file';

const pdf = createPdfEngine(DEFAULT_PDF_BUDGET);
const limits: Limits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 50,
  maxImagePixels: 40_000_000,
  maxSpreadsheetRows: 1_000,
  archive: DEFAULT_ARCHIVE_LIMITS,
  maxXmlBytes: 1024 * 1024,
};

const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
  ']><lolz>&lol9;</lolz>',
].join('\n');
const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';

describe('e-invoice intake', () => {
  it('when a UBL invoice is uploaded, then it is accepted as xml and named an e-invoice', async () => {
    const result = await validateFile(Buffer.from(ublInvoiceXml(GERMAN_INVOICE)), limits, pdf);
    expect(result).toMatchObject({
      ok: true,
      file: {
        type: 'xml',
        mime: 'application/xml',
        pages: 1,
        einvoice: {
          container: 'xml',
          syntax: 'ubl',
          profile: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
          version: '2.1',
          typeCode: '380',
        },
      },
    });
  });

  it('when a DIAN AttachedDocument is uploaded, then the invoice inside names the profile', async () => {
    const xml = dianAttachedDocumentXml(ublInvoiceXml(COLOMBIAN_INVOICE, 'dian'), 'SETP990000101');
    const result = await validateFile(Buffer.from(xml), limits, pdf);
    expect(result).toMatchObject({
      ok: true,
      file: { einvoice: { syntax: 'ubl', profile: 'DIAN 2.1: Factura Electrónica de Venta' } },
    });
  });

  it('when other well-formed XML is uploaded, then it is accepted as xml without e-invoice', async () => {
    const result = await validateFile(
      Buffer.from('<?xml version="1.0"?><notes><n>hi</n></notes>'),
      limits,
      pdf,
    );
    expect(result).toEqual({ ok: true, file: expect.objectContaining({ type: 'xml', pages: 1 }) });
    expect(result.ok && result.file.einvoice).toBeUndefined();
  });

  it.each([
    ['an external entity (XXE)', XXE, 'unsupported_type', 'XML_DTD_REFUSED'],
    ['a billion-laughs bomb', BILLION_LAUGHS, 'unsupported_type', 'XML_DTD_REFUSED'],
    ['malformed XML', '<?xml version="1.0"?><a><b></a>', 'corrupt', 'XML_MALFORMED'],
    ['XML nested too deep', '<a>'.repeat(500) + '</a>'.repeat(500), 'too_large', 'XML_TOO_COMPLEX'],
  ])(
    'when %s is uploaded, then it is refused before any expansion',
    async (_, xml, reason, problem) => {
      const result = await validateFile(Buffer.from(xml), limits, pdf);
      expect(result).toMatchObject({ ok: false, rejection: { reason, details: { problem } } });
    },
  );

  it('when an XML upload is over its cap, then it is refused as too large', async () => {
    const big = Buffer.from(`<a>${'x'.repeat(2000)}</a>`);
    const result = await validateFile(big, { ...limits, maxXmlBytes: 1000 }, pdf);
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'too_large' } });
  });

  it('when SVG or XHTML hides behind an XML declaration, then it is still refused as markup', () => {
    expect(
      detectType(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toMatchObject({
      allowed: false,
      detected: 'markup',
    });
  });

  it('when a PDF embeds factur-x.xml, then the scan names the e-invoice and its attachment', async () => {
    const bytes = await facturxPdf(GERMAN_INVOICE, ciiInvoiceXml(GERMAN_INVOICE));
    const result = await validateFile(bytes, limits, pdf);
    expect(result).toMatchObject({
      ok: true,
      file: {
        type: 'pdf',
        pages: 1,
        einvoice: {
          container: 'pdf',
          attachment: 'factur-x.xml',
          syntax: 'cii',
          profile: 'urn:cen.eu:en16931:2017',
        },
      },
    });
  });

  it('when a PDF embeds nothing, then it is a plain PDF', async () => {
    const result = await validateFile(await makePdf([{ text: 'Invoice 1' }]), limits, pdf);
    expect(result.ok && result.file.einvoice).toBeUndefined();
  });
});
