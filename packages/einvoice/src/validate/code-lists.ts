import type { EInvoiceFinding } from '../findings';
import type { EInvoice, EInvoiceSyntax } from '../model';
import { COUNTRY_CODES, CURRENCY_CODES } from './code-lists-data';

/** UNCL5305 VAT categories EN 16931 allows. */
const VAT_CATEGORIES = new Set(['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M', 'B']);
/** Syntaxes whose VAT categories are UNCL5305 codes (the national ones write their own). */
const UNCL5305_SYNTAXES = new Set<EInvoiceSyntax>(['cii', 'ubl']);
/** UN/ECE Recommendation 20/21 codes are 2–3 upper-case letters or digits (shape only). */
const UNIT_CODE = /^[A-Z0-9]{2,3}$/;

/**
 * Code lists: ISO 4217 currency (BR-CL-03/04), ISO 3166-1 country (BR-CL-14), UNCL5305 VAT
 * category (BR-CL-17/18) for CII and UBL, and the shape of UN/ECE unit codes (BR-CL-23; the full
 * list of ~2 000 codes is not carried). Each breach is a warning `einvoice.code_list`.
 */
export function codeListFindings(invoice: EInvoice): EInvoiceFinding[] {
  const findings: EInvoiceFinding[] = [];
  const flag = (rule: string, field: string, message: string) =>
    findings.push({
      code: 'einvoice.code_list',
      rule,
      severity: 'warning',
      message: `${rule}: ${message}`,
      field,
    });

  if (invoice.currency !== null && !CURRENCY_CODES.has(invoice.currency)) {
    flag('BR-CL-04', 'currency', `currency ${invoice.currency} is not an ISO 4217 code`);
  }
  for (const role of ['seller', 'buyer'] as const) {
    const country = invoice[role].address.country;
    if (country !== null && !COUNTRY_CODES.has(country)) {
      flag(
        'BR-CL-14',
        `${role}.address.country`,
        `country ${country} is not an ISO 3166-1 alpha-2 code`,
      );
    }
  }
  if (UNCL5305_SYNTAXES.has(invoice.syntax) && !isNationalUbl(invoice)) {
    invoice.taxes.forEach((tax, i) => {
      if (tax.category !== null && !VAT_CATEGORIES.has(tax.category)) {
        flag(
          'BR-CL-18',
          `taxes[${i}].category`,
          `VAT category ${tax.category} is not a UNCL5305 code`,
        );
      }
    });
    invoice.lines.forEach((line, i) => {
      if (line.vatCategory !== null && !VAT_CATEGORIES.has(line.vatCategory)) {
        flag(
          'BR-CL-18',
          `lines[${i}].vatCategory`,
          `VAT category ${line.vatCategory} is not a UNCL5305 code`,
        );
      }
    });
  }
  invoice.lines.forEach((line, i) => {
    if (line.unitCode !== null && !UNIT_CODE.test(line.unitCode)) {
      flag(
        'BR-CL-23',
        `lines[${i}].unitCode`,
        `unit ${line.unitCode} is not a UN/ECE Recommendation 20 code`,
      );
    }
  });
  return findings;
}

/** DIAN and SUNAT UBL write their tax schemes (01 IVA, 1000 IGV) where EN 16931 writes categories. */
const isNationalUbl = (invoice: EInvoice) =>
  invoice.syntax === 'ubl' && !/en16931|peppol|xrechnung|urn:/i.test(invoice.profile ?? '');
