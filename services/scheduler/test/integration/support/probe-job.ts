import type { Db } from 'mongodb';
import { z } from 'zod';
import type { JobDefinition } from '../../../src/runner/job-definition';

export interface ProbeRun {
  _id: string;
  owner: string;
  at: Date;
}

export interface ProbeOptions {
  /** Never end (a stuck holder). */
  hang?: boolean;
  /** The first run of the probe (across replicas) lasts this long; later ones end at once. */
  holdFirstMs?: number;
}

/** A job firing every second that records each run. */
export function probeJob(db: Db, owner: string, options: ProbeOptions = {}): JobDefinition {
  const runs = db.collection<ProbeRun>('probe_runs');
  return {
    name: 'probe',
    schedule: '* * * * * *',
    params: z.strictObject({}),
    async run(_params, ctx) {
      await runs.insertOne({ _id: ctx.runId, owner, at: ctx.at });
      if (options.hang) await new Promise(() => undefined);
      if (options.holdFirstMs && (await runs.countDocuments()) === 1)
        await new Promise((resolve) => setTimeout(resolve, options.holdFirstMs));
      return { owner };
    },
  };
}
