/**
 * The receipt total scorer's weights, one per feature of `TOTAL_FEATURES` (same order), written by
 * `npm run train:receipt-total` (generated receipts and SROIE, gold and OCR text).
 * Do not edit by hand: retrain.
 */
export const TOTAL_WEIGHTS: readonly number[] = [
  0, // bias
  1.268, // left.totalStrong
  0.13, // left.rounded
  0.533, // left.total
  -0.965, // left.subtotal
  -0.37, // left.tax
  0.437, // left.payment
  -0.049, // left.change
  -0.279, // left.discount
  0.211, // left.rounding
  -0.456, // left.quantity
  -0.166, // left.unitPrice
  -0.097, // left.points
  1.159, // line.totalStrong
  0.13, // line.rounded
  0.399, // line.total
  -0.774, // line.subtotal
  -0.571, // line.tax
  0.41, // line.payment
  -0.05, // line.change
  -0.257, // line.discount
  0.211, // line.rounding
  -0.476, // line.quantity
  -0.366, // line.unitPrice
  -0.097, // line.points
  0.138, // above.totalStrong
  0.138, // above.total
  0.063, // above.subtotal
  0.002, // above.tax
  0.211, // above.payment
  -0.004, // above.change
  -0.329, // unlabelled
  0.671, // position
  0.674, // lowerHalf
  1.02, // rightmost
  -0.672, // tableRow
  1.153, // cents
  0.915, // currency
  -0.199, // negative
  -0.746, // smallWhole
  0, // magnitude
  -0.045, // largest
  0.012, // largestUnpaid
  0.443, // repeated
  1.721, // subtotalPlusTax
  2.211, // cashMinusChange
  1.799, // equalsPaid
  0.489, // roundedFrom
  -0.038, // roundsTo
  0.555, // sumOfItems
];
