import type { EventHandler } from '@docflow/platform';
import type { DeliveryLog } from '../adapters/delivery-log';

export interface NeedsReviewDeps {
  deliveries: DeliveryLog;
  onEnqueued?: () => void;
}

/**
 * document.needs_review → webhook deliveries only (no records: nothing is published until a person
 * reviews the document). Keyed by the event id, so a redelivery enqueues nothing new.
 */
export function createNeedsReviewHandler(
  deps: NeedsReviewDeps,
): EventHandler<'document.needs_review'> {
  return async (event, ctx) => {
    const { reason, docType, confidence, modelVersion, candidates, findings } = event.payload;
    const subscribed = await deps.deliveries.enqueue({
      tenantId: event.tenantId,
      documentId: event.documentId!,
      event: 'document.needs_review',
      key: `review-${event.eventId}`,
      data: {
        reason,
        confidence,
        modelVersion,
        candidates,
        findings,
        ...(docType ? { docType } : {}),
      },
    });
    if (subscribed > 0) deps.onEnqueued?.();
    ctx.logger.debug({ subscribed }, 'needs-review webhooks enqueued');
  };
}
