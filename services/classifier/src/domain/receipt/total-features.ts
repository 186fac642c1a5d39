import type { DocumentText } from '../extract/document-text';
import type { AmountRole } from './amount-labels';
import type { AmountCandidate } from './amount-candidates';

const near = (a: number, b: number) => Math.abs(a - b) < 0.005;

const ROLES_HERE: AmountRole[] = [
  'totalStrong',
  'rounded',
  'total',
  'subtotal',
  'tax',
  'payment',
  'change',
  'discount',
  'rounding',
  'quantity',
  'unitPrice',
  'points',
];
const ROLES_ABOVE: AmountRole[] = ['totalStrong', 'total', 'subtotal', 'tax', 'payment', 'change'];

/** The names of the scorer's features, in the order of `totalFeatures`' vector. */
export const TOTAL_FEATURES: readonly string[] = [
  'bias',
  ...ROLES_HERE.map((r) => `left.${r}`),
  ...ROLES_HERE.map((r) => `line.${r}`),
  ...ROLES_ABOVE.map((r) => `above.${r}`),
  'unlabelled',
  'position',
  'lowerHalf',
  'rightmost',
  'tableRow',
  'cents',
  'currency',
  'negative',
  'smallWhole',
  'magnitude',
  'largest',
  'largestUnpaid',
  'repeated',
  'subtotalPlusTax',
  'cashMinusChange',
  'equalsPaid',
  'roundedFrom',
  'roundsTo',
  'sumOfItems',
];

/**
 * Whether `c` is a total ± a rounding printed above it (`after`: `c` is the rounded total), or the
 * total that a rounding below it turns into another (`!after`: `c` is the unrounded one).
 */
function roundedFrom(
  c: AmountCandidate,
  totals: readonly AmountCandidate[],
  roundings: readonly AmountCandidate[],
  after: boolean,
): boolean {
  return roundings.some((r) =>
    totals.some(
      (t) =>
        t !== c &&
        !near(t.value, c.value) &&
        (after ? t.at.index < c.at.index : t.at.index > c.at.index) &&
        (near(t.value + r.value, c.value) || near(t.value - r.value, c.value)),
    ),
  );
}

const is = (c: AmountCandidate, role: AmountRole) => c.left.has(role) || c.line.has(role);
const paidOrChange = (c: AmountCandidate) =>
  is(c, 'payment') || is(c, 'change') || is(c, 'points') || is(c, 'discount');

/**
 * One feature vector per candidate: its labels (same line, left of it or anywhere before it on
 * the line; the line above), its place on the page and in its row, its format, its size among the
 * page's amounts, how often it is printed, and the arithmetic it takes part in (subtotal + tax,
 * cash − change, rounding, the sum of the item rows above it).
 */
export function totalFeatures(
  doc: DocumentText,
  candidates: readonly AmountCandidate[],
): number[][] {
  const lines = Math.max(1, doc.lines.length - 1);
  const positive = candidates.filter((c) => !c.negative && c.value > 0);
  const max = Math.max(0, ...positive.map((c) => c.value));
  const maxUnpaid = Math.max(0, ...positive.filter((c) => !paidOrChange(c)).map((c) => c.value));
  // at most 20 of each role: the arithmetic below is a product of these lists
  const withRole = (role: AmountRole) =>
    candidates.filter((c) => is(c, role) && c.value > 0).slice(0, 20);
  const subtotals = withRole('subtotal');
  const taxes = withRole('tax');
  const payments = withRole('payment');
  const changes = withRole('change');
  const roundings = withRole('rounding').filter((c) => c.value < 1);
  const totals = candidates.filter((c) => is(c, 'total') && !is(c, 'rounding')).slice(0, 20);
  // the item rows: two or more amounts and no label that names a role
  let itemSum = 0;
  const sumBefore = new Map<AmountCandidate, number>();
  for (const c of candidates) {
    sumBefore.set(c, itemSum);
    if (c.rightmost && c.onLine >= 2 && c.line.size === 0) itemSum += c.value;
  }
  return candidates.map((c) => {
    const labelled = c.left.size + c.line.size + c.above.size > 0;
    const position = c.at.index / lines;
    const repeats = positive.filter((o) => o !== c && near(o.value, c.value)).length;
    const sum = sumBefore.get(c)!;
    return [
      1,
      ...ROLES_HERE.map((r) => (c.left.has(r) ? 1 : 0)),
      ...ROLES_HERE.map((r) => (c.line.has(r) ? 1 : 0)),
      ...ROLES_ABOVE.map((r) => (c.above.has(r) ? 1 : 0)),
      labelled ? 0 : 1,
      position,
      position >= 0.5 ? 1 : 0,
      c.rightmost ? 1 : 0,
      c.onLine >= 3 ? 1 : 0,
      c.cents ? 1 : 0,
      c.currency ? 1 : 0,
      c.negative ? 1 : 0,
      !c.cents && Number.isInteger(c.value) && c.value < 100 ? 1 : 0,
      max > 0 ? c.value / max : 0,
      near(c.value, max) ? 1 : 0,
      near(c.value, maxUnpaid) ? 1 : 0,
      Math.min(3, repeats) / 3,
      subtotals.some(
        (s) => s !== c && taxes.some((t) => t !== c && t !== s && near(s.value + t.value, c.value)),
      )
        ? 1
        : 0,
      payments.some((p) => changes.some((ch) => ch.value > 0 && near(p.value - ch.value, c.value)))
        ? 1
        : 0,
      payments.some((p) => p !== c && near(p.value, c.value)) ? 1 : 0,
      roundedFrom(c, totals, roundings, true) ? 1 : 0,
      roundedFrom(c, totals, roundings, false) ? 1 : 0,
      sum > 0 && near(sum, c.value) ? 1 : 0,
    ];
  });
}
