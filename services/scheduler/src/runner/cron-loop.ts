import { Cron } from 'croner';
import type { Logger } from '@docflow/platform';
import type { RunStore } from '../adapters/run-store';
import type { JobDefinition } from './job-definition';

export interface CronLoop {
  start(): void;
  /** Stops timers, aborts running jobs and waits for them. */
  stop(): Promise<void>;
}

/** Longest single wait (setTimeout's limit is ~24.8 days). */
const MAX_WAIT_MS = 2 ** 31 - 1;

/** The next firing of a cron schedule strictly after `after` (null: never again). */
export function nextFiring(schedule: string, after: Date, timezone = 'UTC'): Date | null {
  return new Cron(schedule, { timezone, paused: true }).nextRun(after);
}

/**
 * Wakes every replica at each job's firing times and hands the firing to `onFiring` (which takes
 * the lease). Timers run per job; the firing time, not the wake-up time, identifies a firing.
 */
export function createCronLoop(deps: {
  jobs: readonly JobDefinition[];
  timezone: string;
  runs: Pick<RunStore, 'setNextRun'>;
  logger: Logger;
  onFiring: (job: JobDefinition, scheduledFor: Date, signal: AbortSignal) => Promise<unknown>;
}): CronLoop {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  const abort = new AbortController();
  let stopped = false;

  const schedule = (job: JobDefinition, after: Date): void => {
    if (stopped) return;
    const at = nextFiring(job.schedule, after, deps.timezone);
    deps.runs
      .setNextRun(job.name, job.schedule, at, new Date())
      .catch((err: unknown) => deps.logger.warn({ err, job: job.name }, 'next run not stored'));
    if (!at) return;
    const wait = (): void => {
      const remaining = at.getTime() - Date.now();
      if (remaining > MAX_WAIT_MS) {
        timers.set(job.name, setTimeout(wait, MAX_WAIT_MS));
        return;
      }
      timers.set(
        job.name,
        setTimeout(
          () => {
            if (Date.now() < at.getTime()) return wait();
            schedule(job, at);
            const run = deps
              .onFiring(job, at, abort.signal)
              .catch((err: unknown) => deps.logger.error({ err, job: job.name }, 'firing failed'))
              .finally(() => running.delete(run));
            running.add(run);
          },
          Math.max(0, remaining),
        ),
      );
    };
    wait();
  };

  return {
    start() {
      const now = new Date();
      for (const job of deps.jobs) schedule(job, now);
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      abort.abort();
      await Promise.allSettled([...running]);
    },
  };
}
