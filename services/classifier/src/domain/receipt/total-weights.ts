/**
 * The receipt total scorer's weights, one per feature of `TOTAL_FEATURES` (same order), written by
 * `npm run train:receipt-total` (generated receipts and SROIE, gold and OCR text).
 * Do not edit by hand: retrain.
 */
export const TOTAL_WEIGHTS: readonly number[] = [
  0, // bias
  1.251, // left.totalStrong
  0.135, // left.rounded
  0.553, // left.total
  -0.965, // left.subtotal
  -0.307, // left.tax
  0.463, // left.payment
  -0.002, // left.change
  -0.286, // left.discount
  0.213, // left.rounding
  -0.484, // left.quantity
  -0.162, // left.unitPrice
  -0.104, // left.points
  1.198, // line.totalStrong
  0.135, // line.rounded
  0.476, // line.total
  -0.761, // line.subtotal
  -0.492, // line.tax
  0.435, // line.payment
  -0.004, // line.change
  -0.262, // line.discount
  0.213, // line.rounding
  -0.5, // line.quantity
  -0.403, // line.unitPrice
  -0.104, // line.points
  0.148, // above.totalStrong
  0.149, // above.total
  0.067, // above.subtotal
  -0.002, // above.tax
  0.278, // above.payment
  -0.001, // above.change
  -0.554, // unlabelled
  0.547, // position
  0.551, // lowerHalf
  0.942, // rightmost
  -0.617, // tableRow
  1.11, // cents
  0.705, // currency
  -0.178, // negative
  -0.703, // smallWhole
  -0.002, // magnitude
  -0.055, // largest
  -0.027, // largestUnpaid
  0.303, // repeated
  1.69, // subtotalPlusTax
  2.083, // cashMinusChange
  1.717, // equalsPaid
  0.509, // roundedFrom
  -0.048, // roundsTo
  0.516, // sumOfItems
];
