import type { EInvoice, EInvoiceSyntax } from './model';
import type { XmlElement } from './xml';

/**
 * One reader per syntax: recognises its documents by root element and namespace, and maps them
 * into the format-neutral model. Mapping only; checks belong to validation.
 */
export interface EInvoiceReader {
  syntax: EInvoiceSyntax;
  /** Whether the document (its root element) is this syntax. Cheap: looks at the root only. */
  matches(root: XmlElement): boolean;
  /** The invoice the document carries. Throws EInvoiceError (EINVOICE_UNREADABLE) when it cannot. */
  read(root: XmlElement): EInvoice;
}
