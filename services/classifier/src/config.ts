import { z } from 'zod';
import { BASE_MODEL_PATH } from '@docflow/model';
import { env, runtimeConfigSchema } from '@docflow/platform';

/** The classifier's configuration: the shared runtime keys plus its own. */
export const classifierConfigSchema = runtimeConfigSchema
  .extend({
    HTTP_PORT: env.int(
      'Port of the metrics/health HTTP server (0 = any free port).',
      9467,
      0,
      65535,
    ),
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
    CLASSIFIER_BUDGET_MS: env.int(
      "Wall-clock time one document's classification and extraction may take in its worker thread; " +
        'past it the worker is stopped and the document fails (BUDGET_EXCEEDED, ' +
        'processing.budget_exceeded). Must be below HANDLER_TIMEOUT_MS.',
      10_000,
      10,
    ),
    CLASSIFIER_BUDGET_MEMORY_MB: env.int(
      'Heap (MB) a classification worker thread may use; past it the worker is stopped and the ' +
        'document fails (BUDGET_EXCEEDED, processing.budget_exceeded).',
      256,
      32,
    ),
    CLASSIFIER_WORKERS: env.int(
      'Worker threads classifying documents at once; further documents wait their turn.',
      1,
      1,
      64,
    ),
    CLASSIFIER_MAX_TEXT_CHARS: env.int(
      'Longest text classified; the rest is cut off and a text.truncated warning recorded.',
      200_000,
      1_000,
    ),
  })
  .refine((config) => config.CLASSIFIER_BUDGET_MS < config.HANDLER_TIMEOUT_MS, {
    // a handler timeout is transient: the document would be retried, on another replica too
    message: 'must be below HANDLER_TIMEOUT_MS, so a document over budget fails for good',
    path: ['CLASSIFIER_BUDGET_MS'],
  });

export type ClassifierConfig = z.infer<typeof classifierConfigSchema>;
