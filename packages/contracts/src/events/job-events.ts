import { z } from 'zod';
import { defineEvent } from '../envelope';

export const jobRequested = defineEvent({
  type: 'job.requested',
  version: 1,
  documentScoped: false,
  description: 'A job run was asked for, by its schedule or on demand.',
  payload: z.object({
    runId: z.uuid(),
    job: z.string().min(1),
    trigger: z.enum(['schedule', 'on_demand']),
    params: z.record(z.string(), z.unknown()),
    scheduledFor: z.iso.datetime({ offset: true }).optional(),
  }),
});

export const jobCompleted = defineEvent({
  type: 'job.completed',
  version: 1,
  documentScoped: false,
  description: 'A job run ended, with its outcome and a summary of what it did.',
  payload: z.object({
    runId: z.uuid(),
    job: z.string().min(1),
    status: z.enum(['succeeded', 'failed']),
    startedAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }),
    output: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  }),
});
