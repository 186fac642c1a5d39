import { z } from 'zod';

/**
 * The scheduler's jobs, in one place: the scheduler runs them on their cron schedule (5-field cron,
 * UTC) and the gateway lists them and validates on-demand parameters with `params`.
 */
export interface JobSpec<P extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly schedule: string;
  readonly description: string;
  readonly params: P;
}

const isoDate = z.iso.date().describe('A UTC day, YYYY-MM-DD.');
const tenantId = z.string().min(1).describe('Only this tenant (default: every tenant).');

export const jobCatalog = {
  'stuck-document-sweeper': {
    name: 'stuck-document-sweeper',
    schedule: '*/5 * * * *',
    description:
      'Re-publishes the last input event of documents with no progress for too long (per stage); after a cap marks them failed. Also re-publishes outbox events a crashed gateway never sent, and removes the stored bytes of uploads a crashed gateway never turned into documents.',
    params: z.strictObject({
      stalledAfterMinutes: z
        .number()
        .positive()
        .max(10_080)
        .optional()
        .describe('Minutes without progress after which a document counts as stuck (all stages).'),
      maxRepublishes: z
        .number()
        .int()
        .min(0)
        .max(100)
        .optional()
        .describe('Re-publishes of one stuck state before the document is marked failed.'),
    }),
  },
  retention: {
    name: 'retention',
    schedule: '30 3 * * *',
    description:
      "Deletes the files and extracted text of settled documents older than their tenant's retention policy (document and destination records stay, marked purged) and reports what it freed.",
    params: z.strictObject({
      tenantId: tenantId.optional(),
      dryRun: z.boolean().optional().describe('Count what would be freed without deleting.'),
      limit: z
        .number()
        .int()
        .positive()
        .max(1_000_000)
        .optional()
        .describe('Documents handled in this run at most (default: all that are due).'),
    }),
  },
  'daily-digest': {
    name: 'daily-digest',
    schedule: '15 0 * * *',
    description:
      'Per tenant: documents received on one UTC day (default: yesterday) by type and outcome, failure rate, p50/p95 end-to-end latency; stored per tenant and day, read at GET /v1/reports/digest.',
    params: z.strictObject({ date: isoDate.optional(), tenantId: tenantId.optional() }),
  },
  'classifier-retraining': {
    name: 'classifier-retraining',
    schedule: '0 2 * * *',
    description: "Retrains each tenant's classifier model from its review corrections.",
    params: z.strictObject({ tenantId: tenantId.optional() }),
  },
  'queue-depth-sampler': {
    name: 'queue-depth-sampler',
    schedule: '* * * * *',
    description: 'Exports messages and consumers per queue as metrics (dashboards, autoscaling).',
    params: z.strictObject({}),
  },
} as const satisfies Record<string, JobSpec>;

export type JobName = keyof typeof jobCatalog;
export const jobNames = Object.keys(jobCatalog) as [JobName, ...JobName[]];
export type JobParams<N extends JobName> = z.infer<(typeof jobCatalog)[N]['params']>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}

/** Job run statuses, shared by the scheduler (writer) and the gateway (reader). */
export const jobRunStatuses = ['queued', 'running', 'succeeded', 'failed', 'skipped'] as const;
export type JobRunStatus = (typeof jobRunStatuses)[number];
