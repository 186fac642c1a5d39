import { createBlobStore, createDocumentGate, createTextStore } from '@docflow/documents';
import { pdfBudgetFromConfig, startPdfEngine } from '@docflow/pdf';
import {
  createBudgetRunner,
  createLogger,
  parseConfig,
  runMain,
  startWorker,
  type Logger,
  type Worker,
} from '@docflow/platform';
import { createBudgetedSteps } from './adapters/budgeted-steps';
import { createOcrMetrics } from './adapters/ocr-metrics';
import type { OcrEngine } from './adapters/ocr-engine';
import { selectEngine } from './adapters/select-engine';
import { createTableStore } from './adapters/table-store';
import { ocrConfigSchema, type OcrConfig } from './config';
import { extractDepsFromConfig } from './extract/extract-deps';
import { extractDocument } from './extract/extract-document';
import { createDocumentScannedHandler } from './handlers/document-scanned';

export { ocrConfigSchema, type OcrConfig } from './config';

/** The OCR stage's composition root: config in, a running worker (and its engine) out. */
export async function startOcr(
  config: OcrConfig,
  options: { logger?: Logger } = {},
): Promise<Worker<OcrConfig> & { engine: OcrEngine }> {
  const logger = options.logger ?? createLogger({ service: 'ocr', level: config.LOG_LEVEL });
  const pdf = await startPdfEngine(pdfBudgetFromConfig(config), logger);
  const runner = createBudgetRunner({
    stage: 'ocr',
    activity: 'parsing',
    size: config.OCR_BUDGET_WORKERS,
    limits: { timeMs: config.OCR_BUDGET_MS, memoryMb: config.OCR_BUDGET_MEMORY_MB },
    settings: { timeMs: 'OCR_BUDGET_MS', memoryMb: 'OCR_BUDGET_MEMORY_MB' },
  });
  const steps = createBudgetedSteps(runner);
  const engine = await selectEngine(config, logger, steps).catch(async (err: unknown) => {
    await runner.close();
    throw err;
  });
  const stop = async (): Promise<void> => {
    await Promise.allSettled([engine.close(), runner.close()]);
  };
  try {
    const worker = await startWorker({
      service: 'ocr',
      config,
      logger,
      gate: ({ mongo }) => createDocumentGate(mongo.db),
      // after the consumers stopped: a step still running is stopped with its worker
      onStop: stop,
      consumers: ({ mongo, metrics }) => {
        const ocrMetrics = createOcrMetrics(metrics.registry, engine.name);
        const deps = extractDepsFromConfig(config, { engine, pdf, steps });
        const handler = createDocumentScannedHandler({
          blobs: createBlobStore(mongo.db),
          texts: createTextStore(mongo.db),
          tables: createTableStore(mongo.db),
          extract: (type, bytes, signal, einvoice) =>
            extractDocument(type, bytes, deps, signal, einvoice),
          maxBytes: config.OCR_MAX_BYTES,
          onPage: (page) => ocrMetrics.record(page),
        });
        return [{ name: 'ocr', handlers: { 'document.scanned': handler } }];
      },
    });
    return { ...worker, engine };
  } catch (err) {
    await stop();
    throw err;
  }
}

if (require.main === module) runMain(() => startOcr(parseConfig(ocrConfigSchema)));
