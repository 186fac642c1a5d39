import { createDocumentGate, createTextStore } from '@docflow/documents';
import { createModelStore, loadBaseModel } from '@docflow/model';
import {
  createBudgetRunner,
  parseConfig,
  runMain,
  startWorker,
  type Logger,
  type Worker,
} from '@docflow/platform';
import { createVendorLayoutStore, vendorLayoutIndexes } from '@docflow/vendor-memory';
import { createWorkerProcessor } from './adapters/worker-processor';
import { classifierConfigSchema, type ClassifierConfig } from './config';
import { createTextExtractedHandler } from './handlers/document-text-extracted';

export { classifierConfigSchema, type ClassifierConfig } from './config';

/** The classifier's composition root: config in, a running worker out. */
export async function startClassifier(
  config: ClassifierConfig,
  options: { logger?: Logger } = {},
): Promise<Worker<ClassifierConfig>> {
  const base = loadBaseModel(config.CLASSIFIER_MODEL_PATH);
  const runner = createBudgetRunner({
    stage: 'classifier',
    activity: 'classification',
    size: config.CLASSIFIER_WORKERS,
    limits: { timeMs: config.CLASSIFIER_BUDGET_MS, memoryMb: config.CLASSIFIER_BUDGET_MEMORY_MB },
    settings: { timeMs: 'CLASSIFIER_BUDGET_MS', memoryMb: 'CLASSIFIER_BUDGET_MEMORY_MB' },
  });
  try {
    return await startWorker({
      service: 'classifier',
      config,
      ...(options.logger ? { logger: options.logger } : {}),
      indexes: vendorLayoutIndexes,
      gate: ({ mongo }) => createDocumentGate(mongo.db),
      consumers: ({ mongo, logger }) => {
        logger.info({ modelVersion: base.version }, 'base model loaded');
        const handler = createTextExtractedHandler({
          texts: createTextStore(mongo.db),
          models: createModelStore(mongo.db, base, config.CLASSIFIER_TENANT_MODEL_TTL_MS),
          vendorLayouts: createVendorLayoutStore(mongo.db),
          process: createWorkerProcessor(runner),
          options: {
            confidenceThreshold: config.CLASSIFIER_CONFIDENCE_THRESHOLD,
            futureToleranceDays: config.CLASSIFIER_FUTURE_TOLERANCE_DAYS,
          },
          maxTextChars: config.CLASSIFIER_MAX_TEXT_CHARS,
        });
        return [{ name: 'classifier', handlers: { 'document.text_extracted': handler } }];
      },
      // after the consumers stopped: a document still running is stopped with its worker
      onStop: () => runner.close(),
    });
  } catch (err) {
    await runner.close();
    throw err;
  }
}

if (require.main === module) runMain(() => startClassifier(parseConfig(classifierConfigSchema)));
