import type { BlobRef, EventOfType } from '@docflow/contracts';
import { originEvent } from '@docflow/platform';
import type { DocumentRecord } from './document-state';

export interface NewDocument {
  id: string;
  tenantId: string;
  batchId?: string;
  filename: string;
  declaredContentType?: string;
  sizeBytes: number;
  sha256: string;
  blob: BlobRef;
  metadata?: Record<string, unknown>;
}

/** A new document's record and the `document.received` event that announces it. */
export function newDocument(
  input: NewDocument,
  now: Date,
): { record: DocumentRecord; received: EventOfType<'document.received'> } {
  const received = originEvent(
    'document.received',
    {
      blob: input.blob,
      filename: input.filename,
      sizeBytes: input.sizeBytes,
      ...(input.declaredContentType ? { declaredContentType: input.declaredContentType } : {}),
      ...(input.batchId ? { batchId: input.batchId } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
    },
    { tenantId: input.tenantId, documentId: input.id, correlationId: input.id },
  ) as EventOfType<'document.received'>;
  received.occurredAt = now.toISOString();
  const record: DocumentRecord = {
    _id: input.id,
    tenantId: input.tenantId,
    filename: input.filename,
    sizeBytes: input.sizeBytes,
    sha256: input.sha256,
    correlationId: input.id,
    createdAt: now,
    ...(input.batchId ? { batchId: input.batchId } : {}),
    ...(input.declaredContentType ? { declaredContentType: input.declaredContentType } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
    status: 'received',
    stage: 'scanner',
    attempt: 1,
    version: 1,
    updatedAt: now,
    finishedAt: null,
    timeline: [
      {
        event: 'document.received',
        status: 'received',
        applied: true,
        stage: 'gateway',
        at: now,
        durationMs: 0,
        attempt: 1,
        eventId: received.eventId,
      },
    ],
    appliedEvents: [received.eventId],
    errors: [],
    inputs: { scanner: received },
    blob: input.blob,
  };
  return { record, received };
}
