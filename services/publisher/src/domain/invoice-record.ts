import type { ExtractedField } from '@docflow/contracts';
import type { InvoiceRecord } from './canonical-record';
import { amount, currency, date, number, text } from './field-values';

type Row = Record<string, ExtractedField>;
const SYNTAXES = ['cii', 'ubl', 'fatturapa', 'facturae', 'sri'] as const;

function party(fields: Row, role: 'seller' | 'buyer'): InvoiceRecord['seller'] {
  const address = {
    street: text(fields, `${role}Street`),
    city: text(fields, `${role}City`),
    postcode: text(fields, `${role}Postcode`),
    country: text(fields, `${role}Country`),
  };
  return {
    name: text(fields, `${role}Name`),
    taxId: text(fields, `${role}TaxId`),
    address: Object.values(address).every((v) => v === null) ? null : address,
  };
}

/** Where the record's values come from: a structured e-invoice's XML, or the page's text. */
function source(fields: Row): InvoiceRecord['source'] {
  const syntax = text(fields, 'einvoiceSyntax');
  const known = SYNTAXES.find((s) => s === syntax) ?? null;
  return {
    method: fields.total?.method === 'embedded_xml' || known ? 'embedded_xml' : 'text',
    syntax: known,
    profile: text(fields, 'einvoiceProfile'),
  };
}

/**
 * The canonical invoice (or credit note) of an extraction. The fields the visual path fills and a
 * structured e-invoice's extra ones (addresses, amount due, payment terms, IBAN, BIC, unit codes,
 * tax bases) share one shape: what a document does not give is null.
 */
export function invoiceFields(
  fields: Row,
  tables: Record<string, Row[]>,
): Omit<InvoiceRecord, '_id' | 'tenantId' | 'documentId' | 'docType' | 'provenance'> {
  return {
    number: text(fields, 'invoiceNumber'),
    issueDate: date(fields, 'issueDate'),
    dueDate: date(fields, 'dueDate'),
    currency: currency(fields, 'currency'),
    seller: party(fields, 'seller'),
    buyer: party(fields, 'buyer'),
    subtotal: amount(fields, 'subtotal'),
    taxTotal: amount(fields, 'taxAmount'),
    taxLines: (tables.taxLines ?? []).map((row) => ({
      rate: amount(row, 'rate'),
      amount: amount(row, 'amount'),
      basis: amount(row, 'basis'),
      category: text(row, 'category'),
    })),
    total: amount(fields, 'total'),
    amountDue: amount(fields, 'amountDue'),
    paymentTerms: text(fields, 'paymentTerms'),
    iban: text(fields, 'iban')?.replace(/\s+/g, '').toUpperCase() ?? null,
    bic: text(fields, 'bic'),
    lineItems: (tables.lineItems ?? []).map((row) => ({
      description: text(row, 'description'),
      quantity: number(row, 'quantity') ?? amount(row, 'quantity'),
      unitCode: text(row, 'unitCode'),
      unitPrice: number(row, 'unitPrice') ?? amount(row, 'unitPrice'),
      amount: amount(row, 'amount'),
      vatRate: number(row, 'vatRate'),
    })),
    source: source(fields),
  };
}
