import type { JobRunRecord, PayloadOf } from '@docflow/contracts';
import { DocflowError, classifyError, type Logger } from '@docflow/platform';
import type { JobMetrics } from '../adapters/job-metrics';
import type { RunStore } from '../adapters/run-store';
import type { JobDefinition } from './job-definition';

export interface ExecuteDeps {
  runs: RunStore;
  metrics: JobMetrics;
  logger: Logger;
  owner: string;
  clock?: () => Date;
}

export type RunRequest = Pick<JobRunRecord, '_id' | 'trigger' | 'requestedAt' | 'scheduledFor'> & {
  params: unknown;
};

/**
 * Runs one job run and records it: `running` first, then `succeeded` with the job's output or
 * `failed` with the error. Returns the `job.completed` payload. Never throws for a job's failure.
 */
export async function executeRun(
  job: JobDefinition,
  request: RunRequest,
  deps: ExecuteDeps,
  signal: AbortSignal,
): Promise<PayloadOf<'job.completed'>> {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger.child({
    job_name: job.name,
    runId: request._id,
    trigger: request.trigger,
  });
  const startedAt = clock();
  const parsed = job.params.safeParse(request.params ?? {});
  const params = parsed.success ? parsed.data : {};
  await deps.runs.start({
    _id: request._id,
    job: job.name,
    trigger: request.trigger,
    status: 'running',
    params,
    requestedAt: request.requestedAt,
    startedAt,
    owner: deps.owner,
    ...(request.scheduledFor ? { scheduledFor: request.scheduledFor } : {}),
  });
  let output: Record<string, unknown> | undefined;
  let error: { code: string; message: string } | undefined;
  try {
    if (!parsed.success)
      throw new DocflowError('JOB_PARAMS_INVALID', parsed.error.message, { transient: false });
    output = await job.run(params, { runId: request._id, logger, signal, at: startedAt });
  } catch (err) {
    const summary = classifyError(err);
    error = { code: summary.code, message: summary.message };
    logger.error({ err }, 'job run failed');
  }
  const finishedAt = clock();
  const durationMs = finishedAt.getTime() - startedAt.getTime();
  const status = error ? 'failed' : 'succeeded';
  await deps.runs.finish(request._id, { status, finishedAt, durationMs, output, error });
  deps.metrics.runs.inc({ job_name: job.name, trigger: request.trigger, outcome: status });
  deps.metrics.duration.observe({ job_name: job.name }, durationMs / 1000);
  if (!error) deps.metrics.lastSuccess.set({ job_name: job.name }, finishedAt.getTime() / 1000);
  logger.info({ status, durationMs }, 'job run finished');
  return {
    runId: request._id,
    job: job.name,
    status,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    ...(output ? { output } : {}),
    ...(error ? { error } : {}),
  };
}
