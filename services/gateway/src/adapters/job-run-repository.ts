import type { Db } from 'mongodb';
import type { JobName, JobRunRecord, JobScheduleRecord } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';

/** The scheduler's job runs and schedules, as the gateway reads them and asks for runs. */
export interface JobRunRepository {
  /** When the job fires next on its schedule; null before the scheduler has planned it. */
  nextRunAt(job: JobName): Promise<Date | null>;
  /** The job's latest run by request time. */
  lastRun(job: JobName): Promise<JobRunRecord | null>;
  get(id: string): Promise<JobRunRecord | null>;
  /** Records an on-demand run (the scheduler runs it on its `job.requested` event). */
  create(run: JobRunRecord): Promise<void>;
}

export function createJobRunRepository(db: Db): JobRunRepository {
  const runs = db.collection<JobRunRecord>(COLLECTIONS.jobRuns);
  const schedules = db.collection<JobScheduleRecord>(COLLECTIONS.jobSchedules);
  return {
    async nextRunAt(job) {
      return (await schedules.findOne({ _id: job }))?.nextRunAt ?? null;
    },
    async lastRun(job) {
      const [last] = await runs.find({ job }).sort({ requestedAt: -1 }).limit(1).toArray();
      return last ?? null;
    },
    get: (id) => runs.findOne({ _id: id }),
    async create(run) {
      await runs.insertOne(run);
    },
  };
}
