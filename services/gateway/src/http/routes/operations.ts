import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consumers, deadLetterSchema, type ConsumerName } from '@docflow/contracts';
import type { AppDeps } from '../../app-deps';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';

const depthSchema = z.object({
  name: z.string(),
  ready: z.number().nullable(),
  unacked: z.number().nullable().describe('null when read by passive declare'),
  consumers: z.number().nullable(),
});

const pipelineSchema = z.object({
  source: z.enum(['management', 'passive']),
  stages: z.array(
    z.object({
      name: z.string(),
      service: z.string(),
      description: z.string(),
      pipelineStage: z.boolean(),
      consumes: z.array(z.string()),
      produces: z.array(z.string()),
      queue: depthSchema,
      retrying: z.number().nullable(),
      deadLetterQueue: depthSchema,
      deadLettersStored: z.number(),
    }),
  ),
  breakers: z
    .array(
      z.object({
        service: z.string(),
        name: z.string().describe('What it guards: `clamd`, `webhook:<endpoint id>`.'),
        replica: z.string().describe('The process (host:pid); each replica has its own.'),
        state: z.enum(['closed', 'halfOpen', 'open']),
        since: z.string().describe('ISO 8601 date-time: when it entered this state.'),
        reportedAt: z.string().describe('ISO 8601 date-time: its process last reported.'),
      }),
    )
    .describe(
      "Circuit breakers of the processes alive now (reported within the last 90 s). A tenant key sees shared ones and its own webhook endpoints'; the admin key sees all.",
    ),
});

const checkSchema = z.object({ ok: z.boolean(), detail: z.string().optional() });
const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ broker: checkSchema, database: checkSchema }),
  services: z.record(z.string(), checkSchema.extend({ consumers: z.number().nullable() })),
});

const consumerNames = consumers.map((c) => c.name) as [ConsumerName, ...ConsumerName[]];

/** Pipeline introspection, health, and dead-letter administration. */
export function operationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const pipeline = async (request: FastifyRequest) => {
    const [{ source, stages }, stored, breakers] = await Promise.all([
      deps.pipeline.stages(),
      deps.deadLetters.counts(),
      deps.breakers(),
    ]);
    const principal = request.principal;
    const visible = (owner: string | undefined) =>
      owner === undefined ||
      principal?.kind === 'admin' ||
      (principal?.kind === 'tenant' && principal.tenant._id === owner);
    return {
      source,
      stages: stages.map((s) => ({
        ...s,
        consumes: [...s.consumes],
        produces: [...s.produces],
        deadLettersStored: stored[s.name] ?? 0,
      })),
      breakers: breakers
        .filter((b) => visible(b.tenantId))
        .map((b) => ({
          service: b.service,
          name: b.breaker,
          replica: b.replica,
          state: b.state,
          since: b.since.toISOString(),
          reportedAt: b.reportedAt.toISOString(),
        })),
    };
  };

  return async (app) => {
    app.get(
      '/v1/pipeline',
      {
        config: { auth: 'any' },
        schema: {
          summary:
            'Stages with the events they consume and produce, queue depths and consumers; circuit breakers',
          description:
            'Derived from the contracts topology and the broker, never a hand-kept list.',
          tags: ['operations'],
          response: { 200: pipelineSchema, ...errorResponses },
        },
      },
      pipeline,
    );

    app.get(
      '/v1/health',
      {
        config: { auth: 'any' },
        schema: {
          summary: 'Broker, database and every service (by its consumers); 503 when any is down',
          tags: ['operations'],
          response: { 200: healthSchema, 503: healthSchema, 401: errorResponses[401] },
        },
      },
      async (_request, reply) => {
        const broker = deps.bus.connection.isConnected;
        const database = await deps.pingDatabase();
        const services: Record<string, { ok: boolean; consumers: number | null; detail?: string }> =
          {};
        try {
          const { stages } = await deps.pipeline.stages();
          for (const stage of stages) {
            const n = stage.queue.consumers;
            services[stage.service] = {
              ok: (n ?? 0) > 0,
              consumers: n,
              ...((n ?? 0) > 0 ? {} : { detail: `no consumer on ${stage.queue.name}` }),
            };
          }
        } catch (err) {
          for (const c of consumers)
            services[c.service] = { ok: false, consumers: null, detail: (err as Error).message };
        }
        const ok = broker && database && Object.values(services).every((s) => s.ok);
        void reply.code(ok ? 200 : 503);
        return {
          status: ok ? ('ok' as const) : ('degraded' as const),
          checks: {
            broker: broker ? { ok: true } : { ok: false, detail: 'not connected' },
            database: database ? { ok: true } : { ok: false, detail: 'ping failed' },
          },
          services,
        };
      },
    );

    const view = (d: Awaited<ReturnType<typeof deps.deadLetters.list>>[number]) => {
      let event: unknown = d.body;
      try {
        event = JSON.parse(d.body);
      } catch {
        // not JSON: shown as text
      }
      return {
        id: d._id,
        consumer: d.consumer,
        reason: d.reason,
        errorCode: d.errorCode,
        lastError: d.lastError,
        retries: d.retries,
        replays: d.replays,
        deadLetteredAt: d.deadLetteredAt.toISOString(),
        eventType: d.eventType,
        eventId: d.eventId,
        documentId: d.documentId,
        tenantId: d.tenantId,
        event,
      };
    };

    app.get(
      '/v1/dead-letters',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Dead-lettered messages (admin): reason, attempts, last error, original event',
          tags: ['operations'],
          querystring: z.object({
            stage: z.enum(consumerNames).optional().describe('Consumer name, e.g. ocr'),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: { 200: z.object({ items: z.array(deadLetterSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (
          await deps.deadLetters.list({
            limit: request.query.limit,
            ...(request.query.stage ? { consumer: request.query.stage } : {}),
          })
        ).map(view),
      }),
    );

    const idParams = z.object({ id: z.string().regex(/^[a-f0-9]{32}$/) });

    app.post(
      '/v1/dead-letters/:id/replay',
      {
        config: { auth: 'admin' },
        schema: {
          summary: "Put a dead letter back on its stage's queue with attempts reset (admin)",
          tags: ['operations'],
          params: idParams,
          response: { 200: deadLetterSchema, ...errorResponses },
        },
      },
      async (request) => {
        const replayed = await deps.deadLetters.replay(request.params.id);
        if (!replayed) throw apiError('DEAD_LETTER_NOT_FOUND');
        return view(replayed);
      },
    );

    app.delete(
      '/v1/dead-letters/:id',
      {
        config: { auth: 'admin' },
        schema: {
          summary: 'Forget a dead letter (admin)',
          tags: ['operations'],
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!(await deps.deadLetters.remove(request.params.id)))
          throw apiError('DEAD_LETTER_NOT_FOUND');
        return reply.code(204).send(null);
      },
    );
  };
}
