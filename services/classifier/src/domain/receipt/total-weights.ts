/**
 * The receipt total scorer's weights, one per feature of `TOTAL_FEATURES` (same order), written by
 * `npm run train:receipt-total` (generated receipts and SROIE, gold and OCR text).
 * Do not edit by hand: retrain.
 */
export const TOTAL_WEIGHTS: readonly number[] = [
  0, // bias
  1.271, // left.totalStrong
  0.136, // left.rounded
  0.571, // left.total
  -0.964, // left.subtotal
  -0.309, // left.tax
  0.461, // left.payment
  -0.003, // left.change
  -0.286, // left.discount
  0.213, // left.rounding
  -0.483, // left.quantity
  -0.163, // left.unitPrice
  -0.104, // left.points
  1.178, // line.totalStrong
  0.136, // line.rounded
  0.455, // line.total
  -0.76, // line.subtotal
  -0.492, // line.tax
  0.434, // line.payment
  -0.004, // line.change
  -0.262, // line.discount
  0.213, // line.rounding
  -0.499, // line.quantity
  -0.393, // line.unitPrice
  -0.104, // line.points
  0.149, // above.totalStrong
  0.149, // above.total
  0.066, // above.subtotal
  0, // above.tax
  0.273, // above.payment
  -0.001, // above.change
  -0.533, // unlabelled
  0.555, // position
  0.559, // lowerHalf
  0.948, // rightmost
  -0.621, // tableRow
  1.108, // cents
  0.732, // currency
  -0.179, // negative
  -0.705, // smallWhole
  -0.002, // magnitude
  -0.056, // largest
  -0.028, // largestUnpaid
  0.304, // repeated
  1.687, // subtotalPlusTax
  2.082, // cashMinusChange
  1.717, // equalsPaid
  0.508, // roundedFrom
  -0.048, // roundsTo
  0.517, // sumOfItems
];
