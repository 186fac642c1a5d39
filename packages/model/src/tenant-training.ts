import type { Db } from 'mongodb';
import { docTypeSchema } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { z } from 'zod';
import type { Classifier } from './model-file';
import { trainTenantModel, type LabelledText } from './train-model';
import type { ModelStore } from './model-store';

const exampleSchema = z.object({
  tenantId: z.string().min(1),
  docType: docTypeSchema,
  text: z.string().min(1),
});

/** A tenant's review corrections (`training_examples`), and only that tenant's. */
export async function loadTenantExamples(
  db: Db,
  tenantId: string,
  limit = 5_000,
): Promise<LabelledText[]> {
  const rows = await db
    .collection(COLLECTIONS.trainingExamples)
    .find({ tenantId }, { projection: { tenantId: 1, docType: 1, text: 1 } })
    .sort({ createdAt: -1 })
    .limit(limit)
    .toArray();
  return rows
    .map((row) => exampleSchema.safeParse(row))
    .filter((r) => r.success && r.data.tenantId === tenantId)
    .map((r) => ({ docType: r.data!.docType, text: r.data!.text }));
}

/**
 * What the scheduler's retraining job runs for one tenant: read its examples, adapt the base model
 * with `trainTenantModel`, store the result. Returns the new model, or undefined without examples.
 */
export async function retrainTenant(
  db: Db,
  store: ModelStore,
  base: Classifier,
  tenantId: string,
): Promise<Classifier | undefined> {
  const examples = await loadTenantExamples(db, tenantId);
  if (examples.length === 0) return undefined;
  const model = trainTenantModel(base, examples);
  await store.save(tenantId, model);
  return model;
}
