import { amountsAgree } from '../normalise/amount';
import { field, foldPattern, type DocumentText, type Line } from './document-text';
import { findTaxLines, type TaxLine } from './amounts-extractor';
import { extractCurrency, taxCountryOf } from './currency';
import { findTaxIds } from './parties';
import { fromToken, type Extraction, type Fields } from './field-set';
import { findLabels, labelledValues, labelsOnLine, readAmount, type Found } from './label-values';
import { amountsIn, cellsOf, datesIn } from './tokens';

const RAW_PAYMENT: [RegExp, string][] = [
  [
    /\b(visa|mastercard|master card|amex|american express|maestro|tarjeta|card|contactless|datafono|debit|credit|credito|debito|apple pay|google pay|tpv|redcompra)\b/,
    'card',
  ],
  [/\b(cash|efectivo|contado|metalico)\b/, 'cash'],
  [/\b(bizum|paypal|nequi|yape|plin|daviplata|mercado ?pago)\b/, 'mobile'],
  [/\b(transfer|transferencia)\b/, 'transfer'],
];
/** Matched on folded lines, so `EFECTIV0` or `VlSA` from a faint till roll still count. */
const PAYMENT = RAW_PAYMENT.map(([re, method]) => [foldPattern(re), method] as const);
/** Dates that are not the sale's: when the business started, a deadline, an authorisation. */
const OTHER_DATES =
  /inicio|actividad|ingreso|venc|vto|valid|hasta|cae|nacimiento|expir|caduc|best before|use by/;
const HEADINGS =
  /^(ticket|tique|receipt|recibo|factura simplificada|f\. simplificada|sales receipt|till receipt|customer copy|merchant copy|comprobante|copia|boleta|nota de venta|vat receipt|sale\b|documento equivalente|tiquete)/i;

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
  const date = saleDate(doc);
  if (date) fields.date = fromToken(doc, date.line, date.token, 0.9 * date.token.confidence);
  const totalLabels = findLabels(doc, 'receiptTotal');
  // `TOTAL (IVA INCL.) 139,10` names the tax but carries the total
  const taxes = findTaxLines(doc).filter(
    (t) =>
      !t.withholding &&
      !totalLabels.some((h) => h.line === t.amount.line && h.from < t.amount.hit.from),
  );
  const totals = labelledValues(doc, 'receiptTotal', readAmount, ['subtotal', 'tax', 'payment']);
  const table = taxes.length === 0 ? taxFromTable(doc) : undefined;
  const subtotal = labelledValues(doc, 'subtotal', readAmount, ['total', 'tax'])[0] ?? table?.net;
  const tax = taxes[0] ?? table?.tax;
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
    const hit = PAYMENT.find(([re]) => re.test(line.folded));
    if (hit) {
      fields.paymentMethod = field(doc, hit[1], line.start, line.start + line.text.length, 0.85);
      break;
    }
  }
  extractCurrency(
    doc,
    fields,
    taxCountryOf(
      doc,
      findTaxIds(doc).map((t) => t.value),
    ),
  );
  return { fields, tables: {} };
}

/**
 * The sale's date: the first date, preferring one printed with a time or under a date label, and
 * passing over dates that belong to something else (start of activities, CAE expiry, validity).
 */
function saleDate(
  doc: DocumentText,
): { line: Line; token: ReturnType<typeof datesIn>[number] } | undefined {
  let best: { line: Line; token: ReturnType<typeof datesIn>[number]; score: number } | undefined;
  for (const line of doc.lines) {
    const tokens = datesIn(doc, line);
    if (tokens.length === 0) continue;
    // one score per line (read once, however many dates the line holds)
    let score = 1 - line.index * 0.005;
    if (/\d{1,2}:\d{2}/.test(line.text)) score += 0.5;
    if (/\b(f[e3]cha|date|f\.\s?emisi)/i.test(line.text)) score += 0.3;
    if (OTHER_DATES.test(line.folded.replace(/[l1]/g, 'i'))) score -= 1;
    if (!best || score > best.score) best = { line, token: tokens[0]!, score };
  }
  return best;
}

/**
 * `VAT RATE  NET  VAT` over `20.00%  58.91  11.78`: the tax is the last amount under the header,
 * and the net the one before it when the header names one (so the total can be checked).
 */
function taxFromTable(doc: DocumentText): { tax: TaxLine; net?: Found<number> } | undefined {
  for (const hit of findLabels(doc, 'tax')) {
    if (/\d/.test(hit.line.text)) continue;
    const below = doc.lines[hit.line.index + 1];
    const amounts = below ? amountsIn(doc, below) : [];
    if (amounts.length < 2) continue;
    const last = amounts[amounts.length - 1]!;
    const netHit = labelsOnLine(doc, 'subtotal', hit.line)[0];
    const before = amounts[amounts.length - 2]!;
    return {
      tax: { amount: { ...last, line: below!, hit, score: hit.weight * 0.8 }, withholding: false },
      ...(netHit
        ? { net: { ...before, line: below!, hit: netHit, score: netHit.weight * 0.8 } }
        : {}),
    };
  }
  return undefined;
}
