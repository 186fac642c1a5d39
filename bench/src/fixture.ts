import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { originEvent } from '@docflow/platform';
import type { AnyEvent } from '@docflow/contracts';

/** N `document.received` events of about 1 KB each, and their document records in `received`. */
export async function seedDocuments(db: Db, n: number): Promise<AnyEvent[]> {
  const filler = 'x'.repeat(620);
  const events = Array.from({ length: n }, () => {
    const documentId = randomUUID();
    return originEvent(
      'document.received',
      {
        blob: { bucket: 'blobs', id: randomUUID() },
        filename: 'invoice-2026-000123.pdf',
        sizeBytes: 48_213,
        metadata: { source: 'bench', note: filler },
      },
      { tenantId: 'bench', documentId },
    );
  });
  await db.collection('documents').insertMany(
    events.map((e) => ({
      _id: e.documentId as unknown as never,
      tenantId: e.tenantId,
      status: 'received',
      updatedAt: new Date(),
    })),
  );
  return events;
}

export const scannedPayload = (documentId: string) => ({
  blob: { bucket: 'blobs', id: documentId },
  detectedType: 'pdf' as const,
  mimeType: 'application/pdf',
  sizeBytes: 48_213,
  sha256: 'e'.repeat(64),
  antivirus: { status: 'clean' as const },
});

/** The one conditional state update both (b) and (c) make per message. */
export function advanceState(db: Db, documentId: string) {
  return db
    .collection<{ _id: string; status: string }>('documents')
    .updateOne(
      { _id: documentId, status: 'received' },
      { $set: { status: 'scanned' }, $currentDate: { updatedAt: true } },
    );
}
