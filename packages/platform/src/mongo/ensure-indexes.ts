import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Db, IndexDescription } from 'mongodb';
import { NAMESPACE_NOT_FOUND, isDuplicateKey } from './server-errors';

/** The collection of the schema lock: one row while some process creates indexes. */
export const SCHEMA_LOCKS = 'schema_locks';
const LOCK_ID = 'indexes';

export interface EnsureIndexesOptions {
  /** How long a process waits for another one's creation before it gives up. */
  waitMs?: number;
  /** How long a lock is honoured: a holder that died keeps the others waiting no longer. */
  lockTtlMs?: number;
  /** Pause between looks at the lock. */
  pollMs?: number;
}

interface SchemaLock {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/**
 * Creates the indexes a service declares, by collection, skipping those that exist by name (so
 * every declared index has a name).
 *
 * Services and replicas start side by side on one database, and two processes creating the same
 * index at once are not safe everywhere: FerretDB 1.24 can store it twice, or drop the connection
 * when asked for a unique index that appeared since the listing. So creation is serialised by a
 * lock that rests on a unique-key insert (the `_id` of one row in `schema_locks`): the process
 * whose insert succeeds creates what is missing and removes the row; the others wait for it, then
 * list again and find the indexes there. A lock older than `lockTtlMs` (its holder died) is removed
 * by the next process that finds it. When nothing is missing no lock is taken. An index option the
 * server does not implement fails at once with the server's error (the caller may fall back).
 */
export async function ensureIndexes(
  db: Db,
  indexes: Record<string, IndexDescription[]>,
  options: EnsureIndexesOptions = {},
): Promise<void> {
  const waitMs = options.waitMs ?? 60_000;
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  const pollMs = options.pollMs ?? 100;
  const locks = db.collection<SchemaLock>(SCHEMA_LOCKS);
  const holder = randomUUID();
  const deadline = Date.now() + waitMs;
  for (;;) {
    if ((await missingIndexes(db, indexes)).length === 0) return;
    const now = Date.now();
    const taken = await locks
      .insertOne({ _id: LOCK_ID, holder, expiresAt: new Date(now + lockTtlMs) })
      .then(() => true)
      .catch((err: unknown) => {
        if (isDuplicateKey(err)) return false;
        throw err;
      });
    if (taken) {
      try {
        for (const [collection, specs] of await missingIndexes(db, indexes))
          await db.collection(collection).createIndexes(specs);
        return;
      } finally {
        await locks.deleteOne({ _id: LOCK_ID, holder });
      }
    }
    const lock = await locks.findOne({ _id: LOCK_ID });
    if (lock && lock.expiresAt.getTime() < now) {
      // its holder died mid-creation: remove that holder's lock (never a newer one)
      await locks.deleteOne({ _id: LOCK_ID, holder: lock.holder });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `indexes not created within ${waitMs} ms: another process (${lock?.holder ?? 'gone'}) holds the schema lock`,
      );
    await delay(pollMs);
  }
}

/** The declared indexes a collection lacks, by collection (only collections that lack some). */
async function missingIndexes(
  db: Db,
  indexes: Record<string, IndexDescription[]>,
): Promise<[string, IndexDescription[]][]> {
  const missing: [string, IndexDescription[]][] = [];
  for (const [collection, specs] of Object.entries(indexes)) {
    if (specs.length === 0) continue;
    let existing: { name?: string }[];
    try {
      existing = await db.collection(collection).listIndexes().toArray();
    } catch (err) {
      // a collection that does not exist yet has no indexes
      if ((err as { code?: number }).code === NAMESPACE_NOT_FOUND) existing = [];
      else throw err;
    }
    const names = new Set(existing.map((index) => index.name));
    const lacking = specs.filter((spec) => !spec.name || !names.has(spec.name));
    if (lacking.length > 0) missing.push([collection, lacking]);
  }
  return missing;
}
