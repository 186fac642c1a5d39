import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { digestOutcomes } from '@docflow/contracts';
import type { AppDeps } from '../../app-deps';
import { tenantOf } from '../auth';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';

const byOutcomeSchema = z.object(
  Object.fromEntries(digestOutcomes.map((o) => [o, z.number().int()])) as Record<
    (typeof digestOutcomes)[number],
    z.ZodNumber
  >,
);

const digestSchema = z.object({
  date: z.string().describe('The UTC day, YYYY-MM-DD.'),
  documents: z.number().int().describe('Documents uploaded that day.'),
  byOutcome: byOutcomeSchema.describe('Their status when the digest ran.'),
  byType: z
    .record(z.string(), byOutcomeSchema)
    .describe('Per document type (`unclassified` when none), documents by outcome.'),
  failureRate: z.number().nullable().describe('failed / documents; null without documents.'),
  latencyMs: z
    .object({
      p50: z.number().nullable(),
      p95: z.number().nullable(),
      settled: z.number().int().describe('Documents the percentiles are taken over.'),
    })
    .describe('Upload to settled status (published, needs review, rejected, failed).'),
  generatedAt: z.string().describe('ISO 8601 date-time the digest was computed.'),
});

/** Reports of the calling tenant: the daily digest the scheduler computes. */
export function reportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/reports/digest',
      {
        schema: {
          summary: "The tenant's daily digest of one UTC day",
          description:
            'Documents uploaded on the day by type and outcome, failure rate and p50/p95 end-to-end latency, as the daily-digest job computed them (each night for the day before; on demand through /v1/jobs).',
          tags: ['reports'],
          querystring: z.object({
            date: z.iso.date().describe('The UTC day, YYYY-MM-DD.'),
          }),
          response: { 200: digestSchema, ...errorResponses },
        },
      },
      async (request) => {
        const tenant = tenantOf(request);
        const { date } = request.query;
        const digest = await deps.digests.get(tenant._id, date);
        if (!digest)
          throw apiError(
            'DIGEST_NOT_FOUND',
            `no digest for ${date}: the daily-digest job has not run for that day`,
          );
        return {
          date: digest.date,
          documents: digest.documents,
          byOutcome: digest.byOutcome,
          byType: digest.byType,
          failureRate: digest.failureRate,
          latencyMs: digest.latencyMs,
          generatedAt: digest.generatedAt.toISOString(),
        };
      },
    );
  };
}
