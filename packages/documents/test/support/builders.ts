import { randomUUID } from 'node:crypto';
import { eventCatalog, type AnyEvent, type EventType, type PayloadOf } from '@docflow/contracts';
import { newDocument, type DocumentRecord } from '../../src';

export const T0 = new Date('2026-03-15T10:00:00.000Z');

export function aDocument(
  overrides: { tenantId?: string; batchId?: string; id?: string } = {},
): DocumentRecord {
  return newDocument(
    {
      id: overrides.id ?? randomUUID(),
      tenantId: overrides.tenantId ?? 'acme',
      filename: 'invoice.pdf',
      sizeBytes: 1234,
      sha256: 'a'.repeat(64),
      blob: { bucket: 'blobs', id: 'b1' },
      ...(overrides.batchId ? { batchId: overrides.batchId } : {}),
    },
    T0,
  ).record;
}

/** A pipeline event about `doc`, `seconds` after T0. */
export function anEvent<T extends EventType>(
  doc: Pick<DocumentRecord, '_id' | 'tenantId'>,
  type: T,
  payload: PayloadOf<T>,
  options: { seconds?: number; attempt?: number; eventId?: string } = {},
): AnyEvent {
  return {
    eventId: options.eventId ?? randomUUID(),
    type,
    schemaVersion: eventCatalog[type].version,
    occurredAt: new Date(T0.getTime() + (options.seconds ?? 1) * 1000).toISOString(),
    tenantId: doc.tenantId,
    documentId: doc._id,
    correlationId: doc._id,
    causationId: null,
    attempt: options.attempt ?? 1,
    payload,
  } as AnyEvent;
}

export const payloads = {
  scanned: {
    blob: { bucket: 'blobs', id: 'b1' },
    detectedType: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 1234,
    sha256: 'a'.repeat(64),
    pages: 2,
    antivirus: { status: 'clean', engine: 'ClamAV' },
  } satisfies PayloadOf<'document.scanned'>,
  textExtracted: {
    detectedType: 'pdf',
    text: { store: 'collection', id: 't1' },
    totalChars: 900,
    pages: [{ page: 1, method: 'text_layer', confidence: 1, chars: 900, durationMs: 12 }],
  } satisfies PayloadOf<'document.text_extracted'>,
  classified: {
    docType: 'invoice',
    confidence: 0.97,
    modelVersion: 'm1',
    candidates: [{ docType: 'invoice', probability: 0.97 }],
    extraction: { fields: { total: { value: 121, confidence: 0.9 } }, tables: {} },
    findings: [],
  } satisfies PayloadOf<'document.classified'>,
  needsReview: {
    reason: 'low_confidence',
    confidence: 0.4,
    modelVersion: 'm1',
    candidates: [
      { docType: 'invoice', probability: 0.4 },
      { docType: 'receipt', probability: 0.35 },
    ],
    extraction: { fields: {}, tables: {} },
    findings: [],
  } satisfies PayloadOf<'document.needs_review'>,
  published: {
    docType: 'invoice',
    records: [{ collection: 'invoices', id: 'r1' }],
    revision: 1,
  } satisfies PayloadOf<'document.published'>,
  failedAtOcr: {
    stage: 'ocr',
    error: { code: 'OCR_ENGINE_CRASHED', message: 'tesseract exited 134', transient: true },
    retries: 5,
  } satisfies PayloadOf<'document.failed'>,
};
