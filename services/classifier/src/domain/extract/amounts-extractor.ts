import { amountsAgree } from '../normalise/amount';
import type { DocumentText } from './document-text';
import type { Fields, Tables } from './field-set';
import {
  findLabels,
  labelsOnLine,
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
