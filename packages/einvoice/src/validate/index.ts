import type { EInvoiceFinding } from '../findings';
import type { EInvoice } from '../model';
import { arithmeticFindings } from './arithmetic';
import { codeListFindings } from './code-lists';
import { requiredFindings } from './required';

/**
 * EN 16931 checks on a read e-invoice: mandatory terms, arithmetic, code lists. Tax ids and IBANs
 * are checked where the invoice becomes an extraction (the classifier's validators), so one set
 * of checksums serves the visual and the structured path.
 */
export function validateEInvoice(invoice: EInvoice): EInvoiceFinding[] {
  return [
    ...requiredFindings(invoice),
    ...arithmeticFindings(invoice),
    ...codeListFindings(invoice),
  ];
}
