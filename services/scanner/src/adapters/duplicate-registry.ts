import type { Db } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';

export interface DuplicateRegistry {
  /**
   * Records that `documentId` holds this content for the tenant. Returns the document that held it
   * first when that is another one. Safe to repeat for the same document.
   */
  claim(entry: {
    tenantId: string;
    sha256: string;
    documentId: string;
  }): Promise<{ duplicateOf?: string }>;
}

interface ContentHashRecord {
  _id: string;
  tenantId: string;
  sha256: string;
  documentId: string;
  createdAt: Date;
}

/**
 * One record per (tenant, content hash), keyed `${tenantId}:${sha256}`. The first document to insert
 * the key is the original; the unique `_id` decides races (a conditional update would not be atomic
 * on every MongoDB-protocol server).
 */
export function createDuplicateRegistry(db: Db): DuplicateRegistry {
  const records = db.collection<ContentHashRecord>(COLLECTIONS.contentHashes);
  return {
    async claim({ tenantId, sha256, documentId }) {
      const _id = `${tenantId}:${sha256}`;
      try {
        await records.insertOne({ _id, tenantId, sha256, documentId, createdAt: new Date() });
        return {};
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const holder = await records.findOne({ _id });
      if (!holder) throw new Error(`content hash ${_id} vanished after a duplicate-key error`);
      return holder.documentId === documentId ? {} : { duplicateOf: holder.documentId };
    },
  };
}
