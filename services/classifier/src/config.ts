import { z } from 'zod';
import { BASE_MODEL_PATH } from '@docflow/model';
import { env, runtimeConfigSchema } from '@docflow/platform';

/** The classifier's configuration: the shared runtime keys plus its own. */
export const classifierConfigSchema = runtimeConfigSchema.extend({
  HTTP_PORT: env.int('Port of the metrics/health HTTP server (0 = any free port).', 9467, 0, 65535),
  CLASSIFIER_MODEL_PATH: z
    .string()
    .min(1)
    .default(BASE_MODEL_PATH)
    .describe('The base model file written by `npm run train` (loaded once at start).'),
  CLASSIFIER_CONFIDENCE_THRESHOLD: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.6)
    .describe('Below this calibrated probability the document goes to review (low_confidence).'),
  CLASSIFIER_FUTURE_TOLERANCE_DAYS: env.int(
    'How many days after today a document date may be before it is flagged.',
    3,
    0,
    3650,
  ),
  CLASSIFIER_TENANT_MODEL_TTL_MS: env.int(
    'How long a tenant model (or its absence) is cached before classifier_models is read again.',
    60_000,
    0,
  ),
});

export type ClassifierConfig = z.infer<typeof classifierConfigSchema>;
