import type { Db } from 'mongodb';
import { jobCatalog } from '@docflow/contracts';
import { retrainTenants } from '@docflow/model';
import type { JobDefinition } from '../runner/job-definition';

const spec = jobCatalog['classifier-retraining'];

/** Retrains each tenant's classifier model from its own review corrections. */
export function createClassifierRetraining(deps: { db: Db; modelPath?: string }): JobDefinition {
  return {
    name: spec.name,
    schedule: spec.schedule,
    params: spec.params,
    async run(params) {
      const { tenantId } = spec.params.parse(params);
      const summary = await retrainTenants(deps.db, {
        ...(tenantId ? { tenantId } : {}),
        ...(deps.modelPath ? { modelPath: deps.modelPath } : {}),
      });
      return {
        baseVersion: summary.baseVersion,
        tenants: summary.models.length,
        models: summary.models,
      };
    },
  };
}
