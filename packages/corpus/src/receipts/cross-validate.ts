import { scoreCandidates, valueProbabilities } from '@docflow/classifier/domain/receipt';
import { fitTotalScorer, type FitOptions, FIT_DEFAULTS } from './fit-total-scorer';
import type { BuiltExample } from './scorer-examples';

/** One held-out decision: the probability of the chosen value and whether it was the total. */
export interface HeldOutChoice {
  set: string;
  probability: number;
  right: boolean;
}

/** The chosen value and its probability under some weights (undefined: nothing printed). */
export function choose(
  e: Pick<BuiltExample, 'features' | 'values'>,
  weights: readonly number[],
): { value: number; probability: number } | undefined {
  const candidates = e.values.map((value) => ({ value }));
  const ranked = valueProbabilities(candidates, scoreCandidates(e.features, weights));
  return ranked[0];
}

/**
 * k-fold cross-validation grouped by merchant: each fold's merchants are held out together (all
 * their receipts, every text source), the scorer is fitted on the rest plus the always-trained
 * examples, and the held-out receipts are decided by it.
 */
export function crossValidate(
  grouped: { group: string; set: string; example: BuiltExample }[],
  alwaysTrained: readonly BuiltExample[],
  folds: number,
  dimensions: number,
  options: FitOptions = FIT_DEFAULTS,
): HeldOutChoice[] {
  const groups = [...new Set(grouped.map((g) => g.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out: HeldOutChoice[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const train = grouped.filter((g) => foldOf.get(g.group) !== fold).map((g) => g.example);
    const weights = fitTotalScorer([...train, ...alwaysTrained], dimensions, options);
    for (const g of grouped.filter((x) => foldOf.get(x.group) === fold)) {
      const chosen = choose(g.example, weights);
      out.push({
        set: g.set,
        probability: chosen?.probability ?? 0,
        right: !!chosen && Math.abs(chosen.value - g.example.total) < 0.005,
      });
    }
  }
  return out;
}
