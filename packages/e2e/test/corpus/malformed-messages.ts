import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Options } from 'amqplib';
import {
  SYSTEM_TENANT,
  consumerSpec,
  eventCatalog,
  type AnyEvent,
  type ConsumerName,
  type EventType,
  type PayloadOf,
} from '@docflow/contracts';

/** A message as it lands in a work queue: bytes and properties, both possibly wrong. */
export interface RawMessage {
  content: Buffer;
  options: Options.Publish;
}

/** Where a case is sent, and the pieces it is built from. */
export interface Target {
  consumer: ConsumerName;
  /** Appears in the body of every message of the case, to find its dead letter. */
  marker: string;
  /** The limit the consumers run with (AMQP_MAX_MESSAGE_BYTES). */
  maxMessageBytes: number;
}

/** An invalid message and the dead letter it must become, whatever the consumer. */
export interface PoisonCase {
  what: string;
  reason: string;
  errorCode: string;
  message: (t: Target) => RawMessage;
}

/** A valid event for this consumer, about a document that does not exist. */
export function validEvent(t: Target, doc = { id: randomUUID(), tenantId: 't-ghost' }): AnyEvent {
  const type = consumerSpec(t.consumer).consumes[0] as EventType;
  const payload = PAYLOADS[type] ?? PAYLOADS['document.scanned'];
  const scoped = eventCatalog[type].documentScoped;
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: eventCatalog[type].version,
    occurredAt: new Date().toISOString(),
    tenantId: scoped ? doc.tenantId : SYSTEM_TENANT,
    ...(scoped ? { documentId: doc.id } : {}),
    correlationId: t.marker,
    causationId: null,
    attempt: 1,
    payload,
  } as AnyEvent;
}

const PAYLOADS: Partial<Record<EventType, unknown>> = {
  'document.received': {
    blob: { bucket: 'blobs', id: randomUUID() },
    filename: 'ghost.pdf',
    sizeBytes: 10,
  } satisfies PayloadOf<'document.received'>,
  'document.scanned': {
    blob: { bucket: 'blobs', id: randomUUID() },
    detectedType: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 10,
    sha256: 'c'.repeat(64),
    antivirus: { status: 'not_scanned' },
  } satisfies PayloadOf<'document.scanned'>,
  'document.text_extracted': {
    detectedType: 'text',
    text: { store: 'collection', id: randomUUID() },
    totalChars: 12,
    pages: [{ page: 1, method: 'plain', confidence: 1, chars: 12, durationMs: 1 }],
  } satisfies PayloadOf<'document.text_extracted'>,
  'document.classified': {
    docType: 'invoice',
    confidence: 0.96,
    modelVersion: 'corpus',
    candidates: [{ docType: 'invoice', probability: 0.96 }],
    extraction: { fields: { total: { value: 121, raw: '121,00', confidence: 0.9 } }, tables: {} },
    findings: [],
  } satisfies PayloadOf<'document.classified'>,
  'job.requested': {
    runId: randomUUID(),
    job: 'no-such-job',
    trigger: 'on_demand',
    params: {},
  } satisfies PayloadOf<'job.requested'>,
};

const json = (value: unknown, options: Options.Publish = {}): RawMessage => ({
  content: Buffer.from(JSON.stringify(value)),
  options: { persistent: true, ...options },
});
const text = (value: string): RawMessage => ({
  content: Buffer.from(value),
  options: { persistent: true },
});
/** A type no consumer but another one handles. */
const foreignType = (t: Target): EventType =>
  t.consumer === 'jobs' ? 'document.received' : 'job.requested';

/** Headers of every wrong type the runtime reads, and keys a database would choke on. */
const garbageHeaders = {
  'x-death': 'not-a-list',
  'x-first-death-reason': { nested: { deeper: true } },
  'x-docflow-retries': -7,
  'x-docflow-replays': 'lots',
  'x-delivery-count': 'many',
  'x-docflow-original-routing-key': 42,
  'x-docflow-dead-lettered-at': 'yesterday',
  'a.b': 'dotted key',
  $where: 'dollar key',
  'x-bytes': Buffer.from([0, 1, 2, 255]),
  'x-long': 'l'.repeat(10_000),
};

