import type { ExtractedField } from '@docflow/contracts';
import type { EInvoice, EInvoiceParty } from '@docflow/einvoice';
import type { Extraction, Fields } from '../extract/field-set';

type Value = string | number | null;

/** A value read from the XML: exact, so confidence 1, and marked as such. */
const xmlField = (value: string | number): ExtractedField => ({
  value,
  confidence: 1,
  method: 'embedded_xml',
});

function put(fields: Fields, name: string, value: Value): void {
  if (value !== null && value !== '') fields[name] = xmlField(value);
}

function putParty(fields: Fields, role: 'seller' | 'buyer', party: EInvoiceParty): void {
  put(fields, `${role}Name`, party.name);
  put(fields, `${role}TaxId`, party.taxId);
  put(fields, `${role}Street`, party.address.street);
  put(fields, `${role}City`, party.address.city);
  put(fields, `${role}Postcode`, party.address.postcode);
  put(fields, `${role}Country`, party.address.country);
}

const row = (values: Record<string, Value>): Record<string, ExtractedField> =>
  Object.fromEntries(
    Object.entries(values)
      .filter((entry): entry is [string, string | number] => entry[1] !== null)
      .map(([name, value]) => [name, xmlField(value)]),
  );

/**
 * An e-invoice as the extraction the visual path produces, under the same field names
 * (invoiceNumber, issueDate, sellerName, subtotal, taxAmount, total, lineItems, taxLines…) plus
 * what only the XML says reliably (addresses, amount due, payment terms, IBAN, BIC, the syntax and
 * profile). Every field is `method: embedded_xml`, confidence 1; absent terms are left out.
 */
export function einvoiceExtraction(invoice: EInvoice): Extraction {
  const fields: Fields = {};
  const t = invoice.totals;
  put(fields, 'invoiceNumber', invoice.number);
  put(fields, 'documentTypeCode', invoice.typeCode);
  put(fields, 'issueDate', invoice.issueDate);
  put(fields, 'dueDate', invoice.dueDate ?? invoice.payment.dueDate);
  put(fields, 'currency', invoice.currency);
  putParty(fields, 'seller', invoice.seller);
  putParty(fields, 'buyer', invoice.buyer);
  put(fields, 'lineTotal', t.lineTotal);
  put(fields, 'subtotal', t.net ?? t.lineTotal);
  put(fields, 'taxAmount', t.tax);
  put(fields, 'total', t.total);
  put(fields, 'prepaidAmount', t.prepaid);
  put(fields, 'amountDue', t.due);
  put(fields, 'paymentTerms', invoice.payment.terms);
  put(fields, 'paymentMeans', invoice.payment.means);
  // the payee account: an IBAN where it has an IBAN's shape (DIAN and SUNAT give local accounts)
  const account = invoice.payment.iban;
  const isIban =
    account !== null && /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(account.replace(/\s+/g, ''));
  put(fields, isIban ? 'iban' : 'accountNumber', account);
  put(fields, 'bic', invoice.payment.bic);
  put(fields, 'einvoiceSyntax', invoice.syntax);
  put(fields, 'einvoiceProfile', invoice.profile);
  put(fields, 'einvoiceVersion', invoice.version);
  return {
    fields,
    tables: {
      lineItems: invoice.lines.map((l) =>
        row({
          description: l.description,
          quantity: l.quantity,
          unitCode: l.unitCode,
          unitPrice: l.unitPrice,
          amount: l.net,
          vatRate: l.vatRate,
          vatCategory: l.vatCategory,
        }),
      ),
      taxLines: invoice.taxes.map((x) =>
        row({ rate: x.rate, category: x.category, basis: x.basis, amount: x.amount }),
      ),
    },
  };
}
