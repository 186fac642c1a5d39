import type { Db } from 'mongodb';
import type { DocumentGate } from '@docflow/platform';
import { COLLECTIONS } from './collections';

/**
 * The gate every stage puts before its handlers: a cancelled document's events are dropped, so no
 * later stage works on it. One indexed lookup by `_id` per message. The publisher does not rely on
 * this alone: it claims the terminal state through the state machine before writing records.
 */
export function createDocumentGate(db: Db): DocumentGate {
  const documents = db.collection<{ _id: string; status?: string }>(COLLECTIONS.documents);
  return async (event) => {
    if (!event.documentId) return true;
    const found = await documents.findOne({ _id: event.documentId }, { projection: { status: 1 } });
    return found?.status !== 'cancelled';
  };
}
