import type { Db } from 'mongodb';
import { COLLECTIONS, type DocumentRecord } from '@docflow/documents';

export interface BatchRecord {
  _id: string;
  tenantId: string;
  createdAt: Date;
  total: number;
  documentIds: string[];
  metadata?: Record<string, unknown>;
}

export type BatchRow = Pick<
  DocumentRecord,
  '_id' | 'status' | 'stage' | 'createdAt' | 'finishedAt' | 'filename'
>;

export interface BatchRepository {
  create(batch: BatchRecord): Promise<void>;
  /** Removes a batch whose upload failed before it was answered. */
  remove(id: string): Promise<void>;
  get(tenantId: string, id: string): Promise<BatchRecord | null>;
  /** Status rows of the batch's documents. */
  rows(tenantId: string, id: string): Promise<BatchRow[]>;
}

export function createBatchRepository(db: Db): BatchRepository {
  const batches = db.collection<BatchRecord>(COLLECTIONS.batches);
  const documents = db.collection<DocumentRecord>(COLLECTIONS.documents);
  return {
    async create(batch) {
      await batches.insertOne(batch);
    },
    async remove(id) {
      await batches.deleteOne({ _id: id });
    },
    async get(tenantId, id) {
      const batch = await batches.findOne({ _id: id });
      return batch && batch.tenantId === tenantId ? batch : null;
    },
    rows: (tenantId, id) =>
      documents
        .find(
          { tenantId, batchId: id },
          { projection: { status: 1, stage: 1, createdAt: 1, finishedAt: 1, filename: 1 } },
        )
        .toArray() as Promise<BatchRow[]>,
  };
}
