import { digestId, jobCatalog } from '@docflow/contracts';
import type { DigestStore } from '../adapters/digest-store';
import { previousUtcDay, summariseDay, utcDayRange, type DigestRow } from '../domain/daily-digest';
import type { JobDefinition } from '../runner/job-definition';

const spec = jobCatalog['daily-digest'];

/**
 * The daily digest: per tenant, the documents uploaded on one UTC day (default: the day before the
 * run) by type and outcome, with failure rate and end-to-end latency percentiles, stored under
 * `${tenantId}:${date}` (a re-run replaces it). Tenants without documents that day get an empty
 * digest, so "nothing happened" and "not computed" stay distinct.
 */
export function createDailyDigest(deps: { store: DigestStore }): JobDefinition {
  return {
    name: spec.name,
    schedule: spec.schedule,
    params: spec.params,
    async run(raw, ctx) {
      const params = spec.params.parse(raw);
      const date = params.date ?? previousUtcDay(ctx.at);
      const { from, to } = utcDayRange(date);
      let documents = 0;
      const tenants = await deps.store.tenants(params.tenantId);
      for (const tenantId of tenants) {
        ctx.signal.throwIfAborted();
        const rows: DigestRow[] = [];
        for await (const row of deps.store.rows(tenantId, from, to)) rows.push(row);
        const summary = summariseDay(rows);
        documents += summary.documents;
        await deps.store.save({
          _id: digestId(tenantId, date),
          tenantId,
          date,
          ...summary,
          generatedAt: new Date(),
          runId: ctx.runId,
        });
      }
      return { date, tenants: tenants.length, documents };
    },
  };
}
