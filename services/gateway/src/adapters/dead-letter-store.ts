import { createHash } from 'node:crypto';
import type { ConsumeMessage } from 'amqplib';
import type { Db } from 'mongodb';
import { consumers, queuesOf, type ConsumerName } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { HEADERS, type EventBus, type Logger } from '@docflow/platform';

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
  /** The original message body, as text (events are JSON). */
  body: string;
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
  bus: EventBus;
  logger: Logger;
}): DeadLetterStore {
  const collection = deps.db.collection<DeadLetter>(COLLECTIONS.deadLetters);

  const toRecord = (consumer: ConsumerName, msg: ConsumeMessage): DeadLetter => {
    const headers = { ...(msg.properties.headers ?? {}) };
    const text = msg.content.toString('utf8');
    let event: { type?: unknown; eventId?: unknown; documentId?: unknown; tenantId?: unknown } = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') event = parsed as typeof event;
    } catch {
      // kept as text; the reason says not_json
    }
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const death = (headers['x-first-death-reason'] as string | undefined) ?? null;
    const at = str(headers[HEADERS.deadLetteredAt]);
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
      retries: Number(headers[HEADERS.retries] ?? 0) || 0,
      replays: Number(headers[HEADERS.replays] ?? 0) || 0,
      deadLetteredAt: at ? new Date(at) : new Date(),
      storedAt: new Date(),
      originalRoutingKey: str(headers[HEADERS.originalRoutingKey]) ?? msg.fields.routingKey,
      eventType: str(event.type),
      eventId: str(event.eventId),
      documentId: str(event.documentId),
      tenantId: str(event.tenantId),
      body: text.slice(0, MAX_BODY_CHARS),
      headers: Object.fromEntries(Object.entries(headers).filter(([key]) => key !== 'x-death')),
    };
  };

  const store = async (record: DeadLetter): Promise<void> => {
    try {
      await collection.insertOne(record);
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
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
            if (!msg) return;
            store(toRecord(name, msg)).then(
              () => channel.ack(msg),
              (err: unknown) => {
                deps.logger.warn(
                  { err, consumer: name },
                  'could not store a dead letter; requeued',
                );
                setTimeout(() => channel.nack(msg, false, true), 2_000).unref();
              },
            );
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
        Buffer.from(found.body, 'utf8'),
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
