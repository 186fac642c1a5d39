import { amountsAgree } from '../normalise/amount';
import { amountCandidates, type AmountCandidate } from '../receipt/amount-candidates';
import { chooseMerchant } from '../receipt/merchant-name';
import { chooseSaleDate } from '../receipt/sale-date';
import { rankTotals } from '../receipt/total-scorer';
import { field, foldPattern, type DocumentText, type Line } from './document-text';
import { findTaxLines, type TaxLine } from './amounts-extractor';
import { extractCurrency, taxCountryOf } from './currency';
import { findTaxIds } from './parties';
import { fromToken, type Extraction, type Fields } from './field-set';
import { findLabels, labelledValues, labelsOnLine, readAmount, type Found } from './label-values';
import { amountsIn, type Token } from './tokens';

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
/** Receipts: merchant, date, total, tax, payment method. */
export function extractReceipt(doc: DocumentText): Extraction {
  const fields: Fields = {};
  const merchant = chooseMerchant(doc);
  if (merchant) {
    const start = merchant.first.start + merchant.first.text.indexOf(merchant.text.split(' ')[0]!);
    const end = merchant.last.start + merchant.last.text.trimEnd().length;
    fields.merchantName = field(doc, merchant.text, start, end, merchant.confidence);
  }
  const date = chooseSaleDate(doc);
  if (date) fields.date = fromToken(doc, date.line, date.token, date.confidence);
  const totalLabels = findLabels(doc, 'receiptTotal');
  // `TOTAL (IVA INCL.) 139,10` names the tax but carries the total
  const taxes = findTaxLines(doc).filter(
    (t) =>
      !t.withholding &&
      !totalLabels.some((h) => h.line === t.amount.line && h.from < t.amount.hit.from),
  );
  const table = taxes.length === 0 ? taxFromTable(doc) : undefined;
  let tax: (Token<number> & { line: Line }) | undefined = (taxes[0] ?? table?.tax)?.amount;
  const ranked = rankTotals(doc);
  const total = ranked[0];
  if (total) {
    fields.total = fromToken(doc, total.best.at, total.best.token, total.probability);
    fields.total.value = total.value;
    const pair = subtotalAndTax(total.value, doc);
    // the lexicon's subtotal (`OP. GRAVADA`, a `NET` column) when it adds up with the tax line
    const labelled = labelledValues(doc, 'subtotal', readAmount, ['total', 'tax'])[0] ?? table?.net;
    if (pair) {
      fields.subtotal = fromToken(doc, pair.subtotal.at, pair.subtotal.token, 0.9);
      fields.subtotal.value = pair.subtotal.value;
      tax = { ...pair.tax.token, value: pair.tax.value, line: pair.tax.at };
    } else if (labelled && tax && amountsAgree(labelled.value + tax.value, total.value)) {
      fields.subtotal = fromToken(doc, labelled.line, labelled, 0.9);
    }
  }
  if (tax) fields.taxAmount = fromToken(doc, tax.line, tax, 0.85);
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

/**
 * Subtotal and tax decided with the total: an amount labelled as a subtotal and one labelled as a
 * tax that add up to it. Receipts print discounts, service charges and roundings between them, so
 * when no pair adds up neither is taken as the subtotal (the tax line alone may still be).
 */
function subtotalAndTax(
  total: number,
  doc: DocumentText,
): { subtotal: AmountCandidate; tax: AmountCandidate } | undefined {
  const candidates = amountCandidates(doc);
  const has = (c: AmountCandidate, role: 'subtotal' | 'tax') =>
    c.left.has(role) || c.line.has(role);
  const subtotals = candidates.filter((c) => has(c, 'subtotal') && c.value > 0).slice(0, 20);
  const taxes = candidates.filter((c) => has(c, 'tax') && !has(c, 'subtotal')).slice(0, 20);
  for (const s of subtotals)
    for (const t of taxes)
      if (s !== t && amountsAgree(s.value + t.value, total)) return { subtotal: s, tax: t };
  return undefined;
}
