import type { DocumentText } from '../extract/document-text';
import { amountCandidates, type AmountCandidate } from './amount-candidates';
import { totalFeatures, TOTAL_FEATURES } from './total-features';
import { TOTAL_WEIGHTS } from './total-weights';

/** A value the total may have, with every place it is printed and the scorer's probability. */
export interface TotalChoice<C extends { value: number } = AmountCandidate> {
  value: number;
  probability: number;
  /** The candidate that scored highest for this value (where the field's span points). */
  best: C;
}

/** Scores of candidates: the dot product of weights and features. */
export function scoreCandidates(
  features: readonly number[][],
  weights: readonly number[],
): number[] {
  return features.map((f) => f.reduce((sum, x, i) => sum + x * (weights[i] ?? 0), 0));
}

/**
 * Probabilities per distinct value: a softmax over the candidates' scores, summed over the
 * candidates printing the same value (a total printed three times is one answer, not three).
 */
export function valueProbabilities<C extends { value: number }>(
  candidates: readonly C[],
  scores: readonly number[],
): TotalChoice<C>[] {
  if (candidates.length === 0) return [];
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const norm = exp.reduce((a, b) => a + b, 0);
  const byValue = new Map<string, TotalChoice<C> & { bestScore: number }>();
  candidates.forEach((c, i) => {
    const key = c.value.toFixed(2);
    const p = exp[i]! / norm;
    const seen = byValue.get(key);
    if (!seen) byValue.set(key, { value: c.value, probability: p, best: c, bestScore: scores[i]! });
    else {
      seen.probability += p;
      if (scores[i]! > seen.bestScore) Object.assign(seen, { best: c, bestScore: scores[i]! });
    }
  });
  return [...byValue.values()]
    .map(({ value, probability, best }) => ({ value, probability, best }))
    .sort((a, b) => b.probability - a.probability);
}

/**
 * The receipt's total as a decision over every amount printed: candidates with their features,
 * scored by the learned weights (`total-weights.ts`), best value first with its probability.
 */
export function rankTotals(
  doc: DocumentText,
  weights: readonly number[] = TOTAL_WEIGHTS,
): TotalChoice[] {
  const candidates = amountCandidates(doc);
  return valueProbabilities(candidates, scoreCandidates(totalFeatures(doc, candidates), weights));
}

export { TOTAL_FEATURES };
