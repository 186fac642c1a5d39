import { randomUUID } from 'node:crypto';
import { eventCatalog, type AnyEvent, type EventType, type PayloadOf } from '@docflow/contracts';

/** An event about a document, as the stage that produces it would publish it. */
export function documentEvent<T extends EventType>(
  doc: { id: string; tenantId: string },
  type: T,
  payload: PayloadOf<T>,
  attempt = 1,
): AnyEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: eventCatalog[type].version,
    occurredAt: new Date().toISOString(),
    tenantId: doc.tenantId,
    documentId: doc.id,
    correlationId: doc.id,
    causationId: null,
    attempt,
    payload,
  } as AnyEvent;
}
