import { amountsAgree } from '../normalise/amount';
import type { DocumentText } from './document-text';
import { fromToken, type Tables } from './field-set';
import { amountsIn } from './tokens';

const HEADER_WORDS = [
  /\b(description|descrlptlon|item|product|detail|concepto|descripcion|detalle|articulo|producto)\b/,
  /\b(qty|quantity|hours|units|cant|cantidad|uds|unidades|horas)\b/,
  /\b(price|rate|unit|precio|tarifa|p\.? ?unitario|unitario)\b/,
  /\b(amount|total|line total|importe|subtotal|valor)\b/,
];
const STOP =
  /\b(subtotal|sub-total|total|base imponible|importe neto|net amount|suma|iva|vat|igv|tax)\b/;

/**
 * Line items under a table header (description / quantity / price / amount in any order). Each row's
 * numbers are matched by arithmetic: quantity × unit price = amount identifies the columns, so the
 * column order and spacing do not matter.
 */
export function extractLineItems(doc: DocumentText): { tables: Tables; sum?: number } {
  const plain = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  const header = doc.lines.find((l) => {
    const text = plain(l.text);
    return HEADER_WORDS.filter((re) => re.test(text)).length >= 3 && amountsIn(doc, l).length === 0;
  });
  if (!header) return { tables: {} };
  const rows: Tables['lineItems'] = [];
  let sum = 0;
  for (const line of doc.lines.slice(header.index + 1)) {
    const text = line.text.trim();
    if (!text || /^[-=_|+ ]+$/.test(text)) {
      if (rows.length > 0 && !text) break;
      continue;
    }
    if (STOP.test(plain(line.text)) && !/[a-z]{4,}.*\d.*\d/i.test(text.slice(0, 3))) {
      if (amountsIn(doc, line).length <= 2 && rows.length > 0) break;
    }
    const numbers = amountsIn(doc, line);
    if (numbers.length < 2) continue;
    const firstNumber = numbers[0]!.from;
    const description = line.text.slice(0, firstNumber).replace(/[|\t]/g, ' ').trim();
    let qty: (typeof numbers)[number] | undefined;
    let unit: (typeof numbers)[number] | undefined;
    let amount = numbers[numbers.length - 1]!;
    let matched = false;
    for (let a = numbers.length - 1; a >= 0 && !matched; a -= 1) {
      for (let i = 0; i < numbers.length && !matched; i += 1) {
        for (let j = 0; j < numbers.length && !matched; j += 1) {
          if (i === j || i === a || j === a) continue;
          if (amountsAgree(numbers[i]!.value * numbers[j]!.value, numbers[a]!.value, 0.011)) {
            const [q, u] =
              Math.abs(numbers[i]!.value) <= Math.abs(numbers[j]!.value) &&
              Number.isInteger(numbers[i]!.value * 2)
                ? [numbers[i]!, numbers[j]!]
                : [numbers[j]!, numbers[i]!];
            qty = q;
            unit = u;
            amount = numbers[a]!;
            matched = true;
          }
        }
      }
    }
    const descText =
      description ||
      line.text
        .slice(numbers[0]!.to, amount.from)
        .replace(/[\d.,\s|]+/g, ' ')
        .trim();
    const conf = matched ? 0.95 : 0.6;
    rows.push({
      description: {
        value: descText,
        confidence: conf * 0.9,
        span: { start: line.start, end: line.start + Math.max(firstNumber, 1) },
      },
      ...(qty ? { quantity: fromToken(doc, line, qty, conf) } : {}),
      ...(unit ? { unitPrice: fromToken(doc, line, unit, conf) } : {}),
      amount: fromToken(doc, line, amount, conf),
    });
    sum += amount.value;
  }
  if (rows.length === 0) return { tables: {} };
  return { tables: { lineItems: rows }, sum: Math.round(sum * 100) / 100 };
}
