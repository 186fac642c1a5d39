import type { PayloadOf } from '@docflow/contracts';
import { next, type EventHandler } from '@docflow/platform';
import type { RunStore } from '../adapters/run-store';
import { executeRun, type ExecuteDeps } from '../runner/execute-run';
import type { JobDefinition } from '../runner/job-definition';

/**
 * Runs a requested job (on demand, from the gateway) and answers with `job.completed`. A request
 * seen again after its run finished answers from the stored run instead of running twice.
 */
export function createJobRequestedHandler(
  deps: ExecuteDeps & { jobs: ReadonlyMap<string, JobDefinition>; runs: RunStore },
): EventHandler<'job.requested'> {
  return async (event, ctx) => {
    const { runId, job: name, trigger, params, scheduledFor } = event.payload;
    const existing = await deps.runs.get(runId);
    if (existing?.finishedAt && existing.startedAt && existing.status !== 'running') {
      const done: PayloadOf<'job.completed'> = {
        runId,
        job: name,
        status: existing.status === 'succeeded' ? 'succeeded' : 'failed',
        startedAt: existing.startedAt.toISOString(),
        finishedAt: existing.finishedAt.toISOString(),
        ...(existing.output ? { output: existing.output } : {}),
        ...(existing.error ? { error: existing.error } : {}),
      };
      return next('job.completed', done);
    }
    const job = deps.jobs.get(name) ?? unknownJob(name);
    const completed = await executeRun(
      job,
      {
        _id: runId,
        trigger,
        params,
        requestedAt: existing?.requestedAt ?? new Date(event.occurredAt),
        ...(scheduledFor ? { scheduledFor: new Date(scheduledFor) } : {}),
      },
      deps,
      ctx.signal,
    );
    return next('job.completed', completed);
  };
}

function unknownJob(name: string): JobDefinition {
  return {
    name,
    schedule: '',
    params: { safeParse: (v: unknown) => ({ success: true, data: v }) } as JobDefinition['params'],
    run: () => Promise.reject(new Error(`unknown job "${name}"`)),
  };
}
