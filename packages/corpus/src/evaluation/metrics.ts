/** Counts behind precision and recall: right values, wrong or spurious ones, missed ones. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const round = (v: number, places = 4): number => {
  const scale = 10 ** places;
  return Math.round(v * scale) / scale;
};

/** Precision, recall and F1 of `c` (1 where nothing was predicted or expected), with the counts. */
export function precisionRecall(
  c: Counts,
): Counts & { precision: number; recall: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return {
    precision: round(p),
    recall: round(r),
    f1: round(p + r ? (2 * p * r) / (p + r) : 0),
    ...c,
  };
}

/** A prediction's stated confidence and whether it was right. */
export interface Calibrated {
  confidence: number;
  correct: boolean;
}

/**
 * Expected calibration error: predictions binned by confidence into `bins` equal-width bins over
 * [0, 1] (1.0 falls in the last); the mean over bins of |accuracy − mean confidence| weighted by
 * each bin's share of predictions. 0 is perfectly calibrated; a confident wrong answer raises it.
 */
export function expectedCalibrationError(points: readonly Calibrated[], bins = 10): number {
  if (points.length === 0) return 0;
  const sums = Array.from({ length: bins }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const p of points) {
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(p.confidence * bins)))]!;
    bin.n += 1;
    bin.confidence += p.confidence;
    bin.correct += p.correct ? 1 : 0;
  }
  let error = 0;
  for (const b of sums)
    if (b.n > 0) error += (b.n / points.length) * Math.abs(b.correct / b.n - b.confidence / b.n);
  return round(error);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
