import { EInvoiceError } from './einvoice-error';
import type { EInvoiceFinding } from './findings';
import type { EInvoiceReader } from './format';
import { readers as allReaders } from './formats';
import type { EInvoice } from './model';
import { validateEInvoice } from './validate';
import { DEFAULT_XML_LIMITS, parseXml, type XmlElement, type XmlLimits } from './xml';

export interface EInvoiceReading {
  invoice: EInvoice;
  findings: EInvoiceFinding[];
}

export interface ReadOptions {
  limits?: XmlLimits;
  /** The readers to ask (default: every registered one). */
  readers?: readonly EInvoiceReader[];
}

/** The reader for a parsed document, or undefined when none recognises it. */
export function findReader(
  root: XmlElement,
  readers: readonly EInvoiceReader[] = allReaders,
): EInvoiceReader | undefined {
  return readers.find((reader) => reader.matches(root));
}

/**
 * Parses untrusted XML (hardened, see parseXml), picks the reader by root element and
 * namespace, maps the invoice and validates it. Throws EInvoiceError when the XML is refused or
 * is no e-invoice a reader knows.
 */
export function readEInvoice(xml: string | Uint8Array, options: ReadOptions = {}): EInvoiceReading {
  const root = parseXml(xml, options.limits ?? DEFAULT_XML_LIMITS);
  const reader = findReader(root, options.readers);
  if (!reader) {
    throw new EInvoiceError(
      'EINVOICE_UNKNOWN_FORMAT',
      `no e-invoice reader recognises <${root.name}>${root.ns ? ` in ${root.ns}` : ''}`,
      { details: { root: root.name, namespace: root.ns } },
    );
  }
  const invoice = reader.read(root);
  return { invoice, findings: validateEInvoice(invoice) };
}
