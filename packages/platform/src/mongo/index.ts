import { GridFSBucket, MongoClient, type Db, type IndexDescription } from 'mongodb';

export interface MongoHandle {
  client: MongoClient;
  db: Db;
  /** True while the last ping succeeded. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** One client per process. Connects at once so a wrong URL fails at start, not on first use. */
export async function connectMongo(options: {
  url: string;
  database: string;
  appName: string;
}): Promise<MongoHandle> {
  const client = new MongoClient(options.url, {
    appName: options.appName,
    serverSelectionTimeoutMS: 10_000,
    retryWrites: true,
  });
  await client.connect();
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

/**
 * Creates the indexes a service declares, by collection, skipping those that exist by name.
 * (Re-creating an existing unique index makes FerretDB 1.24 drop the connection, so only missing
 * indexes are sent.)
 */
export async function ensureIndexes(
  db: Db,
  indexes: Record<string, IndexDescription[]>,
): Promise<void> {
  for (const [collection, specs] of Object.entries(indexes)) {
    if (specs.length === 0) continue;
    const existing = new Set(
      (
        await db
          .collection(collection)
          .listIndexes()
          .toArray()
          .catch(() => [])
      ).map((index: { name?: string }) => index.name),
    );
    const missing = specs.filter((spec) => !spec.name || !existing.has(spec.name));
    if (missing.length > 0) await db.collection(collection).createIndexes(missing);
  }
}

/** The GridFS bucket that holds file blobs (`blobs` by default; `quarantine` for infected files). */
export function gridFsBucket(db: Db, bucketName = 'blobs'): GridFSBucket {
  return new GridFSBucket(db, { bucketName });
}
