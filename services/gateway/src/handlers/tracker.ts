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
  const oneAtATime = createKeyedQueue();
  const track: EventHandler<EventType> = async (event, ctx) => {
    const e = event as AnyEvent;
    const documentId = e.documentId;
    if (!documentId) return;
    try {
      // a document's events, one after another in this replica: at once they would only race
      // for the same version, and the losers read and write again
      const { decision, record } = await oneAtATime(documentId, () =>
        deps.documents.execute(documentId, { kind: 'event', event: e }, { tenantId: e.tenantId }),
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
        if (await deps.documents.getById(documentId))
          throw permanentError(
            'TENANT_MISMATCH',
            `document ${documentId} does not belong to tenant ${e.tenantId}`,
          );
        // The record may not be written yet (its writer died and the outbox sweep will create it).
        throw transientError('DOCUMENT_NOT_YET_KNOWN', `no record yet for document ${documentId}`);
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

/** Runs the work given for one key after the work given before it for that key has finished. */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
