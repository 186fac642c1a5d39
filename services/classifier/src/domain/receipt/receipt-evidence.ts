import { foldPattern, type DocumentText } from '../extract/document-text';
import { amountsIn, datesIn } from '../extract/tokens';

/** A sign on the page that a document is a till receipt (weight > 0) or an invoice (< 0). */
interface Sign {
  name: string;
  weight: number;
  /** Matched on folded lines; `withAmount`: only on a line that also prints an amount. */
  pattern: RegExp;
  withAmount?: boolean;
}

const sign = (name: string, weight: number, re: RegExp, withAmount = false): Sign => ({
  name,
  weight,
  pattern: foldPattern(re),
  withAmount,
});

/**
 * The structure of a till receipt as opposed to an invoice, in log-odds per sign. Receipts are
 * often titled `TAX INVOICE` or `SIMPLIFIED TAX INVOICE` (Malaysia, Singapore, Australia, the UK's
 * less detailed VAT invoice), `CASH BILL`, `Factura simplificada`: the title alone says little.
 * What says receipt is the till — cash tendered and change, cash rounding, a cashier or counter,
 * a time beside the date, a thank-you — and what says invoice is a customer to bill, a due date or
 * payment terms, bank details to pay into.
 */
const SIGNS: Sign[] = [
  sign(
    'cash tendered',
    1.0,
    /\b(cash|tunai|tendered|efectivo|especes|bar|contant|contanti|dinheiro)\b/,
    true,
  ),
  sign(
    'change given',
    1.0,
    /\b(change|change due|baki|cambio|vuelto|rendu|ruckgeld|wisselgeld|resto|troco)\b/,
    true,
  ),
  sign('cash rounding', 0.8, /\bround(ing)? ?adj|rounding|penggenapan|redondeo/),
  sign(
    'card payment',
    0.4,
    /\b(visa|master ?card|amex|debit card|credit card|contactless|e-?wallet|grab ?pay|boost|touch ?n ?go|payment mode|payment method|paid by|forma de pago|zahlungsart|mode de paiement)\b/,
  ),
  sign(
    'a cashier or till',
    0.9,
    /\b(cashier|cashier#|operator|counter|till|terminal|pos\b|register|table|waiter|server|pax|caja|cajero|kasse|kassier|caisse|cassa)\b/,
  ),
  sign(
    'a thank-you',
    0.9,
    /thank ?you|thanks|feedback|terima kasih|come again|gracias|merci|danke|bedankt|grazie|obrigad|goods sold are not (returnable|refundable)|no refund/,
  ),
  sign(
    'a receipt title',
    1.2,
    /\b(receipt|cash bill|cash sale|simplified tax invoice|simplified invoice|official receipt|kassenbon|ticket|boleta|factura simplificada|tiquete|scontrino|recu|kassabon|cupom)\b/,
  ),
  sign(
    'item and quantity counts',
    0.5,
    /\b(total qty|qty\(?s?\)?|item\(?s\)?|no\.? of items?|total items?)\b\s*(?::\s*)?\d/,
  ),
  sign(
    'a bill-to block',
    -1.6,
    /\b(bill to|billed to|invoice to|sold to|ship to|deliver to|customer name|client|cliente|facturar a|rechnungsempfanger|factureren aan|attention|attn)\b/,
  ),
  sign(
    'a due date or terms',
    -1.8,
    /\b(due date|payment due|date due|pay by|payment terms|terms:|net \d{2}|vencimiento|fallig|echeance|vervaldatum|scadenza|vencimento)\b/,
  ),
  sign(
    'bank details',
    -1.5,
    /\b(iban|swift|bic|sort code|account no|bank account|routing|cuenta|bankverbindung|rekeningnummer)\b/,
  ),
  sign(
    'an order reference',
    -0.6,
    /\b(purchase order|p\.?o\.? (no|number)|your ref|order no|pedido)\b/,
  ),
];

/** A clock time: a till prints it beside the sale's date; an invoice rarely does. */
const TIME = /\b\d{1,2}:\d{2}\b/;

export interface ReceiptEvidence {
  /** Sum of the signs' log-odds: > 0 leans receipt, < 0 leans invoice. */
  logOdds: number;
  /** The signs seen, in words. */
  signs: string[];
}

/** The signs of a till receipt (and of an invoice) on the page, each counted once. */
export function receiptEvidence(doc: DocumentText): ReceiptEvidence {
  const seen = new Set<Sign>();
  for (const line of doc.lines) {
    for (const s of SIGNS) {
      if (seen.has(s) || !s.pattern.test(line.folded)) continue;
      const next = doc.lines[line.index + 1];
      // `CASH` over `RM 170.00`: the amount may be on the line below
      if (
        s.withAmount &&
        amountsIn(doc, line).length === 0 &&
        !(next && amountsIn(doc, next).length > 0)
      )
        continue;
      seen.add(s);
    }
  }
  const signs = [...seen].map((s) => s.name);
  let logOdds = [...seen].reduce((sum, s) => sum + s.weight, 0);
  if (doc.lines.some((l) => TIME.test(l.text) && datesIn(doc, l).length > 0)) {
    logOdds += 0.6;
    signs.push('a time beside the date');
  }
  return { logOdds: Math.round(logOdds * 100) / 100, signs };
}
