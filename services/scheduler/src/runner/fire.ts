import type { EventBus } from '@docflow/platform';
import { SYSTEM_TENANT, type PayloadOf } from '@docflow/contracts';
import { deriveId, originEvent } from '@docflow/platform';
import {
  LEASE_KEPT_AFTER_EXPIRY_MS,
  leaseId,
  type Lease,
  type LeaseStore,
} from '../adapters/lease-store';
import { executeRun, type ExecuteDeps } from './execute-run';
import { keepLease } from './lease-keeper';
import type { JobDefinition } from './job-definition';

export interface FireDeps extends ExecuteDeps {
  leases: LeaseStore;
  bus: Pick<EventBus, 'publish'>;
  leaseMs: number;
  /** Delete old leases after each won firing (servers without TTL indexes). */
  pruneLeases?: boolean;
}

export type FireOutcome = 'lost' | 'skipped' | 'ran';

/** The run id of a firing: the same on every replica. */
export const firingRunId = (job: string, scheduledFor: Date): string =>
  deriveId(`job/${leaseId(job, scheduledFor)}`);

/**
 * One firing of a scheduled job on one replica. Every replica calls this for every firing; the
 * lease insert picks exactly one. The winner first settles earlier firings still holding a lease:
 * an expired one (its holder died) is taken over and its run recorded as failed; a live one (a
 * slow run, renewing its lease) makes this firing skip, so a job never overlaps itself. The
 * winner renews its own lease while the job runs.
 */
export async function fire(
  job: JobDefinition,
  scheduledFor: Date,
  deps: FireDeps,
  signal: AbortSignal,
): Promise<FireOutcome> {
  const clock = deps.clock ?? (() => new Date());
  const now = clock();
  const runId = firingRunId(job.name, scheduledFor);
  const lease = await deps.leases.take(
    {
      job: job.name,
      runId,
      owner: deps.owner,
      scheduledFor,
      expiresAt: new Date(now.getTime() + deps.leaseMs),
    },
    now,
  );
  if (!lease) {
    deps.metrics.leases.inc({ job_name: job.name, outcome: 'lost' });
    return 'lost';
  }
  deps.metrics.leases.inc({ job_name: job.name, outcome: 'won' });

  const keeper = keepLease(lease, {
    leases: deps.leases,
    leaseMs: deps.leaseMs,
    logger: deps.logger,
    clock,
    onLost: () => deps.metrics.leases.inc({ job_name: job.name, outcome: 'revoked' }),
  });
  let completed: PayloadOf<'job.completed'> | null;
  try {
    completed = await settleAndRun(job, lease, deps, AbortSignal.any([signal, keeper.signal]));
  } finally {
    await keeper.stop();
  }
  await deps.leases.release(lease._id, clock());
  if (!completed) return 'skipped';
  await deps.bus
    .publish(
      originEvent('job.completed', completed, { tenantId: SYSTEM_TENANT, correlationId: runId }),
    )
    .catch((err: unknown) => deps.logger.warn({ err, runId }, 'job.completed not published'));
  return 'ran';
}

/**
 * The lease winner's part: settles earlier leases of the job, then skips (an earlier run is alive:
 * null) or runs the job. Runs while the keeper renews the lease.
 */
async function settleAndRun(
  job: JobDefinition,
  lease: Lease,
  deps: FireDeps,
  signal: AbortSignal,
): Promise<PayloadOf<'job.completed'> | null> {
  const clock = deps.clock ?? (() => new Date());
  const now = lease.takenAt;
  const { runId, scheduledFor } = lease;
  let overlapping = false;
  for (const earlier of await deps.leases.open(job.name, lease._id)) {
    if (earlier.expiresAt.getTime() > now.getTime()) {
      if (earlier.scheduledFor.getTime() < scheduledFor.getTime()) overlapping = true;
      continue;
    }
    if (!(await deps.leases.takeOver(earlier, deps.owner, now))) continue;
    deps.metrics.leases.inc({ job_name: job.name, outcome: 'taken_over' });
    deps.logger.warn(
      { job_name: job.name, lease: earlier._id, holder: earlier.owner },
      'lease expired',
    );
    const run = await deps.runs.get(earlier.runId);
    if (run && (run.status === 'running' || run.status === 'queued')) {
      await deps.runs.finish(earlier.runId, {
        status: 'failed',
        finishedAt: now,
        error: {
          code: 'JOB_LEASE_EXPIRED',
          message: `replica ${earlier.owner} held the lease until ${earlier.expiresAt.toISOString()} and never finished`,
        },
      });
      deps.metrics.runs.inc({ job_name: job.name, trigger: run.trigger, outcome: 'failed' });
    }
  }

  if (deps.pruneLeases)
    await deps.leases
      .prune(new Date(now.getTime() - LEASE_KEPT_AFTER_EXPIRY_MS))
      .catch((err: unknown) => deps.logger.warn({ err }, 'old leases not pruned'));

  if (overlapping) {
    await deps.runs.start({
      _id: runId,
      job: job.name,
      trigger: 'schedule',
      status: 'skipped',
      params: {},
      requestedAt: now,
      scheduledFor,
      finishedAt: clock(),
      owner: deps.owner,
      error: { code: 'JOB_OVERLAP', message: 'an earlier run of this job still holds its lease' },
    });
    deps.metrics.runs.inc({ job_name: job.name, trigger: 'schedule', outcome: 'skipped' });
    return null;
  }

  return executeRun(
    job,
    { _id: runId, trigger: 'schedule', requestedAt: now, scheduledFor, params: {} },
    deps,
    signal,
  );
}
