import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SYSTEM_TENANT,
  jobCatalog,
  jobNames,
  jobRunStatuses,
  type JobRunRecord,
} from '@docflow/contracts';
import { originEvent } from '@docflow/platform';
import type { AppDeps } from '../../app-deps';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';

const runSchema = z.object({
  id: z.string(),
  job: z.string(),
  trigger: z.enum(['schedule', 'on_demand']),
  status: z.enum(jobRunStatuses),
  params: z.record(z.string(), z.unknown()),
  requestedAt: z.string(),
  scheduledFor: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  output: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
const runView = (r: JobRunRecord): z.infer<typeof runSchema> => ({
  id: r._id,
  job: r.job,
  trigger: r.trigger,
  status: r.status,
  params: r.params,
  requestedAt: r.requestedAt.toISOString(),
  scheduledFor: iso(r.scheduledFor),
  startedAt: iso(r.startedAt),
  finishedAt: iso(r.finishedAt),
  durationMs: r.durationMs ?? null,
  output: r.output ?? null,
  error: r.error ?? null,
});

/** The scheduler's jobs (admin key): catalogue with last and next runs, on-demand runs. */
export function jobRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const admin = { auth: 'admin' as const };

  return async (app) => {
    app.get(
      '/v1/jobs',
      {
        config: admin,
        schema: {
          summary: 'The job catalogue with each schedule, last run and next run (admin)',
          tags: ['jobs'],
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  name: z.string(),
                  description: z.string(),
                  schedule: z.string(),
                  parameters: z.unknown().describe('JSON Schema of the on-demand parameters.'),
                  nextRunAt: z.string().nullable(),
                  lastRun: runSchema.nullable(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async () => ({
        items: await Promise.all(
          jobNames.map(async (name) => {
            const spec = jobCatalog[name];
            const [nextRunAt, lastRun] = await Promise.all([
              deps.jobRuns.nextRunAt(name),
              deps.jobRuns.lastRun(name),
            ]);
            return {
              name,
              description: spec.description,
              schedule: spec.schedule,
              parameters: z.toJSONSchema(spec.params),
              nextRunAt: nextRunAt ? nextRunAt.toISOString() : null,
              lastRun: lastRun ? runView(lastRun) : null,
            };
          }),
        ),
      }),
    );

    app.post(
      '/v1/jobs/:name/runs',
      {
        config: admin,
        schema: {
          summary: 'Run a job now with parameters checked by its schema (admin)',
          tags: ['jobs'],
          params: z.object({ name: z.enum(jobNames) }),
          body: z.record(z.string(), z.unknown()).optional().default({}),
          response: { 202: runSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const spec = jobCatalog[request.params.name];
        const checked = spec.params.safeParse(request.body);
        if (!checked.success)
          throw apiError(
            'VALIDATION_FAILED',
            `invalid parameters for ${spec.name}: ${z.prettifyError(checked.error)}`,
            {
              issues: checked.error.issues,
            },
          );
        const run: JobRunRecord = {
          _id: randomUUID(),
          job: spec.name,
          trigger: 'on_demand',
          status: 'queued',
          params: checked.data as Record<string, unknown>,
          requestedAt: new Date(),
        };
        await deps.jobRuns.create(run);
        await deps.bus.publish(
          originEvent(
            'job.requested',
            { runId: run._id, job: run.job, trigger: 'on_demand', params: run.params },
            { tenantId: SYSTEM_TENANT, correlationId: run._id },
          ),
        );
        void reply.code(202);
        return runView(run);
      },
    );

    app.get(
      '/v1/jobs/runs/:id',
      {
        config: admin,
        schema: {
          summary: 'A job run: status, timings, output summary, error (admin)',
          tags: ['jobs'],
          params: z.object({ id: z.uuid() }),
          response: { 200: runSchema, ...errorResponses },
        },
      },
      async (request) => {
        const run = await deps.jobRuns.get(request.params.id);
        if (!run) throw apiError('NOT_FOUND', 'no such job run');
        return runView(run);
      },
    );
  };
}
