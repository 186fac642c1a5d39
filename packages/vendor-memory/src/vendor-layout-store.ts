import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';
import { vendorLayoutSchema, type VendorLayout } from './vendor-layout';

/** One correction's lesson, stored once under `${tenantId}:${documentId}:v${version}`. */
export interface VendorLayoutRecord {
  _id: string;
  tenantId: string;
  documentId: string;
  /** The document version the review produced. */
  version: number;
  layout: VendorLayout;
  learnedAt: Date;
}

export const vendorLayoutIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.vendorLayouts]: [
    { key: { tenantId: 1, 'layout.vendorKeys': 1, learnedAt: -1 }, name: 'tenant_vendor' },
  ],
};

/** Lessons read per look-up: a vendor's recent corrections, and other vendors sharing a key. */
const RECALLED = 20;

export interface VendorLayoutStore {
  /**
   * Keeps a correction's lesson. A lesson is only ever inserted under its unique id, never updated:
   * a repeated review request (or a retry) finds the id taken and changes nothing, on FerretDB as
   * on mongod. Returns whether this call stored it.
   */
  remember(record: Omit<VendorLayoutRecord, '_id'>): Promise<boolean>;
  /** The tenant's lessons whose vendor has one of `keys`, newest first (never another tenant's). */
  recall(tenantId: string, keys: readonly string[]): Promise<VendorLayoutRecord[]>;
}

export const vendorLayoutId = (tenantId: string, documentId: string, version: number) =>
  `${tenantId}:${documentId}:v${version}`;

export function createVendorLayoutStore(db: Db): VendorLayoutStore {
  const lessons = db.collection<VendorLayoutRecord>(COLLECTIONS.vendorLayouts);
  return {
    async remember(record) {
      const layout = vendorLayoutSchema.parse(record.layout);
      try {
        await lessons.insertOne({
          ...record,
          layout,
          _id: vendorLayoutId(record.tenantId, record.documentId, record.version),
        });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async recall(tenantId, keys) {
      if (keys.length === 0) return [];
      const found = await lessons
        .find({ tenantId, 'layout.vendorKeys': { $in: [...keys] } })
        .sort({ learnedAt: -1, _id: 1 })
        .limit(RECALLED)
        .toArray();
      // a record that no longer parses (written by another version) is skipped, not trusted
      return found.flatMap((r) => {
        const layout = vendorLayoutSchema.safeParse(r.layout);
        return layout.success && r.tenantId === tenantId ? [{ ...r, layout: layout.data }] : [];
      });
    },
  };
}
