import type { JobRunStatus } from './catalog';

/**
 * A job run as stored in `job_runs` (`_id` = run id): the gateway inserts on-demand runs as
 * `queued`, the scheduler writes every other state. Dates are BSON dates.
 */
export interface JobRunRecord {
  _id: string;
  job: string;
  trigger: 'schedule' | 'on_demand';
  status: JobRunStatus;
  params: Record<string, unknown>;
  requestedAt: Date;
  scheduledFor?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  durationMs?: number;
  /** The scheduler replica that ran it. */
  owner?: string;
  output?: Record<string, unknown>;
  error?: { code: string; message: string };
}

/** The next firing of a job, as the scheduler computed it (`job_schedules`, `_id` = job name). */
export interface JobScheduleRecord {
  _id: string;
  schedule: string;
  nextRunAt: Date | null;
  updatedAt: Date;
}
