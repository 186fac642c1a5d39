import { createHash } from 'node:crypto';
import type { Channel, ConsumeMessage } from 'amqplib';
import type { Db } from 'mongodb';
import { consumers, queuesOf, type ConsumerName } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import {
  HEADERS,
  headerCount,
  isDuplicateKey,
  type EventBus,
  type Logger,
} from '@docflow/platform';

export interface DeadLetter {
  _id: string;
  consumer: ConsumerName;
  reason: string;
  errorCode: string | null;
  lastError: string | null;
  retries: number;
  replays: number;
  deadLetteredAt: Date;
  storedAt: Date;
  originalRoutingKey: string | null;
  eventType: string | null;
  eventId: string | null;
  documentId: string | null;
  tenantId: string | null;
  /** The original message body: text (events are JSON), or base64 when it is not storable text. */
  body: string;
  /** Absent: UTF-8. */
  bodyEncoding?: 'base64';
  /** As received, with keys and strings made storable (see `storable`). */
  headers: Record<string, unknown>;
}

export interface DeadLetterStore {
  /** Moves every consumer's dead-letter queue into the collection, on every (re)connection. */
  start(): Promise<void>;
  list(filter: { consumer?: ConsumerName; limit: number }): Promise<DeadLetter[]>;
  counts(): Promise<Record<string, number>>;
  get(id: string): Promise<DeadLetter | null>;
  /** Puts the message back on its consumer's work queue with retries reset, then forgets it. */
  replay(id: string): Promise<DeadLetter | null>;
  remove(id: string): Promise<boolean>;
}

const MAX_BODY_CHARS = 1_000_000;

/**
 * Dead letters kept where an operator can see them: the gateway drains each consumer's `.dlq` into
 * MongoDB (insert keyed by a hash of the message, then ack, so a redelivery stores nothing twice)
 * and lists, replays or deletes them from there.
 */
