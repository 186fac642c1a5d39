import type { EInvoiceInfo } from '@docflow/contracts';
import { DEFAULT_XML_LIMITS } from '@docflow/einvoice';
import type { XmlVerdict } from './probe-xml-task';
import { accepted, refused, type Inspection, type Limits } from './rejection';

/** The hardened XML parse (in the service: under the scanner's budget runner). */
export type XmlProbe = (xml: Uint8Array, maxBytes: number) => Promise<XmlVerdict>;

/**
 * An XML upload: well-formed, within the size and nesting caps, no DTD or entity declarations
 * (refused before anything is expanded or fetched). An e-invoice a reader recognises is named on
 * the scan (syntax, profile); other well-formed XML passes as a one-page text.
 */
export async function inspectXml(
  bytes: Buffer,
  limits: Pick<Limits, 'maxXmlBytes'>,
  probe: XmlProbe,
): Promise<Inspection> {
  const maxBytes = limits.maxXmlBytes ?? DEFAULT_XML_LIMITS.maxBytes;
  if (bytes.length > maxBytes)
    return refused(
      'too_large',
      `XML file has ${bytes.length} bytes; at most ${maxBytes} are accepted`,
      {
        sizeBytes: bytes.length,
        maxBytes,
      },
    );
  const verdict = await probe(bytes, maxBytes);
  if (!verdict.ok) {
    const reason =
      verdict.code === 'XML_DTD_REFUSED'
        ? 'unsupported_type'
        : verdict.code === 'XML_MALFORMED'
          ? 'corrupt'
          : 'too_large';
    return refused(reason, verdict.message, { problem: verdict.code });
  }
  if (!verdict.einvoice) return accepted(1);
  const einvoice = { container: 'xml', ...verdict.einvoice } as EInvoiceInfo;
  return { ok: true, pages: 1, einvoice };
}
