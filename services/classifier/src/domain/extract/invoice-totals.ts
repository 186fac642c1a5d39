import { amountsAgree } from '../normalise/amount';
import { findTaxLines, type TaxLine, type Totals } from './amounts-extractor';
import type { DocumentText } from './document-text';
import { fromToken, type Fields, type Tables } from './field-set';
import { labelledValues, readAmount, type Found } from './label-values';
import { amountsIn } from './tokens';

/** One reading of an invoice's tax: some of its tax lines, and their sum. */
interface TaxOption {
  lines: TaxLine[];
  value: number;
  /** How much the reading is worth before the arithmetic is checked. */
  prior: number;
}

const cents = (v: number) => Math.round(v * 100) / 100;

/**
 * The readings of the tax: every tax line together (per-rate lines of a tax table), each line
 * alone (a labelled `Steuerbetrag`, `Total taxes` beside per-line `19 % VAT (S)` cells), or none
 * (an intra-community or exempt invoice whose `0 %` lines were not read).
 */
function taxOptions(lines: TaxLine[]): TaxOption[] {
  const options: TaxOption[] = [];
  if (lines.length > 0)
    options.push({
      lines,
      value: cents(lines.reduce((a, t) => a + t.amount.value, 0)),
      prior: 0.3,
    });
  if (lines.length > 1)
    for (const line of lines)
      options.push({ lines: [line], value: line.amount.value, prior: 0.2 * line.amount.score });
  // no tax only where no tax line says otherwise (none read, or one reads 0)
  if (lines.length === 0 || lines.some((t) => t.amount.value === 0))
    options.push({ lines: [], value: 0, prior: lines.length === 0 ? 0.3 : 0 });
  return options;
}

interface Choice {
  s?: Found<number>;
  t: Found<number>;
  tax: TaxOption;
  score: number;
  consistent: boolean;
}

/**
 * An invoice's subtotal, tax and total decided together: among the labelled totals (`Bruttosumme`,
 * `Zahlbetrag`), subtotals and the readings of the tax, the combination where subtotal + tax =
 * total wins over higher-scored inconsistent ones; the line items' sum stands in for a missing
 * subtotal and confirms a found one. So a `Zahlbetrag` after a prepayment (`Erhaltene Anzahlungen`)
 * loses to the gross total that closes, and per-line `VAT (S)` cells lose to the labelled tax
 * amount. Confidence says whether the arithmetic closed.
 */
export function decideInvoiceTotals(doc: DocumentText, lineSum?: number): Totals {
  const subtotals = labelledValues(doc, 'subtotal', readAmount, ['total', 'tax', 'taxId']).slice(
    0,
    4,
  );
  const totals = labelledValues(doc, 'total', readAmount, [
    'subtotal',
    'tax',
    'gross',
    'net',
  ]).slice(0, 6);
  const taxLines = findTaxLines(doc).filter(
    (t) =>
      // `1  Kfz-Haftpflicht  67,22  1 Stk  0 % VAT (E)  80,00`: a line item's tax cell, with
      // amounts before it, is not a tax line
      amountsIn(doc, t.amount.hit.line, 0, t.amount.hit.from).length === 0 &&
      !subtotals.some((s) => s.line === t.amount.line) &&
      !totals.some((s) => s.line === t.amount.line && s.score >= 0.85),
  );
  const options = taxOptions(taxLines);
  let best: Choice | undefined;
  const subtotalOptions: (Found<number> | undefined)[] = [...subtotals, undefined];
  for (const t of totals) {
    for (const s of subtotalOptions) {
      // one amount read as both subtotal and total (`Summe` over a column) proves nothing
      if (s && s.line === t.line && s.from === t.from) continue;
      const base = s?.value ?? lineSum;
      for (const tax of options) {
        const consistent =
          base !== undefined &&
          !(tax.lines.length === 0 && s === undefined && lineSum === undefined)
            ? amountsAgree(base + tax.value, t.value) && (tax.lines.length > 0 || base !== 0)
            : false;
        const lineBonus = s && lineSum !== undefined && amountsAgree(s.value, lineSum) ? 0.3 : 0;
        const later = (t.line.index / Math.max(1, doc.lines.length)) * 0.05;
        const score =
          t.score + (s?.score ?? 0) * 0.5 + (consistent ? 2 : 0) + lineBonus + later + tax.prior;
        if (!best || score > best.score) best = { ...(s ? { s } : {}), t, tax, score, consistent };
      }
    }
  }
  const fields: Fields = {};
  const tables: Tables = {};
  const chosen = best?.consistent ? best.tax : options[0]!;
  if (best) {
    const conf = best.consistent ? 0.97 : Math.min(0.75, best.t.score * 0.8);
    fields.total = fromToken(doc, best.t.line, best.t, conf);
    if (best.s)
      fields.subtotal = fromToken(
        doc,
        best.s.line,
        best.s,
        best.consistent ? 0.97 : best.s.score * 0.8,
      );
  }
  const kept = chosen.lines;
  if (kept.length > 0) {
    const first = kept.find((t) => !t.withholding) ?? kept[0]!;
    const vat = cents(kept.filter((t) => !t.withholding).reduce((a, t) => a + t.amount.value, 0));
    fields.taxAmount = {
      ...fromToken(doc, first.amount.line, first.amount, best?.consistent ? 0.95 : 0.7),
      value: vat,
    };
    tables.taxLines = kept.map((t) => ({
      ...(t.rate !== undefined ? { rate: { value: t.rate, confidence: 0.9 } } : {}),
      amount: fromToken(doc, t.amount.line, t.amount, best?.consistent ? 0.95 : 0.7),
    }));
  } else if (best?.consistent && best.s) {
    // subtotal = total and no tax read: an exempt or intra-community invoice, tax 0 (derived:
    // nothing on the page to point at)
    fields.taxAmount = { value: 0, confidence: 0.9 };
  }
  return { fields, tables, consistent: best?.consistent ?? false };
}
