import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../document-status';
import {
  candidateSchema,
  docTypeSchema,
  einvoiceInfoSchema,
  extractedFieldSchema,
  extractionSchema,
  findingSchema,
  recordRefSchema,
  stageNameSchema,
} from '../events/document-parts';

/** REST views of documents, built from the events' parts so the OpenAPI document follows them. */
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);
const isoDate = z.string().describe('ISO 8601 date-time');

export const acceptedSchema = z.object({
  batchId: z.uuid().optional(),
  documents: z.array(
    z.object({
      id: z.uuid(),
      filename: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      status: documentStatusSchema,
      statusUrl: z.string(),
    }),
  ),
  batchUrl: z.string().optional(),
});

export const timelineEntrySchema = z.object({
  event: z.string(),
  status: documentStatusSchema,
  applied: z.boolean().describe('False when the event arrived late and did not move the status.'),
  stage: z.string(),
  at: isoDate,
  durationMs: z.number(),
  attempt: z.number().int(),
});

export const documentViewSchema = z.object({
  id: z.uuid(),
  batchId: z.uuid().nullable(),
  filename: z.string(),
  declaredContentType: z.string().nullable(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  status: documentStatusSchema,
  stage: z
    .string()
    .nullable()
    .describe('Who works on it next: scanner, ocr, classifier, publisher, review.'),
  attempt: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
  finishedAt: isoDate.nullable(),
  timeline: z.array(timelineEntrySchema),
  errors: z.array(
    z.object({
      stage: stageNameSchema,
      code: z.string(),
      message: z.string(),
      transient: z.boolean().optional(),
      at: isoDate,
      attempt: z.number().int(),
    }),
  ),
  scan: z
    .object({
      detectedType: z.string(),
      mimeType: z.string(),
      pages: z.number().int().optional(),
      duplicateOf: z.string().optional(),
      antivirus: z.object({ status: z.string(), engine: z.string().optional() }),
      einvoice: einvoiceInfoSchema.optional(),
    })
    .nullable(),
  text: z
    .object({
      totalChars: z.number().int(),
      pages: z.number().int(),
      language: z.string().optional(),
    })
    .nullable(),
  result: z
    .object({
      docType: docTypeSchema.optional(),
      confidence: z.number(),
      modelVersion: z.string(),
      language: z.string().optional(),
      candidates: z.array(candidateSchema),
      fields: extractionSchema.shape.fields,
      tables: z.record(z.string(), z.array(z.record(z.string(), extractedFieldSchema))),
      findings: z.array(findingSchema),
      reviewed: z.object({ at: isoDate, by: z.string() }).optional(),
    })
    .nullable(),
  rejection: z
    .object({
      stage: z.string(),
      reason: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    })
    .nullable(),
  records: z.array(recordRefSchema),
  revision: z.number().int().nullable(),
  cancellation: z.object({ at: isoDate, reason: z.string().optional() }).nullable(),
  purgedAt: isoDate
    .nullable()
    .describe(
      'When the retention policy deleted the file and the extracted text (they answer 410 since); the record stays.',
    ),
  links: z.object({ self: z.string(), file: z.string(), text: z.string() }),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

export const documentSummarySchema = documentViewSchema
  .pick({
    id: true,
    batchId: true,
    filename: true,
    sizeBytes: true,
    status: true,
    stage: true,
    attempt: true,
    createdAt: true,
    updatedAt: true,
    finishedAt: true,
  })
  .extend({
    docType: docTypeSchema.nullable(),
    confidence: z.number().nullable(),
  });

export const documentPageSchema = z.object({
  items: z.array(documentSummarySchema),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page; null at the end.'),
});

export const textViewSchema = z.object({
  documentId: z.uuid(),
  totalChars: z.number().int(),
  pages: z.array(z.object({ page: z.number().int(), text: z.string() })),
});
