import { createDocumentGate, createTextStore } from '@docflow/documents';
import { createModelStore, loadBaseModel } from '@docflow/model';
import { parseConfig, runMain, startWorker, type Logger, type Worker } from '@docflow/platform';
import { classifierConfigSchema, type ClassifierConfig } from './config';
import { createTextExtractedHandler } from './handlers/document-text-extracted';

export { classifierConfigSchema, type ClassifierConfig } from './config';

/** The classifier's composition root: config in, a running worker out. */
export async function startClassifier(
  config: ClassifierConfig,
  options: { logger?: Logger } = {},
): Promise<Worker<ClassifierConfig>> {
  const base = loadBaseModel(config.CLASSIFIER_MODEL_PATH);
  return startWorker({
    service: 'classifier',
    config,
    ...(options.logger ? { logger: options.logger } : {}),
    gate: ({ mongo }) => createDocumentGate(mongo.db),
    consumers: ({ mongo, logger }) => {
      logger.info({ modelVersion: base.version }, 'base model loaded');
      const handler = createTextExtractedHandler({
        texts: createTextStore(mongo.db),
        models: createModelStore(mongo.db, base, config.CLASSIFIER_TENANT_MODEL_TTL_MS),
        options: {
          confidenceThreshold: config.CLASSIFIER_CONFIDENCE_THRESHOLD,
          futureToleranceDays: config.CLASSIFIER_FUTURE_TOLERANCE_DAYS,
        },
      });
      return [{ name: 'classifier', handlers: { 'document.text_extracted': handler } }];
    },
  });
}

if (require.main === module) runMain(() => startClassifier(parseConfig(classifierConfigSchema)));
