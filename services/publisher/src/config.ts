import { z } from 'zod';
import { env, runtimeConfigSchema } from '@docflow/platform';

/** The publisher's configuration: the shared runtime keys plus record and webhook settings. */
export const publisherConfigSchema = runtimeConfigSchema.extend({
  HTTP_PORT: env.int('Port of the metrics/health HTTP server (0 = any free port).', 9468, 0, 65535),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: env.bool(
    'Deliver to endpoints that resolve to loopback, private, link-local or unique-local addresses (tests, on-premise).',
    false,
  ),
  WEBHOOK_ENDPOINTS_CACHE_MS: env.int(
    "How long the publisher reuses a tenant's active webhook endpoints when it enqueues deliveries, before reading them again (0: read for every document). A newly registered endpoint, or one whose events changed, takes up to this long to get (or stop getting) deliveries; a paused or deleted one is never sent to (checked at send time).",
    5_000,
    0,
    60_000,
  ),
  WEBHOOK_TIMEOUT_MS: env.int(
    'Total deadline of one webhook request: DNS lookup, connect, sending, and the whole answer (headers and body). Past it the attempt fails with WEBHOOK_TIMEOUT and is retried with backoff. Keep it below WEBHOOK_LEASE_MS.',
    10_000,
    100,
    120_000,
  ),
  WEBHOOK_ENDPOINT_CONCURRENCY: env.int(
    "Requests in flight to one endpoint at most. A slow or stalled endpoint holds only its own slots (each for at most WEBHOOK_TIMEOUT_MS); other endpoints' deliveries never wait for it.",
    4,
    1,
    100,
  ),
  WEBHOOK_MAX_IN_FLIGHT: env.int(
    'Webhook requests in flight across all endpoints at most (per publisher replica).',
    200,
    1,
    10_000,
  ),
  WEBHOOK_POLL_INTERVAL_MS: env.int(
    'How often the dispatcher looks for due deliveries (it is also woken after each enqueue).',
    1_000,
    20,
  ),
  WEBHOOK_BATCH_SIZE: env.int(
    'Due deliveries the dispatcher reads per round (of endpoints with a free slot).',
    50,
    1,
    1_000,
  ),
  WEBHOOK_LEASE_MS: env.int(
    'How long a taken delivery stays hidden from other dispatchers (longer than the timeout).',
    60_000,
    1_000,
  ),
  WEBHOOK_MAX_ATTEMPTS: env.int(
    'Failed attempts (errors or non-2xx answers) before a delivery is given up as failed.',
    15,
    1,
    1_000,
  ),
  WEBHOOK_BACKOFF_BASE_MS: env.int(
    'Delay after the first failed attempt; doubles each time.',
    5_000,
    10,
  ),
  WEBHOOK_BACKOFF_MAX_MS: env.int('Longest delay between two attempts.', 3_600_000, 10),
  WEBHOOK_BREAKER_RESET_MS: env.int(
    'How long an endpoint breaker stays open before one trial delivery (half-open).',
    30_000,
    50,
  ),
  WEBHOOK_BREAKER_VOLUME: env.int(
    'Attempts to one endpoint in the rolling window before its breaker may open.',
    5,
    1,
  ),
  WEBHOOK_BREAKER_ERROR_PERCENT: env.int(
    'Failure percentage in the rolling window that opens an endpoint breaker.',
    50,
    1,
    100,
  ),
});

export type PublisherConfig = z.infer<typeof publisherConfigSchema>;
