import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { eventCatalog, isEventType, liveFeed, type AnyEvent } from '@docflow/contracts';
import type { AmqpConnection, Logger } from '@docflow/platform';

export interface LiveFeed {
  /** Calls `listener` with every document event this replica sees; returns the unsubscribe. */
  subscribe(listener: (event: AnyEvent) => void): () => void;
  start(): Promise<void>;
  readonly queue: string;
  readonly subscribers: number;
}

/**
 * Document events for Server-Sent Events: this replica's own auto-delete queue, bound to every
 * `document.*` event, consumed without acks (a live view, not a work queue: a message missed while
 * disconnected is covered by the snapshot a reconnecting client gets first).
 */
export function createLiveFeed(deps: { connection: AmqpConnection; logger: Logger }): LiveFeed {
  const queue = liveFeed.queueName(randomUUID().slice(0, 12));
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  return {
    queue,
    get subscribers() {
      return emitter.listenerCount('event');
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    start: () =>
      deps.connection.onConnect(async (model) => {
        const channel = await model.createChannel();
        channel.on('error', (err: Error) => deps.logger.warn({ err }, 'live feed channel error'));
        await channel.assertQueue(queue, {
          exclusive: true,
          autoDelete: true,
          durable: false,
          arguments: { 'x-max-length': 10_000, 'x-overflow': 'drop-head' },
        });
        for (const key of liveFeed.routingKeys)
          await channel.bindQueue(queue, liveFeed.exchange, key);
        await channel.consume(
          queue,
          (msg) => {
            if (!msg) return;
            let body: unknown;
            try {
              body = JSON.parse(msg.content.toString('utf8'));
            } catch {
              return;
            }
            const type = (body as { type?: unknown } | null)?.type;
            if (typeof type !== 'string' || !isEventType(type)) return;
            const parsed = eventCatalog[type].schema.safeParse(body);
            if (parsed.success) emitter.emit('event', parsed.data as AnyEvent);
          },
          { noAck: true },
        );
      }),
  };
}
