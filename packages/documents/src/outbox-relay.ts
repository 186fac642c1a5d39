import type { AnyEvent } from '@docflow/contracts';
import { DocflowError, type Logger } from '@docflow/platform';
import type { DocumentStore, Transition } from './document-store';

export interface OutboxRelayOptions {
  store: DocumentStore;
  publish: (event: AnyEvent) => Promise<void>;
  logger: Logger;
  /** Transitions younger than this are left to the writer that made them. */
  graceMs: number;
  intervalMs: number;
  batchSize?: number;
  clock?: () => Date;
}

/** A transition whose event cannot be published is tried again after this, doubling up to an hour. */
const DEFER_FIRST_MS = 30_000;
const DEFER_MAX_MS = 3_600_000;

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
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  /** Publishes each transition's events in order; those fully confirmed are marked sent. */
  const flush = async (transitions: readonly Transition[]): Promise<void> => {
    const sent: string[] = [];
    try {
      for (const transition of transitions) {
        for (const event of transition.events) await publish(event);
        sent.push(transition._id);
      }
    } finally {
      if (sent.length > 0) await store.markPublished(sent);
    }
  };

  /**
   * One transition whose event is refused for good (it fails its contract, say) is set aside with
   * the error and tried again later, so it cannot hold back the ones behind it. Any other failure
   * (broker or database away) ends the sweep: the next one starts over.
   */
  const drainOnce = async (): Promise<number> => {
    const now = clock();
    const before = new Date(now.getTime() - options.graceMs);
    const pending = await store.pendingOutbox(before, options.batchSize ?? 100, now);
    const sent: string[] = [];
    let deferred = 0;
    try {
      for (const transition of pending) {
        try {
          await store.rollForward(transition);
          for (const event of transition.events) await publish(event);
          sent.push(transition._id);
        } catch (err) {
          if (!(err instanceof DocflowError) || err.isTransient) throw err;
          const attempts = (transition.outboxAttempts ?? 0) + 1;
          const retryAt = new Date(
            now.getTime() + Math.min(DEFER_MAX_MS, DEFER_FIRST_MS * 2 ** (attempts - 1)),
          );
          await store.deferOutbox(transition._id, {
            attempts,
            retryAt,
            error: `${err.code}: ${err.message}`,
          });
          deferred += 1;
          logger.error(
            { err, transition: transition._id, attempts, retryAt },
            'outbox: an event of this transition cannot be published; it is set aside and the sweep goes on',
          );
        }
      }
    } finally {
      if (sent.length > 0) await store.markPublished(sent);
    }
    if (sent.length > 0 || deferred > 0)
      logger.info({ transitions: sent.length, deferred }, 'outbox: re-published');
    return sent.length;
  };

  return {
    flush,
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
