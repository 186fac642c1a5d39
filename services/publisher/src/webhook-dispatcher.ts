import { createBreaker, type BreakerBoard, type Logger, type Metrics } from '@docflow/platform';
import type { DeliveryLog, DeliveryRow } from './adapters/delivery-log';
import type { WebhookClient } from './adapters/webhook-client';
import type { WebhookEndpoints } from './adapters/webhook-endpoints';
import { backoffMs } from './domain/backoff';
import { SIGNATURE_HEADER, signatureHeader } from './domain/webhook-signature';

export interface DispatcherOptions {
  pollIntervalMs: number;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  /** Requests in flight to one endpoint at most. */
  endpointConcurrency: number;
  /** Requests in flight across all endpoints at most. */
  maxInFlight: number;
  backoff: { baseMs: number; maxMs: number };
  breaker: { resetMs: number; volume: number; errorPercent: number };
}

export interface DispatcherDeps {
  log: DeliveryLog;
  endpoints: WebhookEndpoints;
  client: WebhookClient;
  metrics: Metrics;
  logger: Logger;
  options: DispatcherOptions;
  /** Where each endpoint's breaker reports its state (owned by the endpoint's tenant). */
  board?: BreakerBoard;
  clock?: () => Date;
}

export interface WebhookDispatcher {
  start(): void;
  /** Looks for due deliveries now (called after an enqueue) instead of at the next poll. */
  wake(): void;
  /**
   * One round: takes due deliveries of endpoints with a free slot and starts them; returns how
   * many rows it looked at. The attempts it starts run on without it (see `idle`).
   */
  runOnce(): Promise<number>;
  /** Resolves once no attempt is in flight. */
  idle(): Promise<void>;
  /** Requests in flight now, per endpoint id. */
  inFlight(): ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

type Breaker = ReturnType<
  typeof createBreaker<[string, Record<string, string>, string, AbortSignal], number>
>;

/**
 * Delivers the rows of the delivery log. Record writes never wait for it: the handlers only insert
 * rows, and this loop, running beside the consumers, serves each endpoint on its own: a round
 * takes due rows only of endpoints with a free slot (at most `endpointConcurrency` requests in
 * flight each, `maxInFlight` in all) and starts them without waiting for them; each finished
 * attempt wakes the loop for that endpoint's next row. A stalled endpoint therefore holds its own
 * slots until the request deadline (WEBHOOK_TIMEOUT_MS) and nothing else. Each endpoint sits
 * behind its own breaker; while it is open its rows are not even taken: they stay pending and are
 * picked up again once the breaker lets a trial through.
 */
export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const { options, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const breakers = new Map<string, Breaker>();
  const busy = new Map<string, number>();
  const attempts = new Set<Promise<void>>();
  const stopping = new AbortController();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> | undefined;
  let wakeRequested = false;

  const breakerOf = ({ endpointId, tenantId }: DeliveryRow): Breaker => {
    let entry = breakers.get(endpointId);
    if (!entry) {
      entry = createBreaker(
        `webhook:${endpointId}`,
        (url: string, headers: Record<string, string>, body: string, signal: AbortSignal) =>
          deps.client.post(url, headers, body, signal),
        deps.metrics,
        {
          timeout: false, // the client has its own (total) deadline
          resetTimeout: options.breaker.resetMs,
          volumeThreshold: options.breaker.volume,
          errorThresholdPercentage: options.breaker.errorPercent,
          errorFilter: (err) => (err as { code?: string }).code === 'WEBHOOK_TARGET_REFUSED',
          ...(deps.board ? { board: deps.board, owner: { tenantId } } : {}),
        },
      );
      entry.breaker.on('open', () => logger.warn({ endpointId }, 'webhook breaker opened'));
      entry.breaker.on('close', () => logger.info({ endpointId }, 'webhook breaker closed'));
      breakers.set(endpointId, entry);
    }
    return entry;
  };

  /** Settles a row as still pending, due again at `at`, without counting an attempt. */
  const putBack = (row: DeliveryRow, at: Date) =>
    deps.log.settle(row, { status: 'pending', attempts: row.attempts, nextAttemptAt: at });

  const attempt = async (row: DeliveryRow): Promise<void> => {
    const endpoint = await deps.endpoints.get(row.endpointId);
    if (!endpoint || !endpoint.active || endpoint.tenantId !== row.tenantId) {
      await deps.log.settle(row, {
        status: 'cancelled',
        attempts: row.attempts,
        nextAttemptAt: clock(),
      });
      return;
    }
    const started = clock();
    const headers = {
      [SIGNATURE_HEADER]: signatureHeader(
        endpoint.secret,
        row.body,
        Math.floor(started.getTime() / 1000),
      ),
      'docflow-delivery': row._id,
      'docflow-event': row.event,
    };
    try {
      const statusCode = await breakerOf(row).fire(
        endpoint.url,
        headers,
        row.body,
        stopping.signal,
      );
      await deps.log.settle(
        row,
        { status: 'delivered', attempts: row.attempts + 1, nextAttemptAt: started },
        { at: clock(), outcome: 'delivered', statusCode },
      );
    } catch (err) {
      const { code, message, details } = err as {
        code?: string;
        message?: string;
        details?: { statusCode?: number };
      };
      const now = clock();
      if (code === 'CIRCUIT_OPEN' || code === 'EOPENBREAKER') {
        // not an attempt: the breaker kept it back; due again once the breaker lets calls through
        await putBack(row, new Date(now.getTime() + options.pollIntervalMs));
        return;
      }
      if (code === 'WEBHOOK_INTERRUPTED') {
        // not the receiver's fault: the publisher is stopping; the next dispatcher sends it again
        await putBack(row, now);
        return;
      }
      const attempts = row.attempts + 1;
      const refused = code === 'WEBHOOK_TARGET_REFUSED';
      const giveUp = refused || attempts >= options.maxAttempts;
      await deps.log.settle(
        row,
        {
          status: refused ? 'refused' : giveUp ? 'failed' : 'pending',
          attempts,
          nextAttemptAt: giveUp
            ? now
            : new Date(now.getTime() + backoffMs(attempts, options.backoff)),
        },
        {
          at: now,
          outcome: refused ? 'refused' : 'failed',
          error: `${code ?? 'ERROR'}: ${message ?? 'unknown'}`,
          ...(details?.statusCode ? { statusCode: details.statusCode } : {}),
        },
      );
      if (giveUp) logger.warn({ deliveryId: row._id, attempts, code }, 'webhook delivery given up');
    }
  };

  const inFlightTotal = () => attempts.size;
  const freeSlots = (endpointId: string) =>
    options.endpointConcurrency - (busy.get(endpointId) ?? 0);

  /** Runs one attempt in an endpoint slot; when it ends, the slot is freed and the loop woken. */
  const launch = (row: DeliveryRow) => {
    busy.set(row.endpointId, (busy.get(row.endpointId) ?? 0) + 1);
    const run: Promise<void> = attempt(row)
      .catch((err: unknown) =>
        logger.warn({ err, deliveryId: row._id }, 'webhook attempt could not be recorded'),
      )
      .finally(() => {
        const left = (busy.get(row.endpointId) ?? 1) - 1;
        if (left > 0) busy.set(row.endpointId, left);
        else busy.delete(row.endpointId);
        attempts.delete(run);
        wake();
      });
    attempts.add(run);
  };

  const runOnce = async (): Promise<number> => {
    const room = options.maxInFlight - inFlightTotal();
    if (room <= 0) return 0;
    const skip = new Set([...busy.keys()].filter((id) => freeSlots(id) <= 0));
    for (const [id, b] of breakers) if (b.breaker.opened) skip.add(id);
    const rows = await deps.log.due(clock(), Math.min(options.batchSize, room), [...skip]);
    for (const row of rows) {
      if (stopping.signal.aborted || inFlightTotal() >= options.maxInFlight) break;
      if (freeSlots(row.endpointId) <= 0) continue; // the endpoint's next rows wait for a slot
      if (breakerOf(row).breaker.opened) continue; // they wait for the breaker
      const leaseUntil = new Date(clock().getTime() + options.leaseMs);
      if (await deps.log.take(row, leaseUntil)) launch(row);
    }
    return rows.length;
  };

  const schedule = (delayMs: number) => {
    if (!running || round) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      wakeRequested = false;
      round = runOnce()
        .catch((err: unknown) => {
          logger.warn({ err }, 'webhook dispatch round failed');
          return 0;
        })
        .then((seen) => {
          round = undefined;
          schedule(wakeRequested || seen >= options.batchSize ? 0 : options.pollIntervalMs);
        });
    }, delayMs);
  };

  function wake(): void {
    wakeRequested = true;
    schedule(0); // while a round runs, it reschedules itself at once when it ends
  }

  const idle = async (): Promise<void> => {
    while (attempts.size > 0) await Promise.allSettled([...attempts]);
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    wake,
    runOnce,
    idle,
    inFlight: () => new Map(busy),
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await round?.catch(() => undefined);
      stopping.abort(); // requests in flight end now; their rows are due again at once
      await idle();
      for (const { breaker } of breakers.values()) breaker.shutdown();
      breakers.clear();
    },
  };
}
