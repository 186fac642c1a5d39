import { consumerSpec, type AnyEvent, type EventType } from '@docflow/contracts';
import type { DocumentStore } from '@docflow/documents';
import {
  permanentError,
  transientError,
  type EventHandler,
  type HandlerMap,
} from '@docflow/platform';
import type { DocumentMetrics } from '../adapters/document-metrics';
import { firstSettlement } from '../domain/document-settlement';

/**
 * The tracker: every document event moves the document's record through the state machine
 * (duplicates and late events are the state machine's business). `job.completed` is bound here so
 * it is routable; the scheduler records job runs itself.
 *
 * The tracker sees every final event, so it observes each document's end-to-end latency: when the
 * event it handles is the one that first settled the document (applied here, or by the sweeper
 * before its event arrived). The runtime runs the tracker once per event id across replicas.
 */
export function createTrackerHandlers(deps: {
  documents: DocumentStore;
  metrics: DocumentMetrics;
}): HandlerMap {
  const track: EventHandler<EventType> = async (event, ctx) => {
    const e = event as AnyEvent;
    if (!e.documentId) return;
    try {
      const { decision, record } = await deps.documents.execute(
        e.documentId,
        { kind: 'event', event: e },
        { tenantId: e.tenantId },
      );
      const settlement = firstSettlement(record, e);
      if (settlement) deps.metrics.settled(settlement);
      if (decision.outcome !== 'applied')
        ctx.logger.debug(
          {
            outcome: decision.outcome,
            why: 'reason' in decision ? decision.reason : decision.message,
          },
          'event not applied',
        );
    } catch (err) {
      if ((err as { code?: string }).code === 'DOCUMENT_NOT_FOUND') {
        // another tenant's document: the event is wrong, and waiting will not make it right
        if (await deps.documents.getById(e.documentId))
          throw permanentError(
            'TENANT_MISMATCH',
            `document ${e.documentId} does not belong to tenant ${e.tenantId}`,
          );
        // The record may not be written yet (its writer died and the outbox sweep will create it).
        throw transientError(
          'DOCUMENT_NOT_YET_KNOWN',
          `no record yet for document ${e.documentId}`,
        );
      }
      throw err;
    }
  };
  const handlers: HandlerMap = {};
  for (const type of consumerSpec('tracker').consumes) {
    (handlers as Record<string, EventHandler<EventType>>)[type] =
      type === 'job.completed' ? async () => undefined : track;
  }
  return handlers;
}
