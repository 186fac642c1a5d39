import { DocflowError } from '../errors';

/** The reason a document failed for a budget, as findings and failures name it. */
export const BUDGET_EXCEEDED_REASON = 'processing.budget_exceeded';

export interface BudgetBreach {
  /** The stage whose work it was ("classifier"). */
  stage: string;
  /** What the work was ("classification"). */
  activity: string;
  limit: 'time' | 'memory';
  /** The limit's value: ms for time, MB for memory. */
  value: number;
  /** The setting the limit comes from ("CLASSIFIER_BUDGET_MS"). */
  setting: string;
}

/**
 * The permanent BUDGET_EXCEEDED error, e.g. "processing.budget_exceeded: classifier:
 * classification took longer than 10000 ms (CLASSIFIER_BUDGET_MS)".
 */
export function budgetExceeded(breach: BudgetBreach): DocflowError {
  const what =
    breach.limit === 'time'
      ? `took longer than ${breach.value} ms`
      : `needed more than ${breach.value} MB of memory`;
  return new DocflowError(
    'BUDGET_EXCEEDED',
    `${BUDGET_EXCEEDED_REASON}: ${breach.stage}: ${breach.activity} ${what} (${breach.setting})`,
    { transient: false, details: { reason: BUDGET_EXCEEDED_REASON, ...breach } },
  );
}
