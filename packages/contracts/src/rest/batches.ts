import { z } from 'zod';
import { documentStatusSchema } from './documents';

const isoDate = z.string().describe('ISO 8601 date-time');

/** A batch's progress: counts by status and stage, latency percentiles, its documents. */
export const batchViewSchema = z.object({
  id: z.uuid(),
  total: z.number().int(),
  settled: z.number().int().describe('Documents in a final or waiting state.'),
  percentDone: z.number(),
  byStatus: z.record(z.string(), z.number().int()),
  byStage: z.record(z.string(), z.number().int()),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
  latencyMs: z.object({
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    max: z.number().nullable(),
  }),
  documents: z.array(
    z.object({
      id: z.uuid(),
      filename: z.string(),
      status: documentStatusSchema,
      stage: z.string().nullable(),
    }),
  ),
});

/** What a batch action (retry, cancel) did to each document. */
export const batchActionSchema = z.object({
  batchId: z.uuid(),
  affected: z.array(z.uuid()),
  skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })),
});
