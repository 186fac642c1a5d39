import type { AnyEvent } from '@docflow/contracts';
import type { Logger } from '@docflow/platform';
import type { DocumentStore, Transition } from './document-store';

export interface OutboxRelayOptions {
  store: DocumentStore;
  publish: (event: AnyEvent) => Promise<void>;
  logger: Logger;
  /** Transitions younger than this are left to the writer that made them. */
  graceMs: number;
  intervalMs: number;
  batchSize?: number;
}

export interface OutboxRelay {
  /** Publishes the events of transitions just written (the fast path), then marks them sent. */
  flush(transitions: readonly Transition[]): Promise<void>;
  /** One sweep of transitions whose writer died before its events were confirmed. */
  drainOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Delivers the outbox: every state change that announces something stores its events in its
 * transition first, and only then are they published. A writer that dies in between leaves the
 * transition pending; the sweep (every replica runs one) rolls the record forward and publishes.
 * An event may go out twice (two sweepers, or a crash after publish): event ids are stable, and
 * every consumer drops duplicates.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { store, publish, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const send = async (transitions: readonly Transition[]): Promise<void> => {
    const sent: string[] = [];
    for (const transition of transitions) {
      for (const event of transition.events) await publish(event);
      sent.push(transition._id);
    }
    await store.markPublished(sent);
  };

  const drainOnce = async (): Promise<number> => {
    const before = new Date(Date.now() - options.graceMs);
    const pending = await store.pendingOutbox(before, options.batchSize ?? 100);
    for (const transition of pending) await store.rollForward(transition);
    await send(pending);
    if (pending.length > 0) logger.info({ transitions: pending.length }, 'outbox: re-published');
    return pending.length;
  };

  return {
    flush: send,
    drainOnce,
    start() {
      timer = setInterval(() => {
        running = drainOnce().catch((err: unknown) =>
          logger.warn({ err }, 'outbox sweep failed; will try again'),
        );
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
