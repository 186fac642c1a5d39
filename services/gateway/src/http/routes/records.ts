import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { docTypeSchema } from '@docflow/contracts';
import { recordKinds } from '../../adapters/record-repository';
import type { AppDeps } from '../../app-deps';
import { decodeCursor, encodeCursor } from '../../domain/cursor';
import { tenantOf } from '../auth';
import { errorResponses } from '../schemas';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const querySchema = z.object({
  documentId: z.uuid().optional(),
  docType: docTypeSchema.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  dateFrom: day
    .optional()
    .describe('Document date (issue date, receipt or transaction date) from.'),
  dateTo: day.optional().describe('Document date up to and including.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

/** Canonical records of the calling tenant, newest first, with filters and cursor pagination. */
export function recordRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/records/:kind',
      {
        schema: {
          summary: 'Canonical records (invoices, expenses, bank transactions, archive)',
          description:
            'What the publisher wrote, latest revision only. Fields per kind are described in services/publisher/README.md.',
          tags: ['records'],
          params: z.object({ kind: z.enum(recordKinds) }),
          querystring: querySchema,
          response: {
            200: z.object({
              items: z.array(z.record(z.string(), z.unknown())),
              nextCursor: z.string().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { limit, cursor, ...filters } = request.query;
        const page = await deps.records.list(request.params.kind, tenantOf(request)._id, filters, {
          limit,
          ...(cursor ? { after: decodeCursor(cursor) } : {}),
        });
        return {
          items: page.items.map(({ _id, createdAt, updatedAt, ...rest }) => ({
            id: _id,
            ...rest,
            createdAt: createdAt?.toISOString() ?? null,
            updatedAt: updatedAt?.toISOString() ?? null,
          })),
          nextCursor: page.next ? encodeCursor(page.next) : null,
        };
      },
    );
  };
}
