import type { DocType, Finding } from '@docflow/contracts';
import type { Extraction } from '../extract/field-set';
import { amountsAgree } from '../normalise/amount';
import { daysBetween } from '../normalise/date';
import { receiptFindings } from '../receipt/receipt-gate';
import { checkIban } from './iban';
import { invoiceGate } from './invoice-gate';
import { checkTaxId } from './tax-id';

export interface ValidationOptions {
  /** Today (ISO date); injected so checks are reproducible. */
  today: string;
  /** How many days in the future a document date may be (clock skew, post-dated invoices). */
  futureToleranceDays: number;
}

const num = (e: Extraction, name: string): number | undefined => {
  const v = e.fields[name]?.value;
  return typeof v === 'number' ? v : undefined;
};
const str = (e: Extraction, name: string): string | undefined => {
  const v = e.fields[name]?.value;
  return typeof v === 'string' ? v : undefined;
};
const round = (v: number) => Math.round(v * 100) / 100;

/** Codes whose presence means the document cannot be published without a person. */
export const BLOCKING_CODES = new Set([
  'total.mismatch',
  'total.missing',
  'total.uncertain',
  'line_items.mismatch',
  'balance.mismatch',
  'payslip.net_mismatch',
  'fields.uncertain',
  // structured e-invoices: EN 16931 arithmetic broken, or the page disagrees with the XML
  'einvoice.arithmetic',
  'embedded_xml.mismatch',
]);

/**
 * Checks an extraction: ids (IBAN, tax ids), arithmetic (subtotal + taxes = total, lines = subtotal,
 * opening + Σ transactions = closing, gross − deductions ≥ net), dates (due ≥ issue, not in the
 * future). Errors with a blocking code send the document to review.
 */
export function validateExtraction(
  docType: DocType,
  e: Extraction,
  options: ValidationOptions,
): Finding[] {
  const findings: Finding[] = [];
  const add = (code: string, severity: Finding['severity'], message: string, field?: string) =>
    findings.push({ code, severity, message, ...(field ? { field } : {}) });

  for (const name of ['sellerTaxId', 'buyerTaxId']) {
    const id = str(e, name);
    if (!id) continue;
    const check = checkTaxId(id);
    if (!check.scheme)
      add('tax_id.unknown_format', 'info', `${name} ${id} has no known format`, name);
    else if (!check.valid)
      add(`tax_id.invalid`, 'warning', `${name} ${id} fails the ${check.scheme} check`, name);
  }
  const iban = str(e, 'iban');
  if (iban && !checkIban(iban).valid)
    add('iban.invalid', 'warning', `IBAN ${iban} fails mod-97`, 'iban');

  if (docType === 'invoice' || docType === 'credit_note' || docType === 'receipt') {
    const total = num(e, 'total');
    const subtotal = num(e, 'subtotal');
    const taxes = e.tables.taxLines
      ?.map((t) => t.amount?.value)
      .filter((v): v is number => typeof v === 'number');
    const taxSum =
      taxes && taxes.length ? round(taxes.reduce((a, b) => a + b, 0)) : num(e, 'taxAmount');
    if (total === undefined) add('total.missing', 'error', 'no total found', 'total');
    else if (subtotal !== undefined && taxSum !== undefined) {
      if (!amountsAgree(subtotal + taxSum, total)) {
        add(
          'total.mismatch',
          'error',
          `subtotal ${subtotal} + tax ${taxSum} ≠ total ${total}`,
          'total',
        );
      }
    } else if (docType !== 'receipt' || subtotal !== undefined) {
      add(
        'total.unverified',
        'warning',
        'the total could not be cross-checked against subtotal and tax',
        'total',
      );
    }
    if (docType === 'receipt') findings.push(...receiptFindings(e));
    const lines = e.tables.lineItems
      ?.map((l) => l.amount?.value)
      .filter((v): v is number => typeof v === 'number');
    // an e-invoice states its line total (BT-106): document-level allowances and charges (a
    // discount, the Italian cassa previdenziale) lie between it and the subtotal
    const lineTotal = num(e, 'lineTotal');
    const linesShould = lineTotal ?? subtotal;
    if (
      lines &&
      lines.length &&
      linesShould !== undefined &&
      !amountsAgree(round(lines.reduce((a, b) => a + b, 0)), linesShould)
    ) {
      add(
        'line_items.mismatch',
        'error',
        `line items add up to ${round(lines.reduce((a, b) => a + b, 0))}, ${lineTotal !== undefined ? 'the line total' : 'subtotal'} is ${linesShould}`,
        lineTotal !== undefined ? 'lineTotal' : 'subtotal',
      );
    }
  }
  if (docType === 'bank_statement') {
    const opening = num(e, 'openingBalance');
    const closing = num(e, 'closingBalance');
    const tx =
      e.tables.transactions
        ?.map((t) => t.amount?.value)
        .filter((v): v is number => typeof v === 'number') ?? [];
    if (opening !== undefined && closing !== undefined && tx.length > 0) {
      const sum = round(tx.reduce((a, b) => a + b, 0));
      if (!amountsAgree(opening + sum, closing)) {
        add(
          'balance.mismatch',
          'error',
          `opening ${opening} + transactions ${sum} ≠ closing ${closing}`,
          'closingBalance',
        );
      }
    } else
      add('balance.unverified', 'warning', 'balances could not be cross-checked', 'closingBalance');
  }
  if (docType === 'payslip') {
    const gross = num(e, 'grossPay');
    const net = num(e, 'netPay');
    if (gross !== undefined && net !== undefined && net > gross + 0.01) {
      add('payslip.net_mismatch', 'error', `net pay ${net} exceeds gross pay ${gross}`, 'netPay');
    }
  }
  findings.push(...invoiceGate(docType, e));
  const issue = str(e, 'issueDate');
  const due = str(e, 'dueDate');
  if (issue && due && daysBetween(issue, due) < 0)
    add(
      'date.due_before_issue',
      'warning',
      `due date ${due} is before issue date ${issue}`,
      'dueDate',
    );
  for (const [name, f] of Object.entries(e.fields)) {
    if (!/date|periodEnd|periodStart/i.test(name) || typeof f.value !== 'string') continue;
    if (name === 'endDate' || name === 'dueDate') continue;
    if (daysBetween(options.today, f.value) > options.futureToleranceDays) {
      add('date.in_future', 'warning', `${name} ${f.value} is in the future`, name);
    }
  }
  return findings;
}
