import type { Db } from 'mongodb';
import { z } from 'zod';
import type { JobDefinition } from '../../../src/runner/job-definition';

export interface ProbeRun {
  _id: string;
  owner: string;
  at: Date;
}

/** A job firing every second that records each run; with `hang` it never ends (a stuck holder). */
export function probeJob(db: Db, owner: string, options: { hang?: boolean } = {}): JobDefinition {
  return {
    name: 'probe',
    schedule: '* * * * * *',
    params: z.strictObject({}),
    async run(_params, ctx) {
      await db.collection<ProbeRun>('probe_runs').insertOne({ _id: ctx.runId, owner, at: ctx.at });
      if (options.hang) await new Promise(() => undefined);
      return { owner };
    },
  };
}
