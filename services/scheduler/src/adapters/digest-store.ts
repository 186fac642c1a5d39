import type { Db } from 'mongodb';
import type { DigestRecord } from '@docflow/contracts';
import { COLLECTIONS, type DocumentRecord } from '@docflow/documents';
import type { DigestRow } from '../domain/daily-digest';

export interface DigestStore {
  /** Every tenant id, or just the one given. */
  tenants(tenantId?: string): Promise<string[]>;
  /** The tenant's documents created in [from, to), streamed (only the fields a digest reads). */
  rows(tenantId: string, from: Date, to: Date): AsyncIterable<DigestRow>;
  /** Writes the digest, replacing an earlier one of the same tenant and day. */
  save(digest: DigestRecord): Promise<void>;
}

export function createDigestStore(db: Db): DigestStore {
  const documents = db.collection<DocumentRecord>(COLLECTIONS.documents);
  const digests = db.collection<DigestRecord>(COLLECTIONS.digests);
  return {
    async tenants(tenantId) {
      if (tenantId) return [tenantId];
      const found = await db
        .collection<{ _id: string }>(COLLECTIONS.tenants)
        .find({}, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .toArray();
      return found.map((t) => t._id);
    },
    rows: (tenantId, from, to) =>
      documents.find<DigestRow>(
        { tenantId, createdAt: { $gte: from, $lt: to } },
        { projection: { status: 1, createdAt: 1, finishedAt: 1, 'result.docType': 1 } },
      ),
    async save(digest) {
      const { _id, ...fields } = digest;
      await digests.replaceOne({ _id }, fields, { upsert: true });
    },
  };
}
