import { z } from 'zod';
import { env, runtimeConfigSchema } from '@docflow/platform';

/** The scheduler's configuration: the shared runtime keys plus leases and the jobs' knobs. */
export const schedulerConfigSchema = runtimeConfigSchema.extend({
  HTTP_PORT: env.int('Port of the metrics/health HTTP server (0 = any free port).', 9469, 0, 65535),
  HANDLER_TIMEOUT_MS: env.int('An on-demand job run longer than this fails.', 1_800_000, 100),
  AMQP_PREFETCH: env.int('On-demand job runs handled at once.', 2, 1, 100),
  SCHEDULER_ENABLED: env.bool(
    'Run the cron schedule (false: only on-demand runs from job.requested).',
    true,
  ),
  SCHEDULER_LEASE_MS: env.int(
    'How long a firing lease lasts without renewal: a running holder renews it every third of this, a holder that dies loses it after this, and an earlier firing still holding a live lease makes the next one skip.',
    600_000,
    100,
  ),
  SCHEDULER_TIMEZONE: z.string().min(1).default('UTC').describe('Time zone of the cron schedules.'),
  SWEEPER_STALL_MS: env.int(
    'No progress for this long makes a document stuck (every stage).',
    900_000,
    1,
  ),
  SWEEPER_STALL_OVERRIDES_MS: z
    .string()
    .regex(/^\s*([a-z]+=\d+)(\s*,\s*[a-z]+=\d+)*\s*$/, 'expected stage=ms pairs, e.g. ocr=1800000')
    .transform(
      (s) =>
        Object.fromEntries(
          s.split(',').map((pair) => {
            const [stage, ms] = pair.trim().split('=');
            return [stage!, Number(ms)];
          }),
        ) as Record<string, number>,
    )
    .default({})
    .describe('Per-stage stuck thresholds overriding SWEEPER_STALL_MS, e.g. ocr=1800000.'),
  SWEEPER_MAX_REPUBLISHES: env.int(
    'Re-publishes of one stuck document state before the sweeper marks it failed.',
    3,
    0,
    100,
  ),
  SWEEPER_BATCH: env.int('Stuck documents handled per sweep.', 500, 1, 10_000),
  ABANDONED_UPLOAD_MS: env.int(
    "An upload started this long ago that never became a document is abandoned (its gateway died): the sweeper removes its stored bytes. Keep it above the gateway's HTTP_REQUEST_TIMEOUT_MS, the longest an upload can take.",
    7_200_000,
    60_000,
  ),
  RETENTION_DEFAULT_DAYS: env.int(
    'Retention of tenants without a retentionDays policy: files and extracted text older than this many days are deleted (0: kept).',
    0,
    0,
    36_500,
  ),
  RETENTION_BATCH: env.int(
    'Documents the retention job reads and purges per round.',
    200,
    1,
    10_000,
  ),
});

export type SchedulerConfig = z.infer<typeof schedulerConfigSchema>;
