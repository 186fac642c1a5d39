import type { EventType } from '@docflow/contracts';

const envelope = (type: string, documentId = '3f0c1b9e-6d2a-4c1e-9d7b-2a4f6e8c0b11') => ({
  eventId: '0b6f3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  type,
  schemaVersion: 1,
  occurredAt: '2026-03-15T10:00:00.000Z',
  tenantId: 'acme',
  documentId,
  correlationId: documentId,
  causationId: null,
  attempt: 1,
});

const extraction = {
  fields: { total: { value: 121, raw: '121,00 €', confidence: 0.97 } },
  tables: {},
};

/** One valid event of every type, as it would travel on the wire. */
export const sampleEvents: Record<EventType, Record<string, unknown>> = {
  'document.received': {
    ...envelope('document.received'),
    payload: { blob: { bucket: 'blobs', id: 'abc' }, filename: 'a.pdf', sizeBytes: 10 },
  },
  'document.scanned': {
    ...envelope('document.scanned'),
    payload: {
      blob: { bucket: 'blobs', id: 'abc' },
      detectedType: 'pdf',
      mimeType: 'application/pdf',
      sizeBytes: 10,
      sha256: 'c'.repeat(64),
      pages: 1,
      antivirus: { status: 'clean', engine: 'ClamAV' },
    },
  },
  'document.rejected': {
    ...envelope('document.rejected'),
    payload: { stage: 'scanner', reason: 'infected', message: 'Eicar found' },
  },
  'document.text_extracted': {
    ...envelope('document.text_extracted'),
    payload: {
      detectedType: 'pdf',
      text: { store: 'collection', id: 'x' },
      totalChars: 100,
      pages: [{ page: 1, method: 'text_layer', confidence: 1, chars: 100, durationMs: 3 }],
    },
  },
  'document.classified': {
    ...envelope('document.classified'),
    payload: {
      docType: 'invoice',
      confidence: 0.98,
      modelVersion: 'm1',
      candidates: [{ docType: 'invoice', probability: 0.98 }],
      extraction,
      findings: [],
    },
  },
  'document.needs_review': {
    ...envelope('document.needs_review'),
    payload: {
      reason: 'low_confidence',
      confidence: 0.4,
      modelVersion: 'm1',
      candidates: [],
      extraction,
      findings: [{ code: 'total.mismatch', severity: 'error', message: 'x' }],
    },
  },
  'document.published': {
    ...envelope('document.published'),
    payload: { docType: 'invoice', records: [{ collection: 'invoices', id: 'r1' }], revision: 1 },
  },
  'document.failed': {
    ...envelope('document.failed'),
    payload: { stage: 'ocr', error: { code: 'X', message: 'y' }, retries: 5 },
  },
  'document.cancelled': { ...envelope('document.cancelled'), payload: {} },
  'job.requested': {
    ...envelope('job.requested'),
    documentId: undefined,
    payload: {
      runId: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      job: 'retention',
      trigger: 'on_demand',
      params: {},
    },
  },
  'job.completed': {
    ...envelope('job.completed'),
    documentId: undefined,
    payload: {
      runId: '9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      job: 'retention',
      status: 'succeeded',
      startedAt: '2026-03-15T10:00:00Z',
      finishedAt: '2026-03-15T10:00:01Z',
    },
  },
};
