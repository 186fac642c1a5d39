import { createHash, randomUUID } from 'node:crypto';
import { eventCatalog, type AnyEvent, type EventType, type PayloadOf } from '@docflow/contracts';

/** Namespace of ids derived from other ids (UUID v5). */
const DOCFLOW_NAMESPACE = Buffer.from('6f1c1c4e0e7a4c7f9a8b2d3e4f506172', 'hex');

/** A UUID v5 of `name`: the same name always gives the same id. */
export function deriveId(name: string): string {
  const hash = createHash('sha1').update(DOCFLOW_NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What a handler returns: the next event's type and payload; the runtime adds the envelope. */
export interface Outgoing<T extends EventType = EventType> {
  type: T;
  payload: PayloadOf<T>;
  /** Defaults to the incoming event's document. */
  documentId?: string;
}

/** Typed constructor for a handler's result. */
export function next<T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  documentId?: string,
): Outgoing<T> {
  return documentId === undefined ? { type, payload } : { type, payload, documentId };
}

/**
 * Envelope for an event that follows `cause`. Its id is derived from the consumer, the cause and
 * its position, so re-running a handler after a crash yields the same event id and downstream
 * consumers see a duplicate rather than a new event.
 */
export function followUpEvent(
  consumer: string,
  cause: AnyEvent,
  outgoing: Outgoing,
  index: number,
): AnyEvent {
  const event = {
    eventId: deriveId(`${consumer}/${cause.eventId}/${index}/${outgoing.type}`),
    type: outgoing.type,
    schemaVersion: eventCatalog[outgoing.type].version,
    occurredAt: new Date().toISOString(),
    tenantId: cause.tenantId,
    correlationId: cause.correlationId,
    causationId: cause.eventId,
    attempt: cause.attempt,
    payload: outgoing.payload,
    ...((outgoing.documentId ?? cause.documentId)
      ? { documentId: outgoing.documentId ?? cause.documentId }
      : {}),
  };
  return event as AnyEvent;
}

/** Envelope for an event that starts a chain (an upload, a job request). */
export function originEvent<T extends EventType>(
  type: T,
  payload: PayloadOf<T>,
  fields: {
    tenantId: string;
    documentId?: string;
    correlationId?: string;
    attempt?: number;
    eventId?: string;
  },
): AnyEvent {
  const event = {
    eventId: fields.eventId ?? randomUUID(),
    type,
    schemaVersion: eventCatalog[type].version,
    occurredAt: new Date().toISOString(),
    tenantId: fields.tenantId,
    correlationId: fields.correlationId ?? fields.documentId ?? randomUUID(),
    causationId: null,
    attempt: fields.attempt ?? 1,
    payload,
    ...(fields.documentId ? { documentId: fields.documentId } : {}),
  };
  return event as AnyEvent;
}
