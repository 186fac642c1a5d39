import { randomUUID } from 'node:crypto';
import type { ConsumeMessage } from 'amqplib';
import { consumerSpec } from '@docflow/contracts';
import { headerCount, originEvent } from '@docflow/platform';
import { readInbound } from '../../src/amqp/inbound-message';

const scanner = consumerSpec('scanner');
const received = () =>
  originEvent(
    'document.received',
    { blob: { bucket: 'blobs', id: 'b1' }, filename: 'a.pdf', sizeBytes: 3 },
    { tenantId: 't-1', documentId: randomUUID() },
  );

/** A delivery as amqplib hands it to the consumer. */
function delivery(content: Buffer | string, properties: Record<string, unknown> = {}) {
  return {
    content: Buffer.from(content),
    fields: { routingKey: 'document.received', exchange: 'docflow.events', redelivered: false },
    properties: { headers: {}, ...properties },
  } as unknown as ConsumeMessage;
}

describe('the edge check of consumed messages', () => {
  it.each([
    ['a body over the limit', delivery('x'.repeat(2048)), 'too_large', 'MESSAGE_TOO_LARGE'],
    [
      'an XML content type',
      delivery(JSON.stringify(received()), { contentType: 'text/xml' }),
      'unsupported_content_type',
      'MESSAGE_CONTENT_TYPE',
    ],
    [
      'a gzip encoding',
      delivery(JSON.stringify(received()), { contentEncoding: 'gzip' }),
      'unsupported_encoding',
      'MESSAGE_ENCODING',
    ],
    ['a body that is not JSON', delivery('{nope'), 'not_json', 'MESSAGE_NOT_JSON'],
    ['a JSON array', delivery('[1]'), 'schema_invalid', 'MESSAGE_NOT_OBJECT'],
    ['JSON null', delivery('null'), 'schema_invalid', 'MESSAGE_NOT_OBJECT'],
    [
      'a type of another consumer',
      delivery(JSON.stringify({ ...received(), type: 'job.requested' })),
      'unknown_event_type',
      'EVENT_TYPE_UNKNOWN',
    ],
    [
      'a payload off its schema',
      delivery(JSON.stringify({ ...received(), payload: {} })),
      'schema_invalid',
      'MESSAGE_INVALID',
    ],
  ])('when a message has %s, then it is refused as %s', (_what, msg, reason, code) => {
    const read = readInbound(msg, scanner, 1024);
    expect(read).toMatchObject({ reason, error: { code, transient: false } });
  });

  it.each([
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'application/cloudevents+json',
  ])('when a valid event declares the content type %s, then it is read', (contentType) => {
    const event = received();
    const msg = delivery(JSON.stringify(event), contentType ? { contentType } : {});
    expect(readInbound(msg, scanner, 1024 * 1024)).toEqual({ event });
  });

  it.each([
    [undefined, 0],
    [3, 3],
    ['4', 4],
    [-7, 0],
    [1.5, 0],
    ['lots', 0],
    [{ n: 1 }, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('when a counter header holds %p, then it counts as %p', (value, count) => {
    expect(headerCount(value)).toBe(count);
  });
});
