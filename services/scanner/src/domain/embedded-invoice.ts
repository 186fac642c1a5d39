import type { EInvoiceInfo } from '@docflow/contracts';
import { DEFAULT_XML_LIMITS, einvoiceAttachment } from '@docflow/einvoice';
import type { PdfEngine } from '@docflow/pdf';
import type { XmlProbe } from './inspect-xml';

/**
 * The e-invoice a PDF carries (Factur-X `factur-x.xml`, ZUGFeRD `zugferd-invoice.xml` or
 * `ZUGFeRD-invoice.xml`, `xrechnung.xml`), read with the hardened parser; undefined when it
 * carries none a reader recognises. Attachments poppler cannot read leave the PDF a plain PDF.
 */
export async function embeddedInvoice(
  bytes: Buffer,
  pdf: Pick<PdfEngine, 'open'>,
  probe: XmlProbe,
): Promise<EInvoiceInfo | undefined> {
  return pdf.open(bytes, async (file) => {
    const chosen = einvoiceAttachment(await file.attachments());
    if (!chosen) return undefined;
    const xml = await file.attachment(chosen.number);
    const verdict = await probe(xml, DEFAULT_XML_LIMITS.maxBytes);
    if (!verdict.ok || !verdict.einvoice) return undefined;
    return { container: 'pdf', attachment: chosen.name, ...verdict.einvoice } as EInvoiceInfo;
  });
}
