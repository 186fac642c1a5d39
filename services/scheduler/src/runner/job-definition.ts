import type { z } from 'zod';
import type { Logger } from '@docflow/platform';

export interface JobContext {
  runId: string;
  logger: Logger;
  signal: AbortSignal;
  /** The firing time (scheduled runs) or the request time (on-demand runs). */
  at: Date;
}

/** A job as the scheduler runs it: its catalogue entry plus the function doing the work. */
export interface JobDefinition {
  name: string;
  schedule: string;
  params: z.ZodType<Record<string, unknown>>;
  /** Returns a small summary of what it did (stored with the run and sent in job.completed). */
  run(params: Record<string, unknown>, ctx: JobContext): Promise<Record<string, unknown>>;
}
