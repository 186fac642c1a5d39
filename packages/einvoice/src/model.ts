/**
 * The format-neutral e-invoice every reader returns. Values are as the document states them
 * (amounts as numbers in the document currency, dates ISO yyyy-mm-dd); null where the document
 * does not say. Readers map, they never compute: arithmetic checks belong to validation.
 */

export type EInvoiceSyntax = 'cii' | 'ubl' | 'fatturapa' | 'facturae' | 'sri';

export type EInvoiceDocType = 'invoice' | 'credit_note';

export interface EInvoiceAddress {
  street: string | null;
  city: string | null;
  postcode: string | null;
  /** ISO 3166-1 alpha-2 as written. */
  country: string | null;
}

export interface EInvoiceParty {
  name: string | null;
  /** VAT id (or the national tax id where no VAT id is given: NIT, RUC, NIF, codice fiscale). */
  taxId: string | null;
  address: EInvoiceAddress;
}

export interface EInvoiceLine {
  description: string | null;
  quantity: number | null;
  /** UN/ECE Recommendation 20 unit code as written (C62, H87, KGM). */
  unitCode: string | null;
  /** Item net price as written (BT-146): per base quantity where the document gives one. */
  unitPrice: number | null;
  /** Line net amount. */
  net: number | null;
  /** VAT rate in percent (19, 7.5). */
  vatRate: number | null;
  /** UNCL5305 VAT category (S, Z, E, AE, K, G, O, L, M) or the national code as written. */
  vatCategory: string | null;
}

export interface EInvoiceTax {
  rate: number | null;
  category: string | null;
  /** Taxable amount at this rate. */
  basis: number | null;
  amount: number | null;
}

export interface EInvoiceTotals {
  /** Sum of line net amounts (BT-106). */
  lineTotal: number | null;
  /** Document-level allowances (BT-107). */
  allowances: number | null;
  /** Document-level charges (BT-108). */
  charges: number | null;
  /** Total without VAT, the tax basis (BT-109). */
  net: number | null;
  /** Total VAT (BT-110). */
  tax: number | null;
  /** Total with VAT, the grand total (BT-112). */
  total: number | null;
  /** Paid in advance (BT-113). */
  prepaid: number | null;
  /** Rounding amount (BT-114), where the syntax has one. */
  rounding?: number | null;
  /** Amount due for payment (BT-115). */
  due: number | null;
  /**
   * Withheld by the buyer and paid to the tax office, not to the seller (FatturaPA ritenuta,
   * Facturae TaxesWithheld/IRPF, SRI retenciones): total − prepaid − withheld = due. Optional:
   * absent (or null) where the syntax has no withholding.
   */
  withheld?: number | null;
}

export interface EInvoicePayment {
  terms: string | null;
  dueDate: string | null;
  iban: string | null;
  bic: string | null;
  /** UNCL4461 payment means code as written (30, 58) or the national code. */
  means: string | null;
}

export interface EInvoice {
  syntax: EInvoiceSyntax;
  /** Profile or customization (urn:cen.eu:en16931:2017, PEPPOL BIS 3, FPR12, DIAN 2.1), as written. */
  profile: string | null;
  /** Syntax version as written (2.1, 1.2.1, 3.2.2). */
  version: string | null;
  /** The document type code as written (380, 381, TD04, 01). */
  typeCode: string | null;
  docType: EInvoiceDocType;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  /** ISO 4217 code as written. */
  currency: string | null;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
  lines: EInvoiceLine[];
  taxes: EInvoiceTax[];
  totals: EInvoiceTotals;
  payment: EInvoicePayment;
}

export const emptyAddress = (): EInvoiceAddress => ({
  street: null,
  city: null,
  postcode: null,
  country: null,
});

export const emptyParty = (): EInvoiceParty => ({
  name: null,
  taxId: null,
  address: emptyAddress(),
});

export const emptyTotals = (): EInvoiceTotals => ({
  lineTotal: null,
  allowances: null,
  charges: null,
  net: null,
  tax: null,
  total: null,
  prepaid: null,
  due: null,
});

export const emptyPayment = (): EInvoicePayment => ({
  terms: null,
  dueDate: null,
  iban: null,
  bic: null,
  means: null,
});
