import type { DocType, Finding } from '@docflow/contracts';
import type { Extraction } from '../extract/field-set';

/** Fields an invoice is booked by: without them, or unsure of them, a person looks first. */
const KEY_FIELDS = ['sellerName', 'total'] as const;
/** Fields a booking wants but can do without: their absence is said, it does not block. */
const WANTED_FIELDS = ['invoiceNumber', 'issueDate'] as const;
/** Below this a key field is a guess (labels far away, a name picked by position alone). */
const SURE = 0.6;
/** A total this confident closed with subtotal and tax (see decideInvoiceTotals). */
const CLOSED = 0.95;

/**
 * The publication gate of invoices and credit notes: published automatically only when the key
 * fields are there and confident and the total closed with subtotal and tax; otherwise one
 * blocking finding, `fields.uncertain`, names the fields a reviewer should check. A missing or
 * unsure number or issue date is a warning, `fields.missing`: the ledger can take the invoice.
 */
export function invoiceGate(docType: DocType, e: Extraction): Finding[] {
  if (docType !== 'invoice' && docType !== 'credit_note') return [];
  const uncertain: string[] = KEY_FIELDS.filter((name) => {
    const f = e.fields[name];
    return !f || f.value === null || f.value === '' || f.confidence < SURE;
  });
  const total = e.fields.total;
  if (total && total.confidence >= SURE && total.confidence < CLOSED) uncertain.push('total');
  const missing: string[] = WANTED_FIELDS.filter((name) => {
    const f = e.fields[name];
    return !f || f.confidence < SURE;
  });
  const said: Finding[] = missing.length
    ? [
        {
          code: 'fields.missing',
          severity: 'warning',
          message: `no sure ${missing.join(', ')}`,
          field: missing[0]!,
        },
      ]
    : [];
  if (uncertain.length === 0) return said;
  const names = [...new Set(uncertain)];
  return [
    ...said,
    {
      code: 'fields.uncertain',
      severity: 'error',
      message: `not sure of ${names.join(', ')}${names.includes('total') ? ' (the total did not close with subtotal and tax)' : ''}`,
      field: names[0]!,
    },
  ];
}
