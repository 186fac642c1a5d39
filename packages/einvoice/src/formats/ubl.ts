import { docTypeOfCode } from '../doc-type';
import { EInvoiceError } from '../einvoice-error';
import type { EInvoiceReader } from '../format';
import type { EInvoice, EInvoiceLine, EInvoiceTax } from '../model';
import { clean, decimal, isoDate } from '../values';
import { all, at, attribute, children, parseXml, textAt, type XmlElement } from '../xml';
import { ublParty } from './ubl-party';

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:';
const INVOICE_NS = `${UBL}Invoice-2`;
const CREDIT_NOTE_NS = `${UBL}CreditNote-2`;
const ATTACHED_NS = `${UBL}AttachedDocument-2`;

const isInvoice = (root: XmlElement) =>
  (root.name === 'Invoice' && root.ns === INVOICE_NS) ||
  (root.name === 'CreditNote' && root.ns === CREDIT_NOTE_NS);

/**
 * OASIS UBL 2.1 Invoice and CreditNote: PEPPOL BIS Billing 3, XRechnung UBL, DIAN Colombia
 * (also inside its AttachedDocument wrapper, where the invoice is XML text in a CDATA section)
 * and SUNAT Peru.
 */
export const ublReader: EInvoiceReader = {
  syntax: 'ubl',
  matches: (root) =>
    isInvoice(root) || (root.name === 'AttachedDocument' && root.ns === ATTACHED_NS),
  read: (root) => readUbl(root.name === 'AttachedDocument' ? attachedInvoice(root) : root),
};

/** The invoice a DIAN AttachedDocument carries as text in Attachment/ExternalReference/Description. */
function attachedInvoice(wrapper: XmlElement): XmlElement {
  for (const description of all(wrapper, 'Attachment/ExternalReference/Description')) {
    if (!description.text.includes('<')) continue;
    const inner = parseXml(description.text);
    if (isInvoice(inner)) return inner;
  }
  throw new EInvoiceError(
    'EINVOICE_UNREADABLE',
    'the AttachedDocument carries no UBL Invoice or CreditNote',
  );
}

function readUbl(root: XmlElement): EInvoice {
  const credit = root.name === 'CreditNote';
  const currency = clean(textAt(root, 'DocumentCurrencyCode'));
  const typeCode = clean(textAt(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode'));
  const totals = at(root, 'LegalMonetaryTotal');
  const means = children(root, 'PaymentMeans');
  const taxTotals = children(root, 'TaxTotal').filter((t) =>
    inCurrency(at(t, 'TaxAmount'), currency),
  );
  const dueDate = isoDate(
    textAt(root, 'DueDate') ?? means.map((m) => textAt(m, 'PaymentDueDate')).find(Boolean),
  );
  const customization = clean(textAt(root, 'CustomizationID'));
  const money = (name: string) => decimal(textAt(totals, name));
  return {
    syntax: 'ubl',
    profile: customization?.includes(':')
      ? customization
      : (clean(textAt(root, 'ProfileID')) ?? customization),
    version: clean(textAt(root, 'UBLVersionID')) ?? '2.1',
    typeCode,
    docType: credit ? 'credit_note' : docTypeOfCode(typeCode),
    number: clean(textAt(root, 'ID')),
    issueDate: isoDate(textAt(root, 'IssueDate')),
    dueDate,
    currency,
    seller: ublParty(at(root, 'AccountingSupplierParty/Party')),
    buyer: ublParty(at(root, 'AccountingCustomerParty/Party')),
    lines: children(root, credit ? 'CreditNoteLine' : 'InvoiceLine').map(line),
    taxes: taxTotals.flatMap((t) => children(t, 'TaxSubtotal')).map(tax),
    totals: {
      lineTotal: money('LineExtensionAmount'),
      allowances: money('AllowanceTotalAmount'),
      charges: money('ChargeTotalAmount'),
      net: money('TaxExclusiveAmount'),
      tax:
        taxTotals.length === 0 ? null : sum(taxTotals.map((t) => decimal(textAt(t, 'TaxAmount')))),
      total: money('TaxInclusiveAmount'),
      prepaid: money('PrepaidAmount'),
      rounding: money('PayableRoundingAmount'),
      due: money('PayableAmount'),
    },
    payment: {
      terms: clean(
        all(root, 'PaymentTerms/Note')
          .map((n) => n.text)
          .join(' '),
      ),
      dueDate,
      iban: clean(means.map((m) => textAt(m, 'PayeeFinancialAccount/ID')).find(Boolean)),
      bic: clean(
        means
          .map((m) => textAt(m, 'PayeeFinancialAccount/FinancialInstitutionBranch/ID'))
          .find(Boolean),
      ),
      means: clean(means.map((m) => textAt(m, 'PaymentMeansCode')).find(Boolean)),
    },
  };
}

/** TaxTotal in the accounting currency (BT-111) is told apart from BT-110 by its currencyID. */
const inCurrency = (amount: XmlElement | undefined, currency: string | null) => {
  const id = attribute(amount, 'currencyID');
  return currency === null || id === null || id === currency;
};

function sum(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round(present.reduce((a, b) => a + b, 0) * 100) / 100;
}

function line(el: XmlElement): EInvoiceLine {
  const quantity = at(el, 'InvoicedQuantity') ?? at(el, 'CreditedQuantity');
  const category =
    at(el, 'Item/ClassifiedTaxCategory') ?? at(el, 'TaxTotal/TaxSubtotal/TaxCategory');
  return {
    description: clean(textAt(el, 'Item/Name') ?? textAt(el, 'Item/Description')),
    quantity: decimal(quantity?.text),
    unitCode: attribute(quantity, 'unitCode'),
    unitPrice: decimal(textAt(el, 'Price/PriceAmount')),
    net: decimal(textAt(el, 'LineExtensionAmount')),
    vatRate: decimal(textAt(category, 'Percent') ?? textAt(el, 'TaxTotal/TaxSubtotal/Percent')),
    vatCategory: clean(textAt(category, 'ID')),
  };
}

function tax(subtotal: XmlElement): EInvoiceTax {
  const category = at(subtotal, 'TaxCategory');
  return {
    rate: decimal(textAt(category, 'Percent') ?? textAt(subtotal, 'Percent')),
    category: clean(textAt(category, 'ID') ?? textAt(category, 'TaxScheme/ID')),
    basis: decimal(textAt(subtotal, 'TaxableAmount')),
    amount: decimal(textAt(subtotal, 'TaxAmount')),
  };
}
