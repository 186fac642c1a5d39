import { randomUUID } from 'node:crypto';
import { documentIndexes, uploadJournalIndexes } from '@docflow/documents';
import {
  parseConfig,
  runMain,
  startWorker,
  type Logger,
  type Worker,
  type WorkerDeps,
} from '@docflow/platform';
import { createJobMetrics } from './adapters/job-metrics';
import { createLeaseStore, ensureLeaseExpiry, leaseIndexes } from './adapters/lease-store';
import { createRunStore, runIndexes } from './adapters/run-store';
import { schedulerConfigSchema, type SchedulerConfig } from './config';
import { createJobRequestedHandler } from './handlers/job-requested';
import { createJobs } from './jobs/create-jobs';
import { sweeperIndexes } from './jobs/stuck-document-sweeper';
import { createCronLoop, nextFiring } from './runner/cron-loop';
import { fire } from './runner/fire';
import type { JobDefinition } from './runner/job-definition';

export { schedulerConfigSchema, type SchedulerConfig } from './config';

export interface SchedulerOptions {
  logger?: Logger;
  /** Replaces the catalogue's jobs (tests run their own probes on a fast schedule). */
  jobs?: (deps: WorkerDeps<SchedulerConfig>) => JobDefinition[];
  /** Identifies this replica in leases and runs. */
  owner?: string;
}

/** The scheduler's composition root: config in, a running worker with its cron loop out. */
export async function startScheduler(
  config: SchedulerConfig,
  options: SchedulerOptions = {},
): Promise<Worker<SchedulerConfig>> {
  const owner = options.owner ?? `scheduler-${randomUUID().slice(0, 8)}`;
  let stopLoop: () => Promise<void> = () => Promise.resolve();
  const worker = await startWorker({
    service: 'scheduler',
    config,
    ...(options.logger ? { logger: options.logger } : {}),
    indexes: {
      ...leaseIndexes,
      ...runIndexes,
      ...sweeperIndexes,
      ...documentIndexes,
      ...uploadJournalIndexes,
    },
    consumers: async (deps) => {
      const expiry = await ensureLeaseExpiry(deps.mongo.db);
      if (expiry === 'manual')
        deps.logger.info('no TTL indexes on this server: old leases are pruned by the scheduler');
      const metrics = createJobMetrics(deps.metrics.registry);
      const runs = createRunStore(deps.mongo.db);
      const jobs = options.jobs ? options.jobs(deps) : createJobs(deps, metrics);
      const execute = { runs, metrics, logger: deps.logger, owner };
      if (config.SCHEDULER_ENABLED) {
        for (const job of jobs) {
          const first = nextFiring(job.schedule, new Date(), config.SCHEDULER_TIMEZONE);
          const second = first && nextFiring(job.schedule, first, config.SCHEDULER_TIMEZONE);
          if (first && second)
            metrics.period.set({ job_name: job.name }, (second.getTime() - first.getTime()) / 1000);
        }
        const loop = createCronLoop({
          jobs,
          timezone: config.SCHEDULER_TIMEZONE,
          runs,
          logger: deps.logger,
          onFiring: (job, at, signal) =>
            fire(
              job,
              at,
              {
                ...execute,
                leases: createLeaseStore(deps.mongo.db),
                bus: deps.bus,
                leaseMs: config.SCHEDULER_LEASE_MS,
                pruneLeases: expiry === 'manual',
              },
              signal,
            ),
        });
        loop.start();
        stopLoop = () => loop.stop();
      }
      const handler = createJobRequestedHandler({
        ...execute,
        jobs: new Map(jobs.map((j) => [j.name, j])),
      });
      return [{ name: 'jobs', handlers: { 'job.requested': handler } }];
    },
  });
  // the loop stops first, so no firing starts while the bus closes
  return {
    ...worker,
    stop: async () => {
      await stopLoop();
      await worker.stop();
    },
  };
}

if (require.main === module) runMain(() => startScheduler(parseConfig(schedulerConfigSchema)));
