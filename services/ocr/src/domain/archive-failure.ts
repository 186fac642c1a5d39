import { ArchiveError } from '@docflow/archive';
import { BUDGET_EXCEEDED_REASON, permanentError, type DocflowError } from '@docflow/platform';

/**
 * An archive problem as the stage's failure: past a limit, BUDGET_EXCEEDED naming the limit and
 * its setting; otherwise `unreadable` with what could not be read. Other errors pass unchanged.
 */
export function archiveFailure(err: unknown, what: string, unreadable: string): unknown {
  if (!(err instanceof ArchiveError)) return err;
  const { problem } = err;
  if (problem.kind === 'too_large')
    return budgetExceeded(`ocr: ${what} is too large: ${problem.message}`, {
      limit: problem.setting,
      budget: problem.budget,
    });
  return permanentError(unreadable, `the ${what} cannot be opened: ${problem.message}`, {
    cause: err,
  });
}

/**
 * A document past one of the stage's budgets: a permanent failure naming the limit, with the
 * reason every stage's budget failure carries ("processing.budget_exceeded: ocr: …").
 */
export const budgetExceeded = (
  message: string,
  details: { limit: string; budget: number },
): DocflowError =>
  permanentError('BUDGET_EXCEEDED', `${BUDGET_EXCEEDED_REASON}: ${message}`, {
    details: { reason: BUDGET_EXCEEDED_REASON, stage: 'ocr', ...details },
  });
