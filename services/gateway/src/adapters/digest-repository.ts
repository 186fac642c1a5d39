import type { Db } from 'mongodb';
import { digestId, type DigestRecord } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';

/** The daily digests the scheduler computes, read by tenant and day. */
export interface DigestRepository {
  /** The tenant's digest of a UTC day (YYYY-MM-DD); null when none was computed. */
  get(tenantId: string, date: string): Promise<DigestRecord | null>;
}

export function createDigestRepository(db: Db): DigestRepository {
  const digests = db.collection<DigestRecord>(COLLECTIONS.digests);
  return { get: (tenantId, date) => digests.findOne({ _id: digestId(tenantId, date) }) };
}
