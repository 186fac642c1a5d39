import { setTimeout as delay } from 'node:timers/promises';
import {
  GridFSBucket,
  MongoClient,
  MongoServerSelectionError,
  type Db,
  type IndexDescription,
} from 'mongodb';
import { safeUrl, type Logger } from '../logging';

export interface MongoHandle {
  client: MongoClient;
  db: Db;
  /** True while the last ping succeeded. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * One client per process. Connects at once so a wrong URL fails at start, not on first use. With a
 * `logger` (the services), a server that cannot be reached is waited for, with backoff up to 10 s
 * between tries, as the broker is: a service started before its database comes up starts when it
 * does. Other errors (a malformed URL, refused credentials) fail at once.
 */
export async function connectMongo(options: {
  url: string;
  database: string;
  appName: string;
  logger?: Logger;
}): Promise<MongoHandle> {
  const open = () =>
    new MongoClient(options.url, {
      appName: options.appName,
      serverSelectionTimeoutMS: 10_000,
      retryWrites: true,
    });
  let client = open();
  for (let attempt = 1; ; attempt++) {
    try {
      await client.connect();
      break;
    } catch (err) {
      if (!options.logger || !(err instanceof MongoServerSelectionError)) throw err;
      await client.close().catch(() => undefined);
      const retryInMs = Math.min(10_000, 500 * 2 ** (attempt - 1));
      options.logger.warn(
        { err: err.message, attempt, retryInMs, url: safeUrl(options.url) },
        'database unreachable; retrying',
      );
      await delay(retryInMs);
      client = open();
    }
  }
  const db = client.db(options.database);
  return {
    client,
    db,
    ping: async () => {
      try {
        await db.command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}

/** A write refused by a unique key (E11000): someone else stored that key first. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

/** The server's answer to an index option it does not implement (FerretDB 1.x: TTL). */
export const NOT_IMPLEMENTED = 238;

/**
 * Creates the indexes a service declares, by collection, skipping those that exist by name.
 * (Re-creating an existing unique index makes FerretDB 1.24 drop the connection, so only missing
 * indexes are sent.) Replicas and services that share collections start side by side, so another
 * process may create the same indexes between the listing and the creation: a failed creation is
 * retried from a fresh listing, which then finds them. An index option the server does not implement
 * is refused at once (the caller may fall back).
 */
export async function ensureIndexes(
  db: Db,
  indexes: Record<string, IndexDescription[]>,
  options: { attempts?: number; retryDelayMs?: number } = {},
): Promise<void> {
  const attempts = options.attempts ?? 5;
  for (const [collection, specs] of Object.entries(indexes)) {
    if (specs.length === 0) continue;
    for (let attempt = 1; ; attempt++) {
      try {
        const missing = await missingIndexes(db, collection, specs);
        if (missing.length > 0) await db.collection(collection).createIndexes(missing);
        break;
      } catch (err) {
        if (attempt >= attempts || (err as { code?: number }).code === NOT_IMPLEMENTED) throw err;
        await delay((options.retryDelayMs ?? 200) * attempt);
      }
    }
  }
}

async function missingIndexes(
  db: Db,
  collection: string,
  specs: IndexDescription[],
): Promise<IndexDescription[]> {
  let existing: { name?: string }[];
  try {
    existing = await db.collection(collection).listIndexes().toArray();
  } catch (err) {
    // a collection that does not exist yet has no indexes (NamespaceNotFound)
    if ((err as { code?: number }).code === 26) existing = [];
    else throw err;
  }
  const names = new Set(existing.map((index) => index.name));
  return specs.filter((spec) => !spec.name || !names.has(spec.name));
}

/** The GridFS bucket that holds file blobs (`blobs` by default; `quarantine` for infected files). */
export function gridFsBucket(db: Db, bucketName = 'blobs'): GridFSBucket {
  return new GridFSBucket(db, { bucketName });
}
