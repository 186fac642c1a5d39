import { z } from 'zod';
import { RETRY_LEVELS } from '@docflow/contracts';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../amqp/inbound-message';
import { env } from './parse-config';

/** The keys every service shares. Services extend this schema with their own. */
export const runtimeConfigSchema = z.object({
  AMQP_URL: env.serverUrl(
    'RabbitMQ connection URL. A placeholder password (CHANGE-ME) is refused; a well-known one (guest, docflow, …) is accepted on a loopback host only.',
    ['amqp', 'amqps'],
    'amqp://guest:guest@127.0.0.1:5672',
  ),
  MONGODB_URL: env.serverUrl(
    'MongoDB connection URL. A placeholder password (CHANGE-ME) is refused; a well-known one is accepted on a loopback host only.',
    ['mongodb', 'mongodb+srv'],
    'mongodb://127.0.0.1:27017',
  ),
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, "_" and "-", at most 63')
    .default('docflow')
    .describe('Database holding documents, state and blobs.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level.'),
  HTTP_HOST: z.string().default('0.0.0.0').describe('Address of the metrics/health HTTP server.'),
  HTTP_PORT: env.int('Port of the metrics/health HTTP server (0 = any free port).', 9464, 0, 65535),
  AMQP_PREFETCH: env.int('Unacknowledged messages a consumer holds at once.', 16, 1, 1000),
  AMQP_RECONNECT_MAX_MS: env.int('Longest wait between broker reconnect attempts.', 10_000, 100),
  AMQP_MAX_MESSAGE_BYTES: env.int(
    'Largest message a consumer reads; larger ones are dead-lettered unread (too_large).',
    DEFAULT_MAX_MESSAGE_BYTES,
    1024,
  ),
  RETRY_DELAYS_MS: env
    .intList(
      `Delay before each transient retry, one per retry level (at most ${RETRY_LEVELS}).`,
      [1_000, 5_000, 25_000, 120_000, 600_000],
    )
    .refine(
      (list) => list.length >= 1 && list.length <= RETRY_LEVELS,
      `between 1 and ${RETRY_LEVELS} delays`,
    ),
  RETRY_OUTAGE_MS: env.int(
    'How long a message that fails because a server it needs is away (broker, database, clamd; a breaker open) keeps retrying on the longest delay after its retry levels are used up, from its first such failure; then its document fails (0 = no longer than other errors).',
    3_600_000,
    0,
  ),
  RETRY_JITTER: z.coerce
    .number()
    .min(0)
    .max(0.5)
    .default(0.2)
    .describe('Random spread of each retry delay (0.2 = ±20 %).'),
  HANDLER_TIMEOUT_MS: env.int(
    'A handler running longer than this fails as transient.',
    120_000,
    100,
  ),
  SHUTDOWN_TIMEOUT_MS: env.int('How long shutdown waits for in-flight handlers.', 30_000, 0),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
