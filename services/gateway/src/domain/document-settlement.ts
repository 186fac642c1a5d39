import type { AnyEvent } from '@docflow/contracts';
import type { DocumentRecord, DocumentStatus } from '@docflow/documents';

/** The final states the pipeline itself reaches (cancelling is a person's act, not an outcome). */
export const SETTLEMENT_OUTCOMES = ['published', 'needs_review', 'rejected', 'failed'] as const;
export type SettlementOutcome = (typeof SETTLEMENT_OUTCOMES)[number];

export interface Settlement {
  outcome: SettlementOutcome;
  /** The classified type, or `none` when the document never got one (rejected, failed early). */
  docType: string;
  /** From the upload (`createdAt`) to the event that settled the document. */
  seconds: number;
}

const isOutcome = (status: DocumentStatus): status is SettlementOutcome =>
  (SETTLEMENT_OUTCOMES as readonly DocumentStatus[]).includes(status);

const SETTLED: readonly DocumentStatus[] = [...SETTLEMENT_OUTCOMES, 'cancelled'];

/**
 * The document's first settlement, when `event` is what caused it: the first timeline entry that
 * moved the document to a final state. Anything later (a review's publication, a retry's new
 * attempt, a new revision) answers null, so each document settles once; so does an event that
 * settled nothing. The type comes from the event when it carries one: a publication can reach the
 * tracker before the classification it follows.
 */
export function firstSettlement(record: DocumentRecord, event: AnyEvent): Settlement | null {
  const first = record.timeline.find((entry) => entry.applied && SETTLED.includes(entry.status));
  if (!first || first.eventId !== event.eventId || !isOutcome(first.status)) return null;
  const carried =
    event.type === 'document.published' || event.type === 'document.needs_review'
      ? event.payload.docType
      : undefined;
  return {
    outcome: first.status,
    docType: carried ?? record.result?.docType ?? 'none',
    seconds: Math.max(0, (first.at.getTime() - record.createdAt.getTime()) / 1000),
  };
}
