import type { EInvoice } from '../../model';
import { clean, decimal, isoDate } from '../../values';
import { at, textAt, type XmlElement } from '../../xml';
import { CORRECTIVE_CLASSES } from './codes';
import { readLines, readTaxes } from './lines';
import { readParty } from './party';
import { readPayment, readTotals } from './totals';

/**
 * One Invoice of a Facturae file; seller and buyer (Parties) are shared by all of them.
 * `typeCode` is the InvoiceClass (OO original, OR corrective, OC summary, CO/CR/CC their copies),
 * `profile` the InvoiceDocumentType (FC complete, FA simplified, AF self-billed). A corrective
 * invoice that reduces the amount (negative InvoiceTotal) is a credit note; one that raises it is
 * an invoice. The number is InvoiceSeriesCode-InvoiceNumber when a series is given.
 */
export function readInvoice(root: XmlElement, invoice: XmlElement): EInvoice {
  const header = at(invoice, 'InvoiceHeader');
  const issue = at(invoice, 'InvoiceIssueData');
  const invoiceClass = clean(textAt(header, 'InvoiceClass'));
  const series = clean(textAt(header, 'InvoiceSeriesCode'));
  const number = clean(textAt(header, 'InvoiceNumber'));
  const invoiceTotal = decimal(textAt(invoice, 'InvoiceTotals/InvoiceTotal'));
  const corrective = invoiceClass !== null && CORRECTIVE_CLASSES.has(invoiceClass);
  const payment = readPayment(invoice);
  return {
    syntax: 'facturae',
    profile: clean(textAt(header, 'InvoiceDocumentType')),
    version: clean(textAt(root, 'FileHeader/SchemaVersion')),
    typeCode: invoiceClass,
    docType: corrective && invoiceTotal !== null && invoiceTotal < 0 ? 'credit_note' : 'invoice',
    number: series && number ? `${series}-${number}` : number,
    issueDate: isoDate(textAt(issue, 'IssueDate')),
    dueDate: payment.dueDate,
    currency:
      clean(textAt(issue, 'InvoiceCurrencyCode')) ??
      clean(textAt(root, 'FileHeader/Batch/InvoiceCurrencyCode')),
    seller: readParty(at(root, 'Parties/SellerParty')),
    buyer: readParty(at(root, 'Parties/BuyerParty')),
    lines: readLines(invoice),
    taxes: readTaxes(invoice),
    totals: readTotals(invoice),
    payment,
  };
}
