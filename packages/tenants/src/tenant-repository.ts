import { randomUUID } from 'node:crypto';
import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { hashKey, issueKey, keyIdOf } from './api-keys';

export interface Tenant {
  _id: string;
  name: string;
  createdAt: Date;
  /** Requests per rate-limit window; the config default when unset. */
  rateLimit?: number;
  /** Days blobs and extracted text are kept (records stay); unset: the scheduler's RETENTION_DEFAULT_DAYS. */
  retentionDays?: number;
}

export interface ApiKeyRecord {
  /** SHA-256 of the key: the lookup is by hash, the key itself is never stored. */
  _id: string;
  keyId: string;
  tenantId: string;
  label?: string;
  createdAt: Date;
  revokedAt?: Date;
}

export interface KeyView {
  keyId: string;
  tenantId: string;
  label?: string;
  createdAt: Date;
  revokedAt?: Date;
}

export interface TenantRepository {
  create(input: { name: string; rateLimit?: number; retentionDays?: number }): Promise<Tenant>;
  get(id: string): Promise<Tenant | null>;
  list(): Promise<Tenant[]>;
  /** Issues a key; the returned `key` is shown once and never again. */
  createKey(tenantId: string, label?: string): Promise<KeyView & { key: string }>;
  revokeKey(keyId: string): Promise<KeyView | null>;
  listKeys(tenantId: string): Promise<KeyView[]>;
  /** The tenant a presented key belongs to, unless it is unknown or revoked. */
  authenticate(key: string): Promise<{ tenant: Tenant; keyId: string } | null>;
}

/**
 * `authCacheMs` > 0 keeps each successful authentication for that long (at most
 * AUTH_CACHE_ENTRIES keys), saving the two lookups per request; a key revoked through this
 * repository is dropped from its cache at once, one revoked elsewhere (another replica, the
 * command line) stops working within `authCacheMs`.
 */
export function createTenantRepository(
  db: Db,
  options: { authCacheMs?: number } = {},
): TenantRepository {
  const authCacheMs = options.authCacheMs ?? 0;
  const authenticated = new Map<string, { at: number; value: { tenant: Tenant; keyId: string } }>();
  const tenants = db.collection<Tenant>(COLLECTIONS.tenants);
  const keys = db.collection<ApiKeyRecord>(COLLECTIONS.apiKeys);
  const view = ({ keyId, tenantId, label, createdAt, revokedAt }: ApiKeyRecord): KeyView => ({
    keyId,
    tenantId,
    createdAt,
    ...(label ? { label } : {}),
    ...(revokedAt ? { revokedAt } : {}),
  });

  return {
    async create(input) {
      const tenant: Tenant = {
        _id: randomUUID(),
        name: input.name,
        createdAt: new Date(),
        ...(input.rateLimit ? { rateLimit: input.rateLimit } : {}),
        ...(input.retentionDays ? { retentionDays: input.retentionDays } : {}),
      };
      await tenants.insertOne(tenant);
      return tenant;
    },
    get: (id) => tenants.findOne({ _id: id }),
    list: () => tenants.find({}).sort({ createdAt: 1 }).toArray(),
    async createKey(tenantId, label) {
      const issued = issueKey();
      const record: ApiKeyRecord = {
        _id: issued.hash,
        keyId: issued.keyId,
        tenantId,
        createdAt: new Date(),
        ...(label ? { label } : {}),
      };
      await keys.insertOne(record);
      return { ...view(record), key: issued.key };
    },
    async revokeKey(keyId) {
      const found = await keys.findOne({ keyId });
      if (!found) return null;
      const revokedAt = found.revokedAt ?? new Date();
      await keys.updateOne({ _id: found._id }, { $set: { revokedAt } });
      authenticated.delete(found._id);
      return view({ ...found, revokedAt });
    },
    listKeys: async (tenantId) =>
      (await keys.find({ tenantId }).sort({ createdAt: 1 }).toArray()).map(view),
    async authenticate(key) {
      const keyId = keyIdOf(key);
      if (!keyId) return null;
      const hash = hashKey(key);
      const cached = authenticated.get(hash);
      if (cached && Date.now() - cached.at < authCacheMs) return cached.value;
      authenticated.delete(hash);
      const found = await keys.findOne({ _id: hash });
      if (!found || found.revokedAt || found.keyId !== keyId) return null;
      const tenant = await tenants.findOne({ _id: found.tenantId });
      if (!tenant) return null;
      const value = { tenant, keyId };
      if (authCacheMs > 0) {
        // a Map iterates in insertion order: the first entry is the oldest
        if (authenticated.size >= AUTH_CACHE_ENTRIES)
          authenticated.delete(authenticated.keys().next().value!);
        authenticated.set(hash, { at: Date.now(), value });
      }
      return value;
    },
  };
}

const AUTH_CACHE_ENTRIES = 10_000;

export const tenantIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.apiKeys]: [
    { key: { keyId: 1 }, name: 'key_id', unique: true },
    { key: { tenantId: 1 }, name: 'tenant' },
  ],
};
