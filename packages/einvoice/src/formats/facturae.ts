import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';
import type { EInvoice } from '../model';
import { all, type XmlElement } from '../xml';
import { readInvoice } from './facturae/invoice';

/** The namespaces of Facturae 3.2, 3.2.1 and 3.2.2 (the versions in use for FACe and B2B). */
export const FACTURAE_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.facturae.es/Facturae/2009/v3.2/Facturae',
  'http://www.facturae.es/Facturae/2014/v3.2.1/Facturae',
  'http://www.facturae.gob.es/formato/Versiones/Facturaev3_2_2.xml',
]);

/**
 * Every invoice of a Facturae file, in order: a batch (Modality L) carries several Invoice
 * elements under one seller and buyer. The registry reads the first (the model is one invoice
 * per document); callers that want the whole batch use this.
 */
export function readFacturaeInvoices(root: XmlElement): EInvoice[] {
  const invoices = all(root, 'Invoices/Invoice');
  if (invoices.length === 0) {
    throw new EInvoiceError(
      'EINVOICE_UNREADABLE',
      'the Facturae file has no Invoices/Invoice: it carries no invoice',
    );
  }
  return invoices.map((invoice) => readInvoice(root, invoice));
}

export const facturaeReader: EInvoiceReader = {
  syntax: 'facturae',
  matches: (root) => root.name === 'Facturae' && FACTURAE_NAMESPACES.has(root.ns),
  read: (root) => readFacturaeInvoices(root)[0]!,
};
