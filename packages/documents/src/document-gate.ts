import type { Db } from 'mongodb';
import type { DocumentGate } from '@docflow/platform';
import { COLLECTIONS } from './collections';
import { documentError } from './errors';

/**
 * The gate every stage puts before its handlers: a cancelled document's events are dropped, so no
 * later stage works on it. One lookup by `_id` per message. The publisher's `document.classified`
 * handler goes without it: it claims the terminal state through the state machine before writing
 * records, and the claim refuses a cancelled document.
 *
 * An event naming another tenant than its document's is refused (a permanent error: the runtime
 * dead-letters it), so no stage ever reads one tenant's file or writes its records for another.
 */
export function createDocumentGate(db: Db): DocumentGate {
  const documents = db.collection<{ _id: string; status?: string; tenantId?: string }>(
    COLLECTIONS.documents,
  );
  return async (event) => {
    if (!event.documentId) return true;
    const found = await documents.findOne(
      { _id: event.documentId },
      { projection: { status: 1, tenantId: 1 } },
    );
    if (found && found.tenantId !== event.tenantId)
      throw documentError(
        'TENANT_MISMATCH',
        `document ${event.documentId} does not belong to tenant ${event.tenantId}`,
      );
    return found?.status !== 'cancelled';
  };
}
