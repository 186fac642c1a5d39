import { documentError, type DocumentStore } from '@docflow/documents';
import { next, type EventHandler } from '@docflow/platform';
import type { DeliveryLog } from '../adapters/delivery-log';
import type { RecordStore } from '../adapters/record-store';
import { mapRecords } from '../domain/map-records';

export interface ClassifiedDeps {
  documents: DocumentStore;
  records: RecordStore;
  deliveries: DeliveryLog;
  /** Called after deliveries were enqueued (wakes the dispatcher). */
  onEnqueued?: () => void;
}

/**
 * document.classified → canonical records (a new revision) → document.published.
 *
 * 1. Claims the publication through the document state machine, scoped to the event's tenant: a
 *    cancelled or rejected document is dropped (no records, no event), a claimed one can no longer
 *    be cancelled, and an event naming another tenant is refused (TENANT_MISMATCH). The claim is
 *    the handler's first read and first write, so this consumer needs no document gate before it.
 * 2. Maps the classification to its records and checks them against their schemas.
 * 3. Takes a revision number keyed by (document, revision); a redelivery finds its own revision.
 * 4. Writes the latest revision's records (upserts by deterministic ids) and removes records an
 *    earlier revision had and this one has not.
 * 5. Enqueues webhook deliveries (rows only; the dispatcher sends them).
 */
export function createClassifiedHandler(deps: ClassifiedDeps): EventHandler<'document.classified'> {
  return async (event, ctx) => {
    const documentId = event.documentId!;
    const claim = await claimPublication(deps.documents, documentId, event.tenantId);
    if (claim.decision.outcome === 'refused') {
      ctx.logger.info(
        { code: claim.decision.code, status: claim.record.status },
        'document not publishable; dropped',
      );
      return;
    }
    const records = mapRecords({
      tenantId: event.tenantId,
      documentId,
      eventId: event.eventId,
      payload: event.payload,
    });
    const assigned = await deps.records.assignRevision({
      tenantId: event.tenantId,
      documentId,
      docType: event.payload.docType,
      eventId: event.eventId,
      occurredAt: new Date(event.occurredAt),
      records,
    });
    if (assigned.outcome === 'stale') {
      ctx.logger.info(
        { latestRevision: assigned.latest.revision },
        'a later classification is already published; dropped',
      );
      return;
    }
    const { revision, refs, docType } = assigned.revision;
    await deps.records.writeLatest(documentId, assigned.latest);
    const payload = { docType, records: refs, revision };
    const subscribed = await deps.deliveries.enqueue({
      tenantId: event.tenantId,
      documentId,
      event: 'document.published',
      key: `r${revision}`,
      data: payload,
    });
    if (subscribed > 0) deps.onEnqueued?.();
    ctx.logger.info({ revision, records: refs.length, docType }, 'document published');
    return next('document.published', payload);
  };
}

async function claimPublication(documents: DocumentStore, documentId: string, tenantId: string) {
  try {
    return await documents.execute(
      documentId,
      { kind: 'claim_publication', by: 'publisher' },
      { tenantId },
    );
  } catch (err) {
    // the scoped store answers another tenant's document like a missing one: tell them apart
    if (
      (err as { code?: string }).code === 'DOCUMENT_NOT_FOUND' &&
      (await documents.getById(documentId))
    )
      throw documentError(
        'TENANT_MISMATCH',
        `document ${documentId} does not belong to tenant ${tenantId}`,
      );
    throw err;
  }
}
