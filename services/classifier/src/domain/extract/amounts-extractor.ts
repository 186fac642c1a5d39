import { amountsAgree } from '../normalise/amount';
import type { DocumentText } from './document-text';
import { fromToken, type Fields, type Tables } from './field-set';
import {
  findLabels,
  labelledValues,
  labelsOnLine,
  readAmount,
  valueRegions,
  withoutOverlaps,
  type Found,
} from './label-values';
import { amountsIn } from './tokens';

export interface TaxLine {
  rate?: number;
  amount: Found<number>;
  withholding: boolean;
}

/** Lines naming a tax (VAT, IVA, IGV, sales tax, withholding) with their rate and amount. */
export function findTaxLines(doc: DocumentText): TaxLine[] {
  const hits = withoutOverlaps(doc, findLabels(doc, 'tax'), ['taxId', 'total', 'subtotal']);
  const lines = new Map<number, TaxLine>();
  for (const hit of hits) {
    if (lines.has(hit.line.index)) continue;
    if (/\d{5,}/.test(hit.line.text)) continue;
    const region = valueRegions(doc, hit)[0];
    if (!region || region.line !== hit.line) continue;
    const rest = hit.line.numeric.slice(hit.from);
    const rate = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/.exec(rest);
    const amounts = amountsIn(doc, hit.line, hit.to).filter(
      (a) =>
        !rate ||
        a.from > hit.from + rate.index + rate[0].length - 1 ||
        a.to <= hit.from + rate.index,
    );
    const last = amounts[amounts.length - 1];
    if (!last) continue;
    const withholding = labelsOnLine(doc, 'withholding', hit.line).length > 0;
    lines.set(hit.line.index, {
      ...(rate ? { rate: Number(rate[1]!.replace(',', '.')) * (withholding ? -1 : 1) } : {}),
      amount: {
        ...last,
        value: withholding ? -Math.abs(last.value) : last.value,
        line: hit.line,
        hit,
        score: hit.weight,
      },
      withholding,
    });
  }
  return withoutTaxSum([...lines.values()]);
}

/**
 * `TVA 20 % … 16,38`, `TVA 5,5 % … 29,87`, `Total taxes 46,25`: a line that is the sum of the other
 * tax lines (two or more) is their total, not one more tax.
 */
function withoutTaxSum(lines: TaxLine[]): TaxLine[] {
  if (lines.length < 3) return lines;
  const total = lines.reduce((sum, t) => sum + t.amount.value, 0);
  const sum = lines.find((t) => amountsAgree(total - t.amount.value, t.amount.value));
  return sum ? lines.filter((t) => t !== sum) : lines;
}

export interface Totals {
  fields: Fields;
  tables: Tables;
  consistent: boolean;
}

/**
 * Subtotal, tax lines and total chosen together: among the labelled candidates, the combination
 * where subtotal + taxes = total wins over a higher-scored but inconsistent one. Line items, when
 * present, confirm the subtotal. Confidence reflects whether the arithmetic closed.
 */
export function extractTotals(doc: DocumentText, lineSum?: number): Totals {
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
      !subtotals.some((s) => s.line === t.amount.line) &&
      !totals.some((s) => s.line === t.amount.line && s.score >= 0.85),
  );
  const taxSum = Math.round(taxLines.reduce((a, t) => a + t.amount.value, 0) * 100) / 100;
  const vat =
    Math.round(
      taxLines.filter((t) => !t.withholding).reduce((a, t) => a + t.amount.value, 0) * 100,
    ) / 100;
  let best: { s?: Found<number>; t: Found<number>; score: number; consistent: boolean } | undefined;
  const subtotalOptions: (Found<number> | undefined)[] = subtotals.length ? subtotals : [undefined];
  for (const t of totals) {
    for (const s of subtotalOptions) {
      const base = s?.value ?? lineSum;
      const consistent =
        base !== undefined && taxLines.length > 0
          ? amountsAgree(base + taxSum, t.value)
          : base !== undefined && amountsAgree(base, t.value) && taxLines.length === 0;
      const lineBonus = s && lineSum !== undefined && amountsAgree(s.value, lineSum) ? 0.3 : 0;
      const later = (t.line.index / Math.max(1, doc.lines.length)) * 0.05;
      const score = t.score + (s?.score ?? 0) * 0.5 + (consistent ? 2 : 0) + lineBonus + later;
      if (!best || score > best.score) best = { ...(s ? { s } : {}), t, score, consistent };
    }
  }
  const fields: Fields = {};
  const tables: Tables = {};
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
  if (taxLines.length > 0) {
    const first = taxLines.find((t) => !t.withholding) ?? taxLines[0]!;
    fields.taxAmount = {
      ...fromToken(doc, first.amount.line, first.amount, best?.consistent ? 0.95 : 0.7),
      value: vat,
    };
    tables.taxLines = taxLines.map((t) => ({
      ...(t.rate !== undefined ? { rate: { value: t.rate, confidence: 0.9 } } : {}),
      amount: fromToken(doc, t.amount.line, t.amount, best?.consistent ? 0.95 : 0.7),
    }));
  }
  return { fields, tables, consistent: best?.consistent ?? false };
}
