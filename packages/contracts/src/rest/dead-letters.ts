import { z } from 'zod';

/** A stored dead letter as the admin API lists it. */
export const deadLetterSchema = z.object({
  id: z.string(),
  consumer: z.string(),
  reason: z.string(),
  errorCode: z.string().nullable(),
  lastError: z.string().nullable(),
  retries: z.number(),
  replays: z.number(),
  deadLetteredAt: z.string(),
  eventType: z.string().nullable(),
  eventId: z.string().nullable(),
  documentId: z.string().nullable(),
  tenantId: z.string().nullable(),
  event: z.unknown().describe('The original message (parsed when it is JSON).'),
});
