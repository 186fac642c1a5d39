import type { Finding } from '@docflow/contracts';
import type { EInvoice } from '@docflow/einvoice';
import { prepareText } from '../extract/document-text';
import { amountsIn } from '../extract/tokens';
import type { Language } from '../language/language';
import { amountsAgree } from '../normalise/amount';

/**
 * For a PDF carrying an e-invoice: does the page show the amount the XML says is owed? The XML's
 * grand total or amount due must appear among the amounts printed on the page (as magnitudes: a
 * credit note may print them negative). A page that prints amounts but neither is an
 * `embedded_xml.mismatch` (blocking): the page and the data disagree, a known fraud and error
 * pattern. A page without a text layer, or without amounts, cannot be compared (info).
 */
export function pageAmountFindings(invoice: EInvoice, text: string, language: Language): Finding[] {
  const owed = [invoice.totals.total, invoice.totals.due].filter((v): v is number => v !== null);
  if (owed.length === 0) return [];
  const doc = prepareText(text, language);
  const printed = doc.lines.flatMap((line) => amountsIn(doc, line).map((a) => Math.abs(a.value)));
  if (printed.length === 0) {
    return [
      {
        code: 'embedded_xml.unverified',
        severity: 'info',
        message: 'the page shows no amounts to compare with the embedded XML',
        field: 'total',
      },
    ];
  }
  if (owed.some((amount) => printed.some((p) => amountsAgree(p, Math.abs(amount))))) return [];
  return [
    {
      code: 'embedded_xml.mismatch',
      severity: 'error',
      message:
        `the embedded XML's total ${invoice.totals.total ?? invoice.totals.due} ${invoice.currency ?? ''} does not appear on the page`.trim(),
      field: 'total',
    },
  ];
}