export function createDeadLetterStore(deps: {
  db: Db;
  bus: Pick<EventBus, 'connection' | 'publishRaw'>;
  logger: Logger;
}): DeadLetterStore {
  const collection = deps.db.collection<DeadLetter>(COLLECTIONS.deadLetters);

  const toRecord = (consumer: ConsumerName, msg: ConsumeMessage): DeadLetter => {
    const headers = { ...(msg.properties.headers ?? {}) };
    const text = msg.content.toString('utf8');
    // bytes that are not UTF-8, or hold NUL, are kept exactly (and stay storable) as base64
    const asText = !text.includes('\u0000') && Buffer.from(text, 'utf8').equals(msg.content);
    let event: { type?: unknown; eventId?: unknown; documentId?: unknown; tenantId?: unknown } = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') event = parsed as typeof event;
    } catch {
      // kept as text; the reason says not_json
    }
    const str = (v: unknown): string | null => (typeof v === 'string' ? storableText(v) : null);
    const death = str(headers['x-first-death-reason']);
    // a producer's own header may say anything: an unreadable date is the time it reached us
    const at = new Date(str(headers[HEADERS.deadLetteredAt]) ?? Number.NaN);
    return {
      _id: createHash('sha256')
        .update(consumer)
        .update(msg.content)
        .update(String(headers[HEADERS.deadLetteredAt] ?? ''))
        .update(String(headers[HEADERS.retries] ?? ''))
        .update(String(headers[HEADERS.replays] ?? ''))
        .update(JSON.stringify(headers['x-death'] ?? null))
        .digest('hex')
        .slice(0, 32),
      consumer,
      reason: str(headers[HEADERS.reason]) ?? (death ? `broker_${death}` : 'unknown'),
      errorCode: str(headers[HEADERS.errorCode]),
      lastError: str(headers[HEADERS.lastError]),
      retries: headerCount(headers[HEADERS.retries]),
      replays: headerCount(headers[HEADERS.replays]),
      deadLetteredAt: Number.isNaN(at.getTime()) ? new Date() : at,
      storedAt: new Date(),
      originalRoutingKey: str(headers[HEADERS.originalRoutingKey]) ?? msg.fields.routingKey,
      eventType: str(event.type),
      eventId: str(event.eventId),
      documentId: str(event.documentId),
      tenantId: str(event.tenantId),
      ...(asText
        ? { body: text.slice(0, MAX_BODY_CHARS) }
        : {
            body: msg.content.subarray(0, MAX_BODY_CHARS).toString('base64'),
            bodyEncoding: 'base64' as const,
          }),
      headers: storable(
        Object.fromEntries(Object.entries(headers).filter(([key]) => key !== 'x-death')),
      ) as Record<string, unknown>,
    };
  };

  const store = async (record: DeadLetter): Promise<void> => {
    try {
      await collection.insertOne(record);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  };

  /**
   * Stores one dead letter, then acks it. Never rejects: a message that cannot be stored goes back
   * to its queue, and one whose channel closed before the ack (a shutdown, a broker restart) stays
   * there, to be stored again as a no-op (same `_id`) on the next drain.
   */
  const drain = async (
    channel: Pick<Channel, 'ack' | 'nack'>,
    consumer: ConsumerName,
    msg: ConsumeMessage,
  ): Promise<void> => {
    try {
      await store(toRecord(consumer, msg));
    } catch (err) {
      deps.logger.warn({ err, consumer }, 'could not store a dead letter; requeued');
      setTimeout(() => {
        try {
          channel.nack(msg, false, true);
        } catch {
          // the channel closed meanwhile: the broker requeues the message itself
        }
      }, 2_000).unref();
      return;
    }
    try {
      channel.ack(msg);
    } catch (err) {
      deps.logger.info(
        { err, consumer },
        'dead letter stored, but its channel closed before the ack; it stays queued and is stored again as a no-op',
      );
    }
  };

  return {
    start: () =>
      deps.bus.connection.onConnect(async (model) => {
        for (const { name } of consumers) {
          const channel = await model.createChannel();
          channel.on('error', (err: Error) =>
            deps.logger.warn({ err }, 'dead-letter channel error'),
          );
          await channel.prefetch(20);
          await channel.consume(queuesOf(name).deadLetter, (msg) => {
            if (msg) void drain(channel, name, msg);
          });
        }
      }),

    list: ({ consumer, limit }) =>
      collection
        .find(consumer ? { consumer } : {})
        .sort({ deadLetteredAt: -1 })
        .limit(limit)
        .toArray(),

    async counts() {
      const rows = await collection
        .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$consumer', n: { $sum: 1 } } }])
        .toArray();
      return Object.fromEntries(rows.map((r) => [r._id, r.n]));
    },

    get: (id) => collection.findOne({ _id: id }),

    async replay(id) {
      const found = await collection.findOne({ _id: id });
      if (!found) return null;
      await deps.bus.publishRaw(
        '',
        queuesOf(found.consumer).work,
        Buffer.from(found.body, found.bodyEncoding ?? 'utf8'),
        {
          messageId: found.eventId ?? found._id,
          contentType: 'application/json',
          headers: {
            [HEADERS.replays]: found.replays + 1,
            ...(found.originalRoutingKey
              ? { [HEADERS.originalRoutingKey]: found.originalRoutingKey }
              : {}),
          },
        },
      );
      await collection.deleteOne({ _id: id });
      return found;
    },

    async remove(id) {
      const result = await collection.deleteOne({ _id: id });
      return result.deletedCount > 0;
    },
  };
}

/**
 * A value MongoDB-protocol servers accept whatever a producer put in its headers: no NUL in
 * strings, no `.` in keys nor `$` at their start (FerretDB refuses all three, and a dead letter
 * that cannot be stored would be requeued forever). Look-alike characters keep it readable.
 */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value) || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => [
      storableText(key).replace(/\./g, '\uff0e').replace(/^\$/, '\uff04'),
      storable(child),
    ]),
  );
}

function storableText(text: string): string {
  return text.replaceAll('\u0000', '\ufffd');
}
