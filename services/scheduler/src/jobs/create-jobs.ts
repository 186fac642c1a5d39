import {
  createBlobStore,
  createDocumentStore,
  createTextStore,
  createUploadJournal,
} from '@docflow/documents';
import type { WorkerDeps } from '@docflow/platform';
import { createDigestStore } from '../adapters/digest-store';
import type { JobMetrics } from '../adapters/job-metrics';
import { createPurgeStore } from '../adapters/purge-store';
import type { SchedulerConfig } from '../config';
import type { JobDefinition } from '../runner/job-definition';
import { createClassifierRetraining } from './classifier-retraining';
import { createDailyDigest } from './daily-digest';
import { createQueueDepthSampler } from './queue-depth-sampler';
import { createRetentionJob } from './retention';
import { createStuckDocumentSweeper } from './stuck-document-sweeper';

/** The catalogue's jobs with their implementations, built from the worker's dependencies. */
export function createJobs(
  worker: WorkerDeps<SchedulerConfig>,
  metrics: JobMetrics,
): JobDefinition[] {
  const { config, mongo, bus, logger } = worker;
  const blobs = createBlobStore(mongo.db);
  return [
    createStuckDocumentSweeper({
      db: mongo.db,
      store: createDocumentStore(mongo.db),
      uploads: createUploadJournal(mongo.db, blobs),
      abandonedUploadMs: config.ABANDONED_UPLOAD_MS,
      publish: (event) => bus.publish(event),
      metrics,
      logger,
      stallMs: config.SWEEPER_STALL_MS,
      stallOverridesMs: config.SWEEPER_STALL_OVERRIDES_MS,
      maxRepublishes: config.SWEEPER_MAX_REPUBLISHES,
      batch: config.SWEEPER_BATCH,
    }),
    createRetentionJob({
      store: createPurgeStore(mongo.db, {
        blobs,
        texts: createTextStore(mongo.db),
      }),
      metrics,
      defaultDays: config.RETENTION_DEFAULT_DAYS,
      batch: config.RETENTION_BATCH,
    }),
    createDailyDigest({ store: createDigestStore(mongo.db) }),
    createQueueDepthSampler({ connection: bus.connection, metrics }),
    createClassifierRetraining({ db: mongo.db }),
  ];
}
