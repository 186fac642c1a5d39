import type { Db, IndexDescription } from 'mongodb';
import type { JobRunRecord, JobScheduleRecord } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';

type Finished = Pick<JobRunRecord, 'status' | 'finishedAt' | 'durationMs' | 'output' | 'error'>;

/** Job runs and the next firing per job. Each run has one writer at a time (its lease holder). */
export interface RunStore {
  get(runId: string): Promise<JobRunRecord | null>;
  start(run: JobRunRecord): Promise<void>;
  finish(runId: string, fields: Finished): Promise<void>;
  setNextRun(job: string, schedule: string, nextRunAt: Date | null, now: Date): Promise<void>;
}

export const runIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.jobRuns]: [{ key: { job: 1, requestedAt: -1 }, name: 'job_requested' }],
};

export function createRunStore(db: Db): RunStore {
  const runs = db.collection<JobRunRecord>(COLLECTIONS.jobRuns);
  const schedules = db.collection<JobScheduleRecord>(COLLECTIONS.jobSchedules);
  return {
    get: (runId) => runs.findOne({ _id: runId }),
    async start(run) {
      const { _id, ...fields } = run;
      await runs.updateOne({ _id }, { $set: fields }, { upsert: true });
    },
    async finish(runId, fields) {
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      await runs.updateOne({ _id: runId }, { $set: set });
    },
    async setNextRun(job, schedule, nextRunAt, now) {
      const write = () =>
        schedules.updateOne(
          { _id: job },
          { $set: { schedule, nextRunAt, updatedAt: now } },
          { upsert: true },
        );
      try {
        await write();
      } catch (err) {
        // another replica's upsert inserted the row first (FerretDB does not retry that itself)
        if (!isDuplicateKey(err)) throw err;
        await write();
      }
    },
  };
}
