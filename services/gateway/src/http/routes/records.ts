import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Filter } from 'mongodb';
import { z } from 'zod';
import { COLLECTIONS } from '@docflow/documents';
import type { AppDeps } from '../../app';
import { decodeCursor, encodeCursor } from '../../domain/cursor';
import { tenantOf } from '../auth';
import { errorResponses } from '../schemas';

/** URL names of the destination collections the publisher writes. */
const KINDS = {
  invoices: COLLECTIONS.invoices,
  expenses: COLLECTIONS.expenses,
  'bank-transactions': COLLECTIONS.bankTransactions,
  archive: COLLECTIONS.archive,
} as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const querySchema = z.object({
  documentId: z.uuid().optional(),
  docType: z.string().max(40).optional(),
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

/** The date field each kind is filtered on. */
const DATE_FIELD: Record<keyof typeof KINDS, string> = {
  invoices: 'issueDate',
  expenses: 'date',
  'bank-transactions': 'date',
  archive: 'date',
};

interface RecordRow {
  _id: string;
  tenantId: string;
  createdAt?: Date;
  updatedAt?: Date;
  [field: string]: unknown;
}

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
          params: z.object({ kind: z.enum(Object.keys(KINDS) as [keyof typeof KINDS]) }),
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
        const tenant = tenantOf(request);
        const { kind } = request.params;
        const q = request.query;
        const filter: Filter<RecordRow> = { tenantId: tenant._id };
        if (q.documentId) filter.documentId = q.documentId;
        if (q.docType) filter.docType = q.docType;
        if (q.currency) filter.currency = q.currency;
        const dates: Record<string, string> = {};
        if (q.dateFrom) dates.$gte = q.dateFrom;
        if (q.dateTo) dates.$lte = q.dateTo;
        if (Object.keys(dates).length > 0) filter[DATE_FIELD[kind]] = dates;
        if (q.cursor) {
          const cursor = decodeCursor(q.cursor);
          filter.$or = [
            { createdAt: { $lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, _id: { $lt: cursor.id } },
          ];
        }
        const rows = await deps.db
          .collection<RecordRow>(KINDS[kind])
          .find(filter)
          .sort({ createdAt: -1, _id: -1 })
          .limit(q.limit + 1)
          .toArray();
        const page = rows.slice(0, q.limit);
        const last = page[page.length - 1];
        return {
          items: page.map(({ _id, createdAt, updatedAt, ...rest }) => ({
            id: _id,
            ...rest,
            createdAt: createdAt?.toISOString() ?? null,
            updatedAt: updatedAt?.toISOString() ?? null,
          })),
          nextCursor:
            rows.length > q.limit && last?.createdAt
              ? encodeCursor({ createdAt: last.createdAt, id: last._id })
              : null,
        };
      },
    );
  };
}
