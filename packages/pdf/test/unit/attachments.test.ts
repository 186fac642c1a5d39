import { createPdfEngine, DEFAULT_PDF_BUDGET, PdfError } from '../../src';
import { GERMAN_INVOICE, ciiInvoiceXml, facturxPdf, makePdf } from '@docflow/fixtures';

const engine = createPdfEngine(DEFAULT_PDF_BUDGET);

describe('embedded files (pdfdetach under the budget)', () => {
  it('when a PDF embeds a file, then it is listed by name and read back byte for byte', async () => {
    const xml = ciiInvoiceXml(GERMAN_INVOICE);
    const bytes = await facturxPdf(GERMAN_INVOICE, xml);
    const { names, content } = await engine.open(bytes, async (pdf) => ({
      names: await pdf.attachments(),
      content: await pdf.attachment(1),
    }));
    expect(names).toEqual(['factur-x.xml']);
    expect(content.toString('utf8')).toBe(xml);
  });

  it('when a PDF embeds nothing, then the list is empty', async () => {
    const bytes = await makePdf([{ text: 'Invoice 1' }]);
    await expect(engine.open(bytes, (pdf) => pdf.attachments())).resolves.toEqual([]);
  });

  it('when an embedded file is larger than the output budget, then PDF_BUDGET_EXCEEDED', async () => {
    const small = createPdfEngine({ ...DEFAULT_PDF_BUDGET, maxOutputBytes: 100 });
    const bytes = await facturxPdf(GERMAN_INVOICE, ciiInvoiceXml(GERMAN_INVOICE));
    const read = small.open(bytes, (pdf) => pdf.attachment(1));
    await expect(read).rejects.toBeInstanceOf(PdfError);
    await expect(read).rejects.toMatchObject({ code: 'PDF_BUDGET_EXCEEDED' });
  });
});
