import { BSON, type Db, type Filter } from 'mongodb';
import type { BlobRef } from '@docflow/contracts';
import {
  BUCKETS,
  COLLECTIONS,
  type BlobStore,
  type DocumentPurge,
  type DocumentRecord,
  type DocumentStatus,
  type TextStore,
} from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';

/** The fields of a document retention needs. */
export type PurgeCandidate = Pick<
  DocumentRecord,
  '_id' | 'tenantId' | 'createdAt' | 'status' | 'blob' | 'text'
>;

/** What a document holds in storage, measured before anything is deleted. */
export interface StoredContent {
  /** Blobs that exist: the original, and its quarantined copy for an infected file. */
  blobs: { ref: BlobRef; bytes: number }[];
  /** Extracted text (record or GridFS file) and spreadsheet rows, in stored bytes. */
  textBytes: number;
}

/**
 * One purged document (`_id` = document id), inserted before its file and text are deleted: the
 * unique insert makes exactly one run the one that freed it, and keeps what was freed.
 */
export interface PurgeRecord {
  _id: string;
  tenantId: string;
  runId: string;
  claimedAt: Date;
  retentionDays: number;
  blobs: number;
  blobBytes: number;
  textBytes: number;
}

export interface PurgeStore {
  /** Tenants with their retention policy (unset: the default applies); one tenant when given. */
  policies(tenantId?: string): Promise<{ tenantId: string; retentionDays?: number }[]>;
  /** The tenant's documents in `statuses` created before `before`, not purged, oldest first. */
  candidates(
    tenantId: string,
    query: {
      before: Date;
      statuses: readonly DocumentStatus[];
      after: { createdAt: Date; id: string } | null;
      limit: number;
    },
  ): Promise<PurgeCandidate[]>;
  measure(doc: PurgeCandidate): Promise<StoredContent>;
  /** Records the purge; false when a purge of this document was recorded before (another run). */
  claim(record: PurgeRecord): Promise<boolean>;
  /** Deletes the document's blobs, text and spreadsheet rows; idempotent. */
  remove(doc: PurgeCandidate): Promise<void>;
  /** Marks the record purged (the gateway answers 410 for its file and text from then on). */
  markPurged(id: string, at: Date, purge: DocumentPurge): Promise<void>;
}

export function createPurgeStore(
  db: Db,
  stores: { blobs: Pick<BlobStore, 'remove'>; texts: Pick<TextStore, 'remove'> },
): PurgeStore {
  const documents = db.collection<DocumentRecord>(COLLECTIONS.documents);
  const purges = db.collection<PurgeRecord>(COLLECTIONS.purges);
  const gridFsLength = async (bucket: string, id: string): Promise<number | null> => {
    const file = await db
      .collection<{ _id: string; length: number }>(`${bucket}.files`)
      .findOne({ _id: id }, { projection: { length: 1 } });
    return file ? file.length : null;
  };
  const recordSize = async (collection: string, id: string): Promise<number> => {
    const found = await db.collection<{ _id: string }>(collection).findOne({ _id: id });
    return found ? BSON.calculateObjectSize(found) : 0;
  };
  /** The original, and the quarantine bucket's copy under the same id (the scanner's move). */
  const blobRefs = (doc: PurgeCandidate): BlobRef[] =>
    doc.blob.bucket === BUCKETS.quarantine
      ? [doc.blob]
      : [doc.blob, { bucket: BUCKETS.quarantine, id: doc.blob.id }];
  /** The text store keeps a document's text under the document id, in a record or a file. */
  const textId = (doc: PurgeCandidate): string => doc.text?.ref.id ?? doc._id;

  return {
    async policies(tenantId) {
      const tenants = db.collection<{ _id: string; retentionDays?: number }>(COLLECTIONS.tenants);
      const found = await tenants
        .find(tenantId ? { _id: tenantId } : {}, { projection: { retentionDays: 1 } })
        .sort({ _id: 1 })
        .toArray();
      if (tenantId && found.length === 0) return [{ tenantId }];
      return found.map((t) => ({
        tenantId: t._id,
        ...(t.retentionDays ? { retentionDays: t.retentionDays } : {}),
      }));
    },

    candidates(tenantId, { before, statuses, after, limit }) {
      const filter: Filter<DocumentRecord> = {
        tenantId,
        createdAt: { $lt: before },
        status: { $in: [...statuses] },
        purgedAt: { $exists: false },
      };
      if (after)
        filter.$or = [
          { createdAt: { $gt: after.createdAt } },
          { createdAt: after.createdAt, _id: { $gt: after.id } },
        ];
      return documents
        .find<PurgeCandidate>(filter, {
          projection: { tenantId: 1, createdAt: 1, status: 1, blob: 1, text: 1 },
        })
        .sort({ createdAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
    },

    async measure(doc) {
      const blobs: StoredContent['blobs'] = [];
      for (const ref of blobRefs(doc)) {
        const bytes = await gridFsLength(ref.bucket, ref.id);
        if (bytes !== null) blobs.push({ ref, bytes });
      }
      const textBytes =
        (await recordSize(COLLECTIONS.texts, textId(doc))) +
        ((await gridFsLength(BUCKETS.texts, textId(doc))) ?? 0) +
        (await recordSize(COLLECTIONS.extractedTables, doc._id));
      return { blobs, textBytes };
    },

    async claim(record) {
      try {
        await purges.insertOne(record);
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },

    async remove(doc) {
      for (const ref of blobRefs(doc)) await stores.blobs.remove(ref);
      await stores.texts.remove({ store: 'collection', id: textId(doc) });
      await stores.texts.remove({ store: 'gridfs', id: textId(doc) });
      await db.collection(COLLECTIONS.extractedTables).deleteOne({ _id: doc._id as never });
    },

    async markPurged(id, at, purge) {
      await documents.updateOne({ _id: id }, { $set: { purgedAt: at, purge } });
    },
  };
}
