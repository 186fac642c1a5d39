import type { EInvoiceFinding } from '../findings';
import type { EInvoice } from '../model';

/** EN 16931 mandatory business terms docflow books by: BR-02 to BR-07 and BR-13 (not BR-01). */
const REQUIRED: [rule: string, field: string, label: string, get: (i: EInvoice) => unknown][] = [
  ['BR-02', 'number', 'invoice number', (i) => i.number],
  ['BR-03', 'issueDate', 'issue date', (i) => i.issueDate],
  ['BR-04', 'typeCode', 'type code', (i) => i.typeCode],
  ['BR-05', 'currency', 'currency', (i) => i.currency],
  ['BR-06', 'seller.name', 'seller name', (i) => i.seller.name],
  ['BR-07', 'buyer.name', 'buyer name', (i) => i.buyer.name],
  ['BR-13', 'totals.total', 'total with VAT', (i) => i.totals.total],
];

/** A warning `einvoice.missing` for each mandatory term the document leaves out. */
export function requiredFindings(invoice: EInvoice): EInvoiceFinding[] {
  return REQUIRED.filter(([, , , get]) => get(invoice) === null).map(([rule, field, label]) => ({
    code: 'einvoice.missing',
    rule,
    severity: 'warning',
    message: `${rule}: the invoice has no ${label}`,
    field,
  }));
}