/** Every invalid message each consumer must dead-letter with its reason; one row per case. */
// prettier-ignore
export const poisonCases: PoisonCase[] = [
  { what: 'a body that is not JSON', reason: 'not_json', errorCode: 'MESSAGE_NOT_JSON', message: (t) => text(`{not json ${t.marker}`) },
  { what: 'a body that is binary', reason: 'not_json', errorCode: 'MESSAGE_NOT_JSON', message: (t) => ({ content: Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(t.marker)]), options: {} }) },
  { what: 'a JSON array', reason: 'schema_invalid', errorCode: 'MESSAGE_NOT_OBJECT', message: (t) => json([t.marker]) },
  { what: 'a JSON string', reason: 'schema_invalid', errorCode: 'MESSAGE_NOT_OBJECT', message: (t) => json(t.marker) },
  { what: 'an unknown event type', reason: 'unknown_event_type', errorCode: 'EVENT_TYPE_UNKNOWN', message: (t) => json({ ...validEvent(t), type: 'document.exploded' }) },
  { what: 'a type this consumer does not handle', reason: 'unknown_event_type', errorCode: 'EVENT_TYPE_UNKNOWN', message: (t) => json({ ...validEvent(t), type: foreignType(t) }) },
  { what: 'no type at all', reason: 'unknown_event_type', errorCode: 'EVENT_TYPE_UNKNOWN', message: (t) => json({ ...validEvent(t), type: undefined }) },
  { what: 'a type that is an object', reason: 'unknown_event_type', errorCode: 'EVENT_TYPE_UNKNOWN', message: (t) => json({ ...validEvent(t), type: { $ne: null } }) },
  { what: 'a payload that fails the schema', reason: 'schema_invalid', errorCode: 'MESSAGE_INVALID', message: (t) => json({ ...validEvent(t), payload: { unexpected: true } }) },
  { what: 'an event id that is not a UUID', reason: 'schema_invalid', errorCode: 'MESSAGE_INVALID', message: (t) => json({ ...validEvent(t), eventId: 'not-a-uuid' }) },
  { what: 'a schema version from the future', reason: 'schema_invalid', errorCode: 'MESSAGE_INVALID', message: (t) => json({ ...validEvent(t), schemaVersion: 99 }) },
  { what: 'a tenant id that is not a slug', reason: 'schema_invalid', errorCode: 'MESSAGE_INVALID', message: (t) => json({ ...validEvent(t), tenantId: 'Tenant With Spaces' }) },
  { what: 'an attempt of zero', reason: 'schema_invalid', errorCode: 'MESSAGE_INVALID', message: (t) => json({ ...validEvent(t), attempt: 0 }) },
  { what: 'a payload over the size limit', reason: 'too_large', errorCode: 'MESSAGE_TOO_LARGE', message: (t) => json({ ...validEvent(t), padding: 'p'.repeat(t.maxMessageBytes) }) },
  { what: 'a valid event declared as XML', reason: 'unsupported_content_type', errorCode: 'MESSAGE_CONTENT_TYPE', message: (t) => json(validEvent(t), { contentType: 'application/xml' }) },
  { what: 'a valid event gzipped', reason: 'unsupported_encoding', errorCode: 'MESSAGE_ENCODING', message: (t) => ({ content: gzipSync(JSON.stringify(validEvent(t))), options: { contentEncoding: 'gzip', contentType: 'application/json' } }) },
  { what: 'a valid event with an encoding it does not have', reason: 'unsupported_encoding', errorCode: 'MESSAGE_ENCODING', message: (t) => json(validEvent(t), { contentEncoding: 'br' }) },
  { what: 'an invalid event with garbage headers', reason: 'schema_invalid', errorCode: 'MESSAGE_INVALID', message: (t) => json({ ...validEvent(t), attempt: -1 }, { headers: garbageHeaders }) },
];
