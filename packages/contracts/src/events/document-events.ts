import { z } from 'zod';
import { defineEvent } from '../envelope';
import {
  blobRefSchema,
  candidateSchema,
  detectedTypeSchema,
  docTypeSchema,
  einvoiceInfoSchema,
  errorInfoSchema,
  extractionSchema,
  findingSchema,
  pageMethodSchema,
  recordRefSchema,
  rejectionReasonSchema,
  stageNameSchema,
  textRefSchema,
} from './document-parts';

export const documentReceived = defineEvent({
  type: 'document.received',
  version: 1,
  documentScoped: true,
  description: 'A file was stored and its document record written; scanning may start.',
  payload: z.object({
    blob: blobRefSchema,
    filename: z.string().min(1).max(1024),
    declaredContentType: z.string().max(255).optional(),
    sizeBytes: z.number().int().min(0),
    batchId: z.uuid().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const documentScanned = defineEvent({
  type: 'document.scanned',
  version: 1,
  documentScoped: true,
  description: 'The file passed validation and antivirus; text extraction may start.',
  payload: z.object({
    blob: blobRefSchema,
    detectedType: detectedTypeSchema,
    mimeType: z.string(),
    sizeBytes: z.number().int().min(0),
    sha256: z.string().regex(/^[a-f0-9]{64}$/),
    pages: z.number().int().min(0).optional(),
    duplicateOf: z
      .uuid()
      .optional()
      .describe('An earlier document of the tenant with the same content.'),
    antivirus: z.object({
      status: z.enum(['clean', 'not_scanned']),
      engine: z.string().optional(),
    }),
    einvoice: einvoiceInfoSchema
      .optional()
      .describe('Set when the file is a structured e-invoice: OCR then reads no pixels.'),
  }),
});

export const documentRejected = defineEvent({
  type: 'document.rejected',
  version: 1,
  documentScoped: true,
  description:
    'The file was refused (type, limits, corruption, malware, duplicate); nothing further runs.',
  payload: z.object({
    stage: stageNameSchema,
    reason: rejectionReasonSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const documentTextExtracted = defineEvent({
  type: 'document.text_extracted',
  version: 1,
  documentScoped: true,
  description: 'Text was extracted page by page and stored; classification may start.',
  payload: z.object({
    detectedType: detectedTypeSchema,
    text: textRefSchema,
    totalChars: z.number().int().min(0),
    language: z.string().optional(),
    einvoice: einvoiceInfoSchema
      .optional()
      .describe(
        'A structured e-invoice: its XML is stored with the text, the classifier reads it.',
      ),
    pages: z.array(
      z.object({
        page: z.number().int().min(1),
        method: pageMethodSchema,
        confidence: z.number().min(0).max(1),
        chars: z.number().int().min(0),
        durationMs: z.number().min(0),
      }),
    ),
  }),
});

export const documentClassified = defineEvent({
  type: 'document.classified',
  version: 1,
  documentScoped: true,
  description: 'Type, fields and validation findings are known with enough confidence to publish.',
  payload: z.object({
    docType: docTypeSchema,
    confidence: z.number().min(0).max(1),
    modelVersion: z.string(),
    language: z.string().optional(),
    candidates: z.array(candidateSchema),
    extraction: extractionSchema,
    findings: z.array(findingSchema),
  }),
});

export const documentNeedsReview = defineEvent({
  type: 'document.needs_review',
  version: 1,
  documentScoped: true,
  description: 'A person must confirm the type or fields (low confidence or failed validation).',
  payload: z.object({
    reason: z.enum(['low_confidence', 'validation_failed']),
    docType: docTypeSchema.optional(),
    confidence: z.number().min(0).max(1),
    modelVersion: z.string(),
    candidates: z.array(candidateSchema),
    extraction: extractionSchema,
    findings: z.array(findingSchema),
  }),
});

export const documentPublished = defineEvent({
  type: 'document.published',
  version: 1,
  documentScoped: true,
  description: 'Canonical records were written to their destination collections.',
  payload: z.object({
    docType: docTypeSchema,
    records: z.array(recordRefSchema).min(1),
    revision: z.number().int().min(1),
  }),
});

export const documentFailed = defineEvent({
  type: 'document.failed',
  version: 1,
  documentScoped: true,
  description: 'A stage gave up on the document (permanent error or retries exhausted).',
  payload: z.object({
    stage: stageNameSchema,
    error: errorInfoSchema,
    retries: z.number().int().min(0),
  }),
});

export const documentCancelled = defineEvent({
  type: 'document.cancelled',
  version: 1,
  documentScoped: true,
  description: 'The tenant cancelled the document; every later stage drops it.',
  payload: z.object({
    reason: z.string().max(500).optional(),
  }),
});
