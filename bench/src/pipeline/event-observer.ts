import { connect } from 'amqplib';
import { EXCHANGES } from '@docflow/contracts';

/** The events after which a document waits for nothing more. */
export const SETTLING_EVENTS = [
  'document.published',
  'document.needs_review',
  'document.rejected',
  'document.failed',
] as const;

export interface EventObserver {
  /** Document ids whose settling event went out. */
  readonly settled: Set<string>;
  /** Messages and bytes seen, by event type (every document event when `allEvents`). */
  readonly sizes: Map<string, { count: number; bytes: number }>;
  /** Resolves when `count` documents settled; rejects after `timeoutMs`. */
  waitForSettled(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A queue of the bench's own on the events exchange (no acks), bound to the settling events only
 * (or to every document event when `allEvents`, to measure the pipeline's message sizes).
 */
export async function observeEvents(amqpUrl: string, allEvents = false): Promise<EventObserver> {
  const model = await connect(amqpUrl);
  const channel = await model.createChannel();
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  for (const key of allEvents ? ['document.#'] : SETTLING_EVENTS)
    await channel.bindQueue(queue, EXCHANGES.events.name, key);
  const settled = new Set<string>();
  const sizes = new Map<string, { count: number; bytes: number }>();
  let wake = (): void => undefined;
  await channel.consume(
    queue,
    (msg) => {
      if (!msg) return;
      const type = msg.fields.routingKey;
      const size = sizes.get(type) ?? { count: 0, bytes: 0 };
      sizes.set(type, { count: size.count + 1, bytes: size.bytes + msg.content.length });
      if ((SETTLING_EVENTS as readonly string[]).includes(type)) {
        const { documentId } = JSON.parse(msg.content.toString('utf8')) as { documentId: string };
        settled.add(documentId);
        wake();
      }
    },
    { noAck: true },
  );
  return {
    settled,
    sizes,
    waitForSettled: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${settled.size} of ${count} documents settled in time`)),
          timeoutMs,
        );
        wake = () => {
          if (settled.size < count) return;
          clearTimeout(timer);
          resolve();
        };
        wake();
      }),
    close: () => model.close().catch(() => undefined),
  };
}
