import type { Db } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';

interface KeyRecord {
  _id: string;
  state: 'running' | 'done';
  createdAt: Date;
  status?: number;
  body?: unknown;
  /** What the first request carried (see `withIdempotency`); absent on older records. */
  fingerprint?: string;
}

export type KeyClaim =
  | { state: 'new' }
  | { state: 'replay'; status: number; body: unknown; fingerprint?: string }
  | { state: 'running' };

export interface IdempotencyKeys {
  /** Claims `key` for the tenant and route (a unique insert), or returns the first answer. */
  begin(tenantId: string, scope: string, key: string): Promise<KeyClaim>;
  complete(
    tenantId: string,
    scope: string,
    key: string,
    status: number,
    body: unknown,
    fingerprint?: string,
  ): Promise<void>;
  /** Frees the key after a failed request, so the client can try again with it. */
  abandon(tenantId: string, scope: string, key: string): Promise<void>;
}

/** A claim older than this belongs to a request that died; the next request takes it over. */
const ABANDONED_AFTER_MS = 10 * 60_000;

export function createIdempotencyKeys(db: Db): IdempotencyKeys {
  const keys = db.collection<KeyRecord>(COLLECTIONS.idempotencyKeys);
  const id = (tenantId: string, scope: string, key: string) => `${tenantId}:${scope}:${key}`;

  const insert = async (record: KeyRecord): Promise<boolean> => {
    try {
      await keys.insertOne(record);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  };

  return {
    async begin(tenantId, scope, key) {
      const _id = id(tenantId, scope, key);
      for (let round = 0; round < 2; round++) {
        if (await insert({ _id, state: 'running', createdAt: new Date() })) return { state: 'new' };
        const found = await keys.findOne({ _id });
        if (!found) continue; // abandoned in between: try the insert again
        if (found.state === 'done')
          return {
            state: 'replay',
            status: found.status ?? 200,
            body: found.body,
            ...(found.fingerprint ? { fingerprint: found.fingerprint } : {}),
          };
        if (Date.now() - found.createdAt.getTime() < ABANDONED_AFTER_MS)
          return { state: 'running' };
        await keys.deleteOne({ _id, state: 'running', createdAt: found.createdAt });
      }
      return { state: 'running' };
    },
    async complete(tenantId, scope, key, status, body, fingerprint) {
      await keys.updateOne(
        { _id: id(tenantId, scope, key) },
        { $set: { state: 'done', status, body, ...(fingerprint ? { fingerprint } : {}) } },
      );
    },
    async abandon(tenantId, scope, key) {
      await keys.deleteOne({ _id: id(tenantId, scope, key), state: 'running' });
    },
  };
}
