import { createBreaker, type Logger, type Metrics } from '@docflow/platform';
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
  clock?: () => Date;
}

export interface WebhookDispatcher {
  start(): void;
  /** Looks for due deliveries now (called after an enqueue) instead of at the next poll. */
  wake(): void;
  /** One round: takes due deliveries and attempts them; returns how many it looked at. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

type Breaker = ReturnType<typeof createBreaker<[string, Record<string, string>, string], number>>;

/**
 * Delivers the rows of the delivery log. Record writes never wait for it: the handlers only insert
 * rows, and this loop, running beside the consumers, attempts due rows grouped by endpoint, one at a
 * time per endpoint, each endpoint behind its own breaker. While a breaker is open its rows are not
 * even taken: they stay pending and are picked up again once the breaker lets a trial through.
 */
export function createWebhookDispatcher(deps: DispatcherDeps): WebhookDispatcher {
  const { options, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const breakers = new Map<string, Breaker>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let wakeRequested = false;

  const breakerOf = (endpointId: string): Breaker => {
    let entry = breakers.get(endpointId);
    if (!entry) {
      entry = createBreaker(
        `webhook:${endpointId}`,
        (url: string, headers: Record<string, string>, body: string) =>
          deps.client.post(url, headers, body),
        deps.metrics,
        {
          timeout: false, // the client has its own timeout
          resetTimeout: options.breaker.resetMs,
          volumeThreshold: options.breaker.volume,
          errorThresholdPercentage: options.breaker.errorPercent,
          errorFilter: (err) => (err as { code?: string }).code === 'WEBHOOK_TARGET_REFUSED',
        },
      );
      entry.breaker.on('open', () => logger.warn({ endpointId }, 'webhook breaker opened'));
      entry.breaker.on('close', () => logger.info({ endpointId }, 'webhook breaker closed'));
      breakers.set(endpointId, entry);
    }
    return entry;
  };

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
      const statusCode = await breakerOf(row.endpointId).fire(endpoint.url, headers, row.body);
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
        await deps.log.settle(row, {
          status: 'pending',
          attempts: row.attempts,
          nextAttemptAt: new Date(now.getTime() + options.pollIntervalMs),
        });
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

  const deliverAll = async (rows: DeliveryRow[]): Promise<void> => {
    for (const row of rows) {
      if (breakerOf(row.endpointId).breaker.opened) return; // the rest wait for the breaker
      const leaseUntil = new Date(clock().getTime() + options.leaseMs);
      if (await deps.log.take(row, leaseUntil)) await attempt(row);
    }
  };

  const runOnce = async (): Promise<number> => {
    const open = [...breakers].filter(([, b]) => b.breaker.opened).map(([id]) => id);
    const rows = await deps.log.due(clock(), options.batchSize, open);
    const byEndpoint = new Map<string, DeliveryRow[]>();
    for (const row of rows)
      byEndpoint.set(row.endpointId, [...(byEndpoint.get(row.endpointId) ?? []), row]);
    await Promise.all([...byEndpoint.values()].map(deliverAll));
    return rows.length;
  };

  const schedule = (delayMs: number) => {
    if (!running) return;
    timer = setTimeout(() => {
      timer = undefined;
      wakeRequested = false;
      current = runOnce()
        .catch((err: unknown) => {
          logger.warn({ err }, 'webhook dispatch round failed');
          return 0;
        })
        .then((seen) =>
          schedule(wakeRequested || seen >= options.batchSize ? 0 : options.pollIntervalMs),
        );
    }, delayMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    wake() {
      wakeRequested = true;
      if (running && timer) {
        clearTimeout(timer);
        schedule(0);
      }
    },
    runOnce,
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current.catch(() => undefined);
      for (const { breaker } of breakers.values()) breaker.shutdown();
      breakers.clear();
    },
  };
}
