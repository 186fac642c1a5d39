/** One document's candidates for the scorer: feature vectors and which print the true total. */
export interface ScorerExample {
  features: number[][];
  correct: boolean[];
  /** How much this document counts in the loss (real receipts more than generated ones). */
  weight: number;
}

export interface FitOptions {
  iterations: number;
  /** L2 penalty on every weight but the bias. */
  l2: number;
  learningRate: number;
}

export const FIT_DEFAULTS: FitOptions = { iterations: 600, l2: 0.01, learningRate: 0.05 };

/**
 * Fits the total scorer: a conditional logit (softmax over one document's candidates) whose loss is
 * −log of the probability summed over the candidates printing the true value, L2-regularised,
 * minimised by full-batch Adam. Documents whose total is printed nowhere teach nothing and are
 * left out.
 */
export function fitTotalScorer(
  examples: readonly ScorerExample[],
  dimensions: number,
  options: FitOptions = FIT_DEFAULTS,
): number[] {
  const usable = examples.filter((e) => e.correct.some(Boolean));
  const w = new Array<number>(dimensions).fill(0);
  const m = new Array<number>(dimensions).fill(0);
  const v = new Array<number>(dimensions).fill(0);
  const totalWeight = usable.reduce((s, e) => s + e.weight, 0) || 1;
  for (let step = 1; step <= options.iterations; step += 1) {
    const grad = w.map((wi, i) => (i === 0 ? 0 : options.l2 * wi));
    for (const e of usable) {
      const scores = e.features.map((f) => f.reduce((s, x, i) => s + x * w[i]!, 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const norm = exp.reduce((a, b) => a + b, 0);
      const right = exp.reduce((a, x, i) => a + (e.correct[i] ? x : 0), 0);
      e.features.forEach((f, i) => {
        const p = exp[i]! / norm;
        const q = e.correct[i] ? exp[i]! / right : 0;
        const g = ((p - q) * e.weight) / totalWeight;
        if (g !== 0) f.forEach((x, j) => (grad[j]! += g * x));
      });
    }
    for (let j = 0; j < dimensions; j += 1) {
      m[j] = 0.9 * m[j]! + 0.1 * grad[j]!;
      v[j] = 0.999 * v[j]! + 0.001 * grad[j]! ** 2;
      const mh = m[j]! / (1 - 0.9 ** step);
      const vh = v[j]! / (1 - 0.999 ** step);
      w[j]! -= (options.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w.map((x) => Math.round(x * 1000) / 1000);
}
