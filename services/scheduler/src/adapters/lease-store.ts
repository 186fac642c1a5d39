import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';

/**
 * A firing lease: `_id` is `${job}@${scheduledFor ISO}`, so of every replica that wakes for one
 * firing exactly one inserts it (unique-key inserts are atomic on MongoDB and FerretDB; conditional
 * updates are not on FerretDB, so nothing here depends on them). An expired lease is taken over by
 * inserting `${leaseId}#expired`: again exactly one replica wins.
 */
export interface Lease {
  _id: string;
  kind: 'lease' | 'takeover';
  job: string;
  runId: string;
  owner: string;
  scheduledFor: Date;
  takenAt: Date;
  expiresAt: Date;
  /** Set by the holder when its run ended (only the holder writes its lease). */
  releasedAt?: Date;
}

export interface LeaseStore {
  take(lease: Omit<Lease, '_id' | 'kind' | 'takenAt'>, now: Date): Promise<Lease | null>;
  /** Leases of the job not released yet (the holder is running, or died). */
  open(job: string, exceptId: string): Promise<Lease[]>;
  /** Claims an expired lease for cleanup; true for exactly one caller. */
  takeOver(lease: Lease, owner: string, now: Date): Promise<boolean>;
  release(id: string, now: Date): Promise<void>;
}

export const leaseIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.jobLeases]: [{ key: { job: 1, releasedAt: 1 }, name: 'job_open' }],
};

export const leaseId = (job: string, scheduledFor: Date): string =>
  `${job}@${scheduledFor.toISOString()}`;

function isDuplicate(err: unknown): boolean {
  return (err as { code?: number }).code === 11000;
}

export function createLeaseStore(db: Db): LeaseStore {
  const leases = db.collection<Lease>(COLLECTIONS.jobLeases);
  const insert = async (doc: Lease): Promise<boolean> => {
    try {
      await leases.insertOne(doc);
      return true;
    } catch (err) {
      if (isDuplicate(err)) return false;
      throw err;
    }
  };
  return {
    async take(fields, now) {
      const lease: Lease = {
        ...fields,
        _id: leaseId(fields.job, fields.scheduledFor),
        kind: 'lease',
        takenAt: now,
      };
      return (await insert(lease)) ? lease : null;
    },
    open: async (job, exceptId) =>
      (await leases.find({ job, releasedAt: { $exists: false } }).toArray()).filter(
        (l) => l.kind === 'lease' && l._id !== exceptId,
      ),
    takeOver: (lease, owner, now) =>
      insert({
        ...lease,
        _id: `${lease._id}#expired`,
        kind: 'takeover',
        owner,
        takenAt: now,
        releasedAt: now,
      }),
    async release(id, now) {
      await leases.updateOne({ _id: id }, { $set: { releasedAt: now } });
    },
  };
}
