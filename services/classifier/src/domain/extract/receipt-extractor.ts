import { amountsAgree } from '../normalise/amount';
import { field, type DocumentText } from './document-text';
import { findTaxLines } from './amounts-extractor';
import { extractCurrency } from './currency';
import { fromToken, type Extraction, type Fields } from './field-set';
import { labelledValues, readAmount } from './label-values';
import { cellsOf, datesIn } from './tokens';

const PAYMENT: [RegExp, string][] = [
  [
    /\b(visa|mastercard|master card|amex|american express|maestro|tarjeta|card|contactless|datafono|debit|credit|credito|debito|apple pay|google pay|tpv)\b/,
    'card',
  ],
  [/\b(cash|efectivo|contado|metalico)\b/, 'cash'],
  [/\b(bizum|paypal|nequi|yape|plin|daviplata)\b/, 'mobile'],
  [/\b(transfer|transferencia)\b/, 'transfer'],
];
const HEADINGS =
  /^(ticket|receipt|recibo|factura simplificada|sales receipt|till receipt|customer copy|comprobante|copia)/i;

/** Receipts: merchant, date, total, tax, payment method. */
export function extractReceipt(doc: DocumentText): Extraction {
  const fields: Fields = {};
  const merchantLine = doc.lines.slice(0, 6).find((l) => {
    const text = l.text.trim();
    return /[A-Za-z]{3}/.test(text) && !HEADINGS.test(text) && !/\d{4,}/.test(text);
  });
  if (merchantLine) {
    const cell = cellsOf(merchantLine)[0]!;
    fields.merchantName = field(
      doc,
      cell.text,
      merchantLine.start + cell.from,
      merchantLine.start + cell.to,
      0.8,
    );
  }
  for (const line of doc.lines) {
    const date = datesIn(doc, line)[0];
    if (date) {
      fields.date = fromToken(doc, line, date, 0.9 * date.confidence);
      break;
    }
  }
  const taxes = findTaxLines(doc).filter((t) => !t.withholding);
  const totals = labelledValues(doc, 'receiptTotal', readAmount, ['subtotal', 'tax', 'payment']);
  const subtotal = labelledValues(doc, 'subtotal', readAmount, ['total', 'tax'])[0];
  const tax = taxes[0];
  let total = totals[0];
  if (subtotal && tax) {
    const consistent = totals.find((t) => amountsAgree(subtotal.value + tax.amount.value, t.value));
    if (consistent) total = consistent;
  }
  if (total) {
    const verified = !!(
      subtotal &&
      tax &&
      amountsAgree(subtotal.value + tax.amount.value, total.value)
    );
    fields.total = fromToken(
      doc,
      total.line,
      total,
      verified ? 0.97 : Math.min(0.85, total.score * 0.9),
    );
  }
  if (tax) fields.taxAmount = fromToken(doc, tax.amount.line, tax.amount, 0.85);
  if (subtotal) fields.subtotal = fromToken(doc, subtotal.line, subtotal, 0.8);
  for (const line of doc.lines) {
    const plain = line.text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    const hit = PAYMENT.find(([re]) => re.test(plain));
    if (hit) {
      fields.paymentMethod = field(doc, hit[1], line.start, line.start + line.text.length, 0.85);
      break;
    }
  }
  extractCurrency(doc, fields);
  return { fields, tables: {} };
}
