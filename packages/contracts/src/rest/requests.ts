import { z } from 'zod';
import { docTypeSchema, extractedFieldSchema } from '../events/document-parts';
import { documentStatusSchema } from './documents';

/** REST request shapes: document list filters, path parameters, action bodies. */
export const listQuerySchema = z.object({
  status: documentStatusSchema.optional(),
  docType: docTypeSchema.optional(),
  batchId: z.uuid().optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional(),
  createdTo: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/**
 * What document counts can be narrowed to: the list's filters but the status (what is counted)
 * and the page (counts are of the whole set).
 */
export const countQuerySchema = listQuerySchema.pick({
  docType: true,
  batchId: true,
  createdFrom: true,
  createdTo: true,
});

export const idParamsSchema = z.object({ id: z.uuid() });

export const textQuerySchema = z.object({
  include: z
    .enum(['words'])
    .optional()
    .describe(
      "`words`: also each page's words with their boxes and confidence, and the words each extracted field covers.",
    ),
});

export const cancelBodySchema = z
  .object({ reason: z.string().max(500).optional() })
  .optional()
  .default({});

export const reviewBodySchema = z.object({
  docType: docTypeSchema,
  fields: z
    .record(
      z.string().min(1).max(100),
      z.union([z.string(), z.number(), z.boolean(), z.null(), extractedFieldSchema]),
    )
    .default({})
    .describe('Corrected fields: plain values or full field objects.'),
  tables: z.record(z.string(), z.array(z.record(z.string(), extractedFieldSchema))).optional(),
});
