import { createDocumentStore } from '@docflow/documents';
import type { WorkerDeps } from '@docflow/platform';
import type { JobMetrics } from '../adapters/job-metrics';
import type { SchedulerConfig } from '../config';
import type { JobDefinition } from '../runner/job-definition';
import { createClassifierRetraining } from './classifier-retraining';
import { createQueueDepthSampler } from './queue-depth-sampler';
import { createStuckDocumentSweeper } from './stuck-document-sweeper';

/** The catalogue's jobs with their implementations, built from the worker's dependencies. */
export function createJobs(
  worker: WorkerDeps<SchedulerConfig>,
  metrics: JobMetrics,
): JobDefinition[] {
  const { config, mongo, bus, logger } = worker;
  return [
    createStuckDocumentSweeper({
      db: mongo.db,
      store: createDocumentStore(mongo.db),
      publish: (event) => bus.publish(event),
      metrics,
      logger,
      stallMs: config.SWEEPER_STALL_MS,
      stallOverridesMs: config.SWEEPER_STALL_OVERRIDES_MS,
      maxRepublishes: config.SWEEPER_MAX_REPUBLISHES,
      batch: config.SWEEPER_BATCH,
    }),
    createQueueDepthSampler({ connection: bus.connection, metrics }),
    createClassifierRetraining({ db: mongo.db }),
  ];
}
