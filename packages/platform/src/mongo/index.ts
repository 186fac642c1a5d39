import { setTimeout as delay } from 'node:timers/promises';
import { GridFSBucket, MongoClient, MongoServerSelectionError, type Db } from 'mongodb';
import { safeUrl, type Logger } from '../logging';
import { watchServerMonitor } from './monitor-watchdog';

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
 * does. Other errors (a malformed URL, refused credentials) fail at once. With a logger, a client
 * whose server monitor goes silent is also reopened (see watchServerMonitor).
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
  const watchdog = options.logger
    ? watchServerMonitor(client, { logger: options.logger })
    : undefined;
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
    close: () => {
      watchdog?.stop();
      return client.close();
    },
  };
}

export { SCHEMA_LOCKS, ensureIndexes, type EnsureIndexesOptions } from './ensure-indexes';
export { NOT_IMPLEMENTED, isDuplicateKey } from './server-errors';
export { MONITOR_SILENT_MS, watchServerMonitor, type MonitorWatchdog } from './monitor-watchdog';

/** The GridFS bucket that holds file blobs (`blobs` by default; `quarantine` for infected files). */
export function gridFsBucket(db: Db, bucketName = 'blobs'): GridFSBucket {
  return new GridFSBucket(db, { bucketName });
}
