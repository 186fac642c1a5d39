import { z } from 'zod';

/** The one body shape of every error answer from the HTTP API. */
export const errorBodySchema = z.object({
  error: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED.'),
  message: z.string().describe('What went wrong, for a person.'),
  details: z.unknown().optional().describe('For 400s: the validation issues.'),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
