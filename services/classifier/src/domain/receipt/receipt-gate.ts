import type { Finding } from '@docflow/contracts';
import type { Extraction } from '../extract/field-set';

/**
 * A receipt's total is published without review only at or above this scorer probability. Chosen
 * on SROIE's gold transcripts, cross-validated by merchant (`npm run train:receipt-total`): about
 * three quarters of held-out receipts pass, with 0–2 wrong totals among ~90 depending on the fit
 * (docs/classifier.md, Receipts, has the curve).
 */
export const RECEIPT_TOTAL_PUBLISH = 0.8;

/** Below these a field is named as uncertain (a warning: the record is still usable). */
const MERCHANT_SURE = 0.6;
const DATE_SURE = 0.75;

/**
 * What is uncertain on a receipt: a total the scorer is not sure of blocks publication
 * (`total.uncertain`); a doubtful or missing merchant or date is a warning naming the field
 * (`merchant.uncertain`, `date.missing`: codes are lower case, the field names the field).
 */
export function receiptFindings(e: Extraction): Finding[] {
  const findings: Finding[] = [];
  const total = e.fields.total;
  if (total && total.confidence < RECEIPT_TOTAL_PUBLISH)
    findings.push({
      code: 'total.uncertain',
      severity: 'error',
      field: 'total',
      message: `the total ${String(total.value)} is one reading among others (confidence ${total.confidence.toFixed(2)} < ${RECEIPT_TOTAL_PUBLISH})`,
    });
  for (const [name, code, sure] of [
    ['merchantName', 'merchant', MERCHANT_SURE],
    ['date', 'date', DATE_SURE],
  ] as const) {
    const f = e.fields[name];
    if (!f)
      findings.push({
        code: `${code}.missing`,
        severity: 'warning',
        field: name,
        message: `no ${name} found`,
      });
    else if (f.confidence < sure)
      findings.push({
        code: `${code}.uncertain`,
        severity: 'warning',
        field: name,
        message: `${name} "${String(f.value)}" is uncertain (confidence ${f.confidence.toFixed(2)})`,
      });
  }
  return findings;
}
