import { docTypeOfCode } from '../doc-type';
import type { EInvoiceReader } from '../format';
import type { EInvoice, EInvoiceLine, EInvoiceParty, EInvoiceTax } from '../model';
import { clean, decimal, isoDate } from '../values';
import { all, at, attribute, children, textAt, type XmlElement } from '../xml';
import { ciiPaths, type CiiPaths } from './cii-paths';

const CII_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';
const ZUGFERD1_NAMESPACE = 'urn:ferd:CrossIndustryDocument:invoice:1p0';
/** ZUGFeRD's release candidate (2013/14): an `Invoice` root, ZUGFeRD 1.0's element names. */
const ZUGFERD_RC_NAMESPACE = 'urn:un:unece:uncefact:data:standard:CBFBUY:5';

/**
 * UN/CEFACT Cross Industry Invoice D16B (Factur-X / ZUGFeRD 2.x, every profile from MINIMUM to
 * EXTENDED, XRechnung CII) and ZUGFeRD 1.0's CrossIndustryDocument (and its release candidate's
 * CBFBUY Invoice), which name the same business terms by older element names (cii-paths.ts).
 */
export const ciiReader: EInvoiceReader = {
  syntax: 'cii',
  matches: (root) =>
    (root.name === 'CrossIndustryInvoice' && (root.ns === CII_NAMESPACE || root.ns === '')) ||
    (root.name === 'CrossIndustryDocument' && (root.ns === ZUGFERD1_NAMESPACE || root.ns === '')) ||
    (root.name === 'Invoice' && root.ns === ZUGFERD_RC_NAMESPACE),
  read: (root) =>
    readCii(root, root.name === 'CrossIndustryInvoice' ? ciiPaths.d16b : ciiPaths.zugferd1),
};

function readCii(root: XmlElement, p: CiiPaths): EInvoice {
  const header = at(root, p.header);
  const transaction = at(root, p.transaction);
  const agreement = at(transaction, p.agreement);
  const settlement = at(transaction, p.settlement);
  const summation = at(settlement, p.summation);
  const currency = clean(textAt(settlement, 'InvoiceCurrencyCode'));
  const typeCode = clean(textAt(header, 'TypeCode'));
  const means = children(settlement, 'SpecifiedTradeSettlementPaymentMeans');
  const terms = children(settlement, 'SpecifiedTradePaymentTerms');
  const termsDueDate = isoDate(
    terms.map((t) => textAt(t, 'DueDateDateTime/DateTimeString')).find(Boolean),
  );
  return {
    syntax: 'cii',
    profile: clean(textAt(root, `${p.context}/GuidelineSpecifiedDocumentContextParameter/ID`)),
    version: p.version,
    typeCode,
    docType: docTypeOfCode(typeCode),
    number: clean(textAt(header, 'ID')),
    issueDate: isoDate(textAt(header, 'IssueDateTime/DateTimeString')),
    dueDate: termsDueDate,
    currency,
    seller: party(at(agreement, 'SellerTradeParty')),
    buyer: party(at(agreement, 'BuyerTradeParty')),
    lines: children(transaction, 'IncludedSupplyChainTradeLineItem').map((item) => line(item, p)),
    taxes: children(settlement, 'ApplicableTradeTax').map((tax) => headerTax(tax, p)),
    totals: {
      lineTotal: amount(summation, 'LineTotalAmount', currency),
      allowances: amount(summation, 'AllowanceTotalAmount', currency),
      charges: amount(summation, 'ChargeTotalAmount', currency),
      net: amount(summation, 'TaxBasisTotalAmount', currency),
      tax: amount(summation, 'TaxTotalAmount', currency),
      total: amount(summation, 'GrandTotalAmount', currency),
      prepaid: amount(summation, 'TotalPrepaidAmount', currency),
      due: amount(summation, 'DuePayableAmount', currency),
    },
    payment: {
      terms: clean(
        terms
          .map((t) => textAt(t, 'Description'))
          .filter(Boolean)
          .join(' '),
      ),
      dueDate: termsDueDate,
      iban: clean(
        means.map((m) => textAt(m, 'PayeePartyCreditorFinancialAccount/IBANID')).find(Boolean),
      ),
      bic: clean(
        means
          .map((m) => textAt(m, 'PayeeSpecifiedCreditorFinancialInstitution/BICID'))
          .find(Boolean),
      ),
      means: clean(means.map((m) => textAt(m, 'TypeCode')).find(Boolean)),
    },
  };
}

/**
 * An amount in the invoice currency: TaxTotalAmount may appear twice (invoice and accounting
 * currency, BT-110/BT-111), told apart by currencyID. Otherwise the first.
 */
function amount(
  parent: XmlElement | undefined,
  name: string,
  currency: string | null,
): number | null {
  const candidates = children(parent, name);
  const chosen =
    candidates.find((c) => currency !== null && attribute(c, 'currencyID') === currency) ??
    candidates[0];
  return decimal(chosen?.text);
}

function party(el: XmlElement | undefined): EInvoiceParty {
  const registrations = children(el, 'SpecifiedTaxRegistration').map((r) => at(r, 'ID'));
  // VAT id (scheme VA) first, the national tax number (FC) otherwise
  const vat = registrations.find((id) => attribute(id, 'schemeID') === 'VA') ?? registrations[0];
  const address = at(el, 'PostalTradeAddress');
  return {
    name: clean(textAt(el, 'Name')),
    taxId: clean(vat?.text),
    address: {
      street: clean(textAt(address, 'LineOne')),
      city: clean(textAt(address, 'CityName')),
      postcode: clean(textAt(address, 'PostcodeCode')),
      country: clean(textAt(address, 'CountryID')),
    },
  };
}

function line(item: XmlElement, p: CiiPaths): EInvoiceLine {
  const agreement = at(item, p.lineAgreement);
  const delivery = at(item, p.lineDelivery);
  const settlement = at(item, p.lineSettlement);
  const tax = at(settlement, 'ApplicableTradeTax');
  const quantity = at(delivery, 'BilledQuantity');
  const price = at(agreement, 'NetPriceProductTradePrice');
  return {
    description: clean(textAt(item, 'SpecifiedTradeProduct/Name')),
    quantity: decimal(quantity?.text),
    unitCode: attribute(quantity, 'unitCode'),
    unitPrice: decimal(textAt(price, 'ChargeAmount')),
    net: decimal(all(settlement, `${p.lineSummation}/LineTotalAmount`)[0]?.text),
    vatRate: decimal(textAt(tax, p.rate)),
    vatCategory: clean(textAt(tax, 'CategoryCode')),
  };
}

function headerTax(tax: XmlElement, p: CiiPaths): EInvoiceTax {
  return {
    rate: decimal(textAt(tax, p.rate)),
    category: clean(textAt(tax, 'CategoryCode')),
    basis: decimal(textAt(tax, 'BasisAmount')),
    amount: decimal(textAt(tax, 'CalculatedAmount')),
  };
}
