import { jobCatalog } from '@docflow/contracts';
import type { DocumentStatus } from '@docflow/documents';
import type { JobMetrics } from '../adapters/job-metrics';
import type { PurgeCandidate, PurgeStore } from '../adapters/purge-store';
import type { JobContext, JobDefinition } from '../runner/job-definition';

const spec = jobCatalog.retention;
const DAY_MS = 86_400_000;

/**
 * Documents whose file and text retention may delete: those nothing will read again. A document
 * waiting for review keeps them (the reviewer looks at the file), and so does one still in the
 * pipeline; both are purged once they settle.
 */
export const PURGEABLE_STATUSES: readonly DocumentStatus[] = [
  'published',
  'rejected',
  'failed',
  'cancelled',
];

export interface RetentionDeps {
  store: PurgeStore;
  metrics: Pick<JobMetrics, 'purgedDocuments' | 'purgedBytes'>;
  /** Days for tenants without a policy of their own (0: kept). */
  defaultDays: number;
  /** Documents read and purged per round. */
  batch: number;
}

interface Totals {
  documents: number;
  blobs: number;
  blobBytes: number;
  textBytes: number;
  /** Purges a crashed or concurrent run had claimed, finished by this one (counted there). */
  resumed: number;
}

/**
 * The retention job. Per tenant, documents older than the tenant's `retentionDays` (or the
 * default) that have settled lose their file (and its quarantined copy), extracted text and
 * spreadsheet rows; their record, result, timeline and destination records stay, marked
 * `purgedAt`. Per document, in this order: measure, claim (unique insert in `document_purges`,
 * so exactly one run counts it), delete, mark. Every step is idempotent, so a run that dies
 * anywhere is finished by the next one, which finds the document still unmarked. Reads go in
 * pages of `batch` with a (createdAt, id) cursor, up to `limit` documents per run.
 */
export function createRetentionJob(deps: RetentionDeps): JobDefinition {
  const purge = async (
    doc: PurgeCandidate,
    retentionDays: number,
    dryRun: boolean,
    ctx: JobContext,
    totals: Totals,
  ): Promise<void> => {
    const content = await deps.store.measure(doc);
    const blobBytes = content.blobs.reduce((sum, b) => sum + b.bytes, 0);
    const freed = () => {
      totals.documents += 1;
      totals.blobs += content.blobs.length;
      totals.blobBytes += blobBytes;
      totals.textBytes += content.textBytes;
    };
    if (dryRun) return freed();
    const claimed = await deps.store.claim({
      _id: doc._id,
      tenantId: doc.tenantId,
      runId: ctx.runId,
      claimedAt: ctx.at,
      retentionDays,
      blobs: content.blobs.length,
      blobBytes,
      textBytes: content.textBytes,
    });
    await deps.store.remove(doc);
    await deps.store.markPurged(doc._id, ctx.at, { retentionDays, runId: ctx.runId });
    if (!claimed) {
      totals.resumed += 1;
      return;
    }
    freed();
    deps.metrics.purgedDocuments.inc();
    deps.metrics.purgedBytes.inc({ kind: 'blob' }, blobBytes);
    deps.metrics.purgedBytes.inc({ kind: 'text' }, content.textBytes);
  };

  return {
    name: spec.name,
    schedule: spec.schedule,
    params: spec.params,
    async run(raw, ctx) {
      const params = spec.params.parse(raw);
      const dryRun = params.dryRun ?? false;
      let budget = params.limit ?? Number.POSITIVE_INFINITY;
      const totals: Totals = { documents: 0, blobs: 0, blobBytes: 0, textBytes: 0, resumed: 0 };
      const policies = await deps.store.policies(params.tenantId);
      let tenants = 0;
      for (const policy of policies) {
        const retentionDays = policy.retentionDays ?? deps.defaultDays;
        if (retentionDays <= 0 || budget <= 0) continue;
        tenants += 1;
        const before = new Date(ctx.at.getTime() - retentionDays * DAY_MS);
        let after: { createdAt: Date; id: string } | null = null;
        for (;;) {
          ctx.signal.throwIfAborted();
          const limit = Math.min(deps.batch, budget);
          const page = await deps.store.candidates(policy.tenantId, {
            before,
            statuses: PURGEABLE_STATUSES,
            after,
            limit,
          });
          for (const doc of page) {
            ctx.signal.throwIfAborted();
            await purge(doc, retentionDays, dryRun, ctx, totals);
            after = { createdAt: doc.createdAt, id: doc._id };
            budget -= 1;
          }
          if (page.length < limit || budget <= 0) break;
        }
      }
      ctx.logger.info({ dryRun, ...totals }, 'retention done');
      return {
        dryRun,
        tenants,
        documents: totals.documents,
        blobs: totals.blobs,
        bytes: totals.blobBytes + totals.textBytes,
        blobBytes: totals.blobBytes,
        textBytes: totals.textBytes,
        resumed: totals.resumed,
        limitReached: budget <= 0,
      };
    },
  };
}
