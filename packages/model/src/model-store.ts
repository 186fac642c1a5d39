import type { Db } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { fromModelFile, type Classifier, type ModelFile } from './model-file';

export interface TenantModelRecord {
  _id: string;
  tenantId: string;
  model: ModelFile;
  trainedAt: Date;
}

export interface ModelStore {
  /** The tenant's own model when one exists, otherwise the base model. */
  forTenant(tenantId: string): Promise<Classifier>;
  save(tenantId: string, model: Classifier): Promise<void>;
}

/**
 * Tenant models live in `classifier_models`, one record per tenant (`_id` = tenant id), so a
 * tenant's documents are only ever classified by the base model or that tenant's own model.
 * Lookups are cached for `ttlMs`.
 */
export function createModelStore(
  db: Db,
  base: Classifier,
  ttlMs: number,
  now = () => Date.now(),
): ModelStore {
  const records = db.collection<TenantModelRecord>(COLLECTIONS.models);
  const cache = new Map<string, { at: number; model: Classifier }>();
  return {
    async forTenant(tenantId) {
      const hit = cache.get(tenantId);
      if (hit && now() - hit.at < ttlMs) return hit.model;
      const record = await records.findOne({ _id: tenantId, tenantId });
      const model = record ? fromModelFile(record.model) : base;
      cache.set(tenantId, { at: now(), model });
      return model;
    },
    async save(tenantId, model) {
      await records.replaceOne(
        { _id: tenantId },
        { tenantId, model: model.file, trainedAt: new Date(model.file.trainedAt) },
        { upsert: true },
      );
      cache.delete(tenantId);
    },
  };
}
