import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { NOT_IMPLEMENTED, ensureIndexes, isDuplicateKey } from '@docflow/platform';

/**
 * A firing lease: `_id` is `${job}@${scheduledFor ISO}`, so of every replica that wakes for one
 * firing exactly one inserts it (unique-key inserts are atomic on MongoDB and FerretDB; conditional
 * updates are not on FerretDB, so nothing here depends on them). An expired lease is taken over by
 * inserting `${leaseId}#expired`: again exactly one replica wins. The holder renews its lease while
 * its run is alive; a renewal that finds the takeover marker knows it lost the lease.
 */
export interface Lease {
  _id: string;
  kind: 'lease' | 'takeover';
  job: string;
  runId: string;
  owner: string;
  scheduledFor: Date;
  takenAt: Date;
  /** Moved forward by the holder's renewals; the TTL index deletes the lease a while after it. */
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
  /** Moves the expiry of the holder's lease; false when it was taken over meanwhile (lost). */
  renew(id: string, expiresAt: Date): Promise<boolean>;
  release(id: string, now: Date): Promise<void>;
  /** Deletes leases that expired before `before` (servers without TTL indexes). */
  prune(before: Date): Promise<number>;
}

/**
 * Lease documents outlive their expiry by this much before they are deleted: longer than the
 * longest job period (a day), so the next firing still finds a dead holder's lease and records its
 * run as failed.
 */
export const LEASE_KEPT_AFTER_EXPIRY_MS = 7 * 24 * 3_600_000;

export const leaseIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.jobLeases]: [{ key: { job: 1, releasedAt: 1 }, name: 'job_open' }],
};

const EXPIRY_INDEX = 'lease_expiry';

/**
 * The TTL index on `expiresAt` that deletes old leases. A server without TTL indexes (FerretDB 1.x
 * answers NotImplemented) gets a plain index on the same key instead and `manual`: the scheduler
 * then prunes old leases itself.
 */
export async function ensureLeaseExpiry(db: Db): Promise<'ttl' | 'manual'> {
  const expiry = { key: { expiresAt: 1 }, name: EXPIRY_INDEX };
  try {
    await ensureIndexes(db, {
      [COLLECTIONS.jobLeases]: [
        { ...expiry, expireAfterSeconds: LEASE_KEPT_AFTER_EXPIRY_MS / 1000 },
      ],
    });
  } catch (err) {
    if ((err as { code?: number }).code !== NOT_IMPLEMENTED) throw err;
    await ensureIndexes(db, { [COLLECTIONS.jobLeases]: [expiry] });
  }
  // what is stored decides, also when another replica created the index first
  const stored = (await db.collection(COLLECTIONS.jobLeases).listIndexes().toArray()).find(
    (index) => index.name === EXPIRY_INDEX,
  );
  return stored?.expireAfterSeconds !== undefined ? 'ttl' : 'manual';
}

export const leaseId = (job: string, scheduledFor: Date): string =>
  `${job}@${scheduledFor.toISOString()}`;

export function createLeaseStore(db: Db): LeaseStore {
  const leases = db.collection<Lease>(COLLECTIONS.jobLeases);
  const insert = async (doc: Lease): Promise<boolean> => {
    try {
      await leases.insertOne(doc);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
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
    async renew(id, expiresAt) {
      await leases.updateOne({ _id: id }, { $set: { expiresAt } });
      return (await leases.countDocuments({ _id: `${id}#expired` }, { limit: 1 })) === 0;
    },
    async release(id, now) {
      await leases.updateOne({ _id: id }, { $set: { releasedAt: now } });
    },
    prune: async (before) => (await leases.deleteMany({ expiresAt: { $lt: before } })).deletedCount,
  };
}
