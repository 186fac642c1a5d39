import type { Db, IndexDescription } from 'mongodb';
import { jobCatalog, type AnyEvent, type JobParams } from '@docflow/contracts';
import {
  COLLECTIONS,
  createOutboxRelay,
  type DocumentRecord,
  type DocumentStore,
  type StageInput,
  type UploadJournal,
} from '@docflow/documents';
import { deriveId, originEvent, type Logger } from '@docflow/platform';
import type { JobMetrics } from '../adapters/job-metrics';
import type { JobDefinition } from '../runner/job-definition';

/** Statuses in which a stage is working on the document, with that stage. */
const WORKING: Record<string, StageInput> = {
  received: 'scanner',
  scanned: 'ocr',
  text_extracted: 'classifier',
  classified: 'publisher',
};

interface Sweep {
  _id: string;
  documentId: string;
  republishes: number;
  lastAt: Date;
}

export const sweeperIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.documents]: [{ key: { status: 1, updatedAt: 1 }, name: 'status_updated' }],
};

export interface SweeperDeps {
  db: Db;
  store: DocumentStore;
  uploads: Pick<UploadJournal, 'sweep'>;
  abandonedUploadMs: number;
  publish: (event: AnyEvent) => Promise<void>;
  metrics: JobMetrics;
  logger: Logger;
  stallMs: number;
  stallOverridesMs: Record<string, number>;
  maxRepublishes: number;
  batch: number;
  clock?: () => Date;
}

/**
 * The stuck-document sweeper. A document in a working status whose record has not changed for its
 * stage's threshold gets that stage's input event re-published (same event id: stages are
 * idempotent). Re-publishes are counted per document version, so any progress resets the count;
 * at the cap the document is marked failed with the reason. Transitions whose events never left
 * (a writer died before publishing) are re-published by the outbox relay's sweep. Last, uploads a
 * gateway started and never turned into a document (it died mid-upload) lose their stored bytes.
 */
export function createStuckDocumentSweeper(
  deps: SweeperDeps,
): JobDefinition & { name: 'stuck-document-sweeper' } {
  const sweeps = deps.db.collection<Sweep>(COLLECTIONS.sweeps);
  const clock = deps.clock ?? (() => new Date());
  const relay = createOutboxRelay({
    store: deps.store,
    publish: deps.publish,
    logger: deps.logger,
    graceMs: 60_000,
    intervalMs: 60_000,
  });

  const threshold = (stage: StageInput, override?: number): number =>
    override ?? deps.stallOverridesMs[stage] ?? deps.stallMs;

  const markFailed = async (doc: DocumentRecord, stage: StageInput, message: string) => {
    const event = originEvent(
      'document.failed',
      {
        stage,
        error: { code: 'DOCUMENT_STALLED', message, transient: false },
        retries: deps.maxRepublishes,
      },
      {
        tenantId: doc.tenantId,
        documentId: doc._id,
        correlationId: doc.correlationId,
        attempt: doc.attempt,
        eventId: deriveId(`${doc._id}/v${doc.version}/stalled`),
      },
    );
    const result = await deps.store.execute(doc._id, { kind: 'event', event });
    if (result.decision.outcome === 'applied') await deps.publish(event);
  };

  return {
    ...jobCatalog['stuck-document-sweeper'],
    async run(raw) {
      const params = raw as JobParams<'stuck-document-sweeper'>;
      const override =
        params.stalledAfterMinutes !== undefined ? params.stalledAfterMinutes * 60_000 : undefined;
      const cap = params.maxRepublishes ?? deps.maxRepublishes;
      const now = clock();
      const oldest = Math.min(...Object.values(WORKING).map((stage) => threshold(stage, override)));
      const candidates = await deps.store.find(
        {
          status: { $in: Object.keys(WORKING) as DocumentRecord['status'][] },
          updatedAt: { $lt: new Date(now.getTime() - oldest) },
        },
        { limit: deps.batch, sort: { updatedAt: 1 } },
      );
      let republished = 0;
      let failed = 0;
      for (const doc of candidates) {
        const stage = WORKING[doc.status]!;
        if (now.getTime() - doc.updatedAt.getTime() < threshold(stage, override)) continue;
        const key = `${doc._id}@v${doc.version}`;
        const sweep = await sweeps.findOne({ _id: key });
        const input = doc.inputs[stage];
        if (!input || (sweep?.republishes ?? 0) >= cap) {
          await markFailed(
            doc,
            stage,
            input
              ? `no progress in ${stage} after ${cap} re-publishes of its input`
              : `no progress in ${stage} and no input event to re-publish`,
          );
          deps.metrics.sweeps.inc({ stage, action: 'failed' });
          failed++;
          continue;
        }
        await deps.publish(input);
        await sweeps.updateOne(
          { _id: key },
          { $set: { documentId: doc._id, lastAt: now }, $inc: { republishes: 1 } },
          { upsert: true },
        );
        deps.metrics.sweeps.inc({ stage, action: 'republished' });
        republished++;
      }
      const outbox = await relay.drainOnce();
      // after the relay: a first transition it just rolled forward is a document by now
      const uploads = await deps.uploads.sweep({
        now,
        abandonedAfterMs: deps.abandonedUploadMs,
        batch: deps.batch,
      });
      deps.metrics.abandonedUploads.inc(uploads.removed);
      if (uploads.removed > 0)
        deps.logger.warn({ removed: uploads.removed }, 'abandoned uploads removed');
      return {
        stuck: candidates.length,
        republished,
        failed,
        outboxRepublished: outbox,
        abandonedUploads: uploads.removed,
      };
    },
  };
}
