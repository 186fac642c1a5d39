import type { Db } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { loadBaseModel } from './base-model';
import { createModelStore } from './model-store';
import { loadTenantExamples, retrainTenant } from './tenant-training';

export interface RetrainingSummary {
  baseVersion: string;
  models: { tenantId: string; examples: number; version: string }[];
}

/**
 * The scheduler's retraining job: for each tenant with review corrections (or only `tenantId`),
 * adapts the base model on that tenant's examples alone and stores it as the tenant's model, which
 * the classifier picks up within CLASSIFIER_TENANT_MODEL_TTL_MS.
 */
export async function retrainTenants(
  db: Db,
  options: { tenantId?: string; modelPath?: string } = {},
): Promise<RetrainingSummary> {
  const base = loadBaseModel(options.modelPath);
  const store = createModelStore(db, base, 0);
  const tenants = options.tenantId
    ? [options.tenantId]
    : (
        await db
          .collection(COLLECTIONS.trainingExamples)
          .aggregate<{ _id: string }>([{ $group: { _id: '$tenantId' } }])
          .toArray()
      ).map((row) => row._id);
  const models: RetrainingSummary['models'] = [];
  for (const tenantId of tenants) {
    const examples = (await loadTenantExamples(db, tenantId)).length;
    const model = await retrainTenant(db, store, base, tenantId);
    if (model) models.push({ tenantId, examples, version: model.version });
  }
  return { baseVersion: base.version, models };
}
