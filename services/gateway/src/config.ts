import { z } from 'zod';
import { env, runtimeConfigSchema } from '@docflow/platform';

const MIB = 1024 * 1024;

export const gatewayConfigSchema = runtimeConfigSchema.extend({
  GATEWAY_HOST: z.string().default('0.0.0.0').describe('Address the REST API listens on.'),
  GATEWAY_PORT: env.int('Port of the REST API (0 = any free port).', 8080, 0, 65535),
  PUBLIC_BASE_URL: env
    .url('Base URL used in status links (defaults to the request host).', ['http', 'https'])
    .optional(),
  ADMIN_API_KEY: env
    .secret(
      'Key for operator endpoints (tenants, dead letters), at least 24 characters; a placeholder (CHANGE-ME…) or well-known value is refused at start. Unset: those answer 401.',
      24,
    )
    .optional(),
  MAX_UPLOAD_BYTES: env.int('Largest file accepted, enforced while streaming.', 50 * MIB, 1),
  MAX_FILES_PER_REQUEST: env.int('Files one POST /v1/documents may carry.', 20, 1, 10_000),
  MAX_BATCH_FILES: env.int('Files one POST /v1/batches may carry.', 1_000, 1, 100_000),
  MAX_METADATA_BYTES: env.int('Size limit of the metadata JSON field.', 64 * 1024, 2),
  HTTP_IDLE_TIMEOUT_MS: env.int(
    'A connection that sends and receives nothing for this long is closed (0: never). Event streams are exempt: their heartbeats are the traffic.',
    120_000,
    0,
  ),
  HTTP_REQUEST_TIMEOUT_MS: env.int(
    "Longest time to receive one whole request, uploads included, before it is answered 408 (0: no limit). Keep it below the scheduler's ABANDONED_UPLOAD_MS.",
    3_600_000,
    0,
  ),
  RATE_LIMIT_MAX: env.int('Requests per tenant per window (a tenant may set its own).', 600, 1),
  RATE_LIMIT_WINDOW_MS: env.int('Rate-limit window.', 60_000, 1_000),
  AUTH_CACHE_MS: env.int(
    'How long a successful API-key check is reused (0: every request reads the key); a key revoked on another replica or by the command line stops working within this time.',
    5_000,
    0,
    60_000,
  ),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .describe('Comma-separated origins allowed by CORS ("*" for any); empty disables CORS.'),
  TENANT_QUOTA_DOCUMENTS: env.int(
    'Documents one tenant may upload per TENANT_QUOTA_WINDOW_MS, counted across every gateway replica (0: no limit). An upload that would pass it is refused 429 QUOTA_EXCEEDED with Retry-After and stores nothing.',
    10_000,
    0,
  ),
  TENANT_QUOTA_BYTES: env.int(
    'Bytes one tenant may upload per TENANT_QUOTA_WINDOW_MS, counted across every gateway replica (0: no limit); refused like TENANT_QUOTA_DOCUMENTS.',
    10 * 1024 * MIB,
    0,
  ),
  TENANT_QUOTA_WINDOW_MS: env.int(
    'Window of the upload quotas; windows are aligned on the clock, so every replica counts in the same one.',
    3_600_000,
    1_000,
  ),
  AUTH_FAILURE_LIMIT: env.int(
    'Failed API-key checks allowed per client address, and per key id, in AUTH_FAILURE_WINDOW_MS across every replica; past it, requests from that address or for that key id answer 429 TOO_MANY_AUTH_FAILURES with Retry-After until the window ends (0: no limit).',
    20,
    0,
  ),
  AUTH_FAILURE_WINDOW_MS: env.int('Window of AUTH_FAILURE_LIMIT.', 300_000, 1_000),
  SSE_HEARTBEAT_MS: env.int('Interval of SSE heartbeat comments.', 15_000, 1_000),
  SSE_MAX_CONNECTIONS_PER_TENANT: env.int(
    'Event streams (GET /v1/events) one tenant may hold open on one gateway replica; the next is refused 429 TOO_MANY_STREAMS.',
    20,
    1,
  ),
  SSE_MAX_BUFFER_BYTES: env.int(
    'Bytes of events waiting for one slow event-stream client; past it the stream gets a last `event: error` (reason slow_consumer) and is closed, and docflow_sse_dropped_total counts it.',
    1024 * 1024,
    1024,
  ),
  TRACKER_PREFETCH: env.int(
    "Events the tracker applies at once (it serialises each document's own events): more than the stages, as each event is only a few database calls.",
    64,
    1,
    1000,
  ),
  OUTBOX_INTERVAL_MS: env.int('How often the outbox sweep runs.', 5_000, 100),
  OUTBOX_GRACE_MS: env.int(
    'Age after which an unsent event is re-published by the sweep.',
    15_000,
    0,
  ),
  CONSOLE_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Folder of the built review console served at /console; unset: the @docflow/console build of this install (`npm run build` writes packages/console/dist).',
    ),
  RABBITMQ_MANAGEMENT_URL: env
    .serverUrl(
      'RabbitMQ management API (queue depths); unset: passive declares. A placeholder password is refused; a well-known one (guest) is accepted on a loopback host only.',
      ['http', 'https'],
    )
    .optional(),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
