import { Counter } from 'prom-client';
import { archiveLimitsFromConfig } from '@docflow/archive';
import { createBlobStore, createDocumentGate } from '@docflow/documents';
import { pdfBudgetFromConfig, startPdfEngine } from '@docflow/pdf';
import {
  createBreaker,
  createLogger,
  DocflowError,
  parseConfig,
  runMain,
  startWorker,
  type Logger,
  type Worker,
} from '@docflow/platform';
import { createClamdClient, parseClamdUrl } from './adapters/clamd-client';
import { createDuplicateRegistry } from './adapters/duplicate-registry';
import { scannerConfigSchema, type ScannerConfig } from './config';
import { createDocumentReceivedHandler, type Antivirus } from './handlers/document-received';

export { scannerConfigSchema, type ScannerConfig } from './config';

/** The scanner's composition root: config in, a running worker out. */
export async function startScanner(
  config: ScannerConfig,
  options: { logger?: Logger } = {},
): Promise<Worker<ScannerConfig>> {
  const clamd = createClamdClient({
    ...parseClamdUrl(config.CLAMD_URL),
    timeoutMs: config.CLAMD_TIMEOUT_MS,
    chunkBytes: config.CLAMD_CHUNK_BYTES,
  });
  const antivirusOn = config.SCANNER_ANTIVIRUS === 'on';
  const logger = options.logger ?? createLogger({ service: 'scanner', level: config.LOG_LEVEL });
  const pdf = await startPdfEngine(pdfBudgetFromConfig(config), logger);
  return startWorker({
    service: 'scanner',
    config,
    logger,
    gate: ({ mongo }) => createDocumentGate(mongo.db),
    readiness: antivirusOn ? { clamd: () => clamd.ping() } : {},
    consumers: ({ mongo, metrics, breakers }) => {
      const outcomes = new Counter({
        name: 'docflow_scanner_outcomes_total',
        help: 'Files scanned, by outcome: scanned, or the rejection reason.',
        labelNames: ['outcome'] as const,
        registers: [metrics.registry],
      });
      let antivirus: Antivirus | null = null;
      if (antivirusOn) {
        const { fire } = createBreaker('clamd', (bytes: Buffer) => clamd.scan(bytes), metrics, {
          timeout: config.CLAMD_TIMEOUT_MS + 1_000,
          resetTimeout: config.CLAMD_BREAKER_RESET_MS,
          board: breakers,
          // Only outages count against the circuit; clamd refusing one file does not.
          errorFilter: (err) => err instanceof DocflowError && !err.isTransient,
        });
        antivirus = { engine: 'clamd', scan: fire };
      }
      const handler = createDocumentReceivedHandler({
        blobs: createBlobStore(mongo.db),
        duplicates: createDuplicateRegistry(mongo.db),
        antivirus,
        pdf,
        limits: {
          maxBytes: config.SCANNER_MAX_BYTES,
          maxPages: config.SCANNER_MAX_PAGES,
          maxImagePixels: config.SCANNER_MAX_IMAGE_PIXELS,
          maxSpreadsheetRows: config.SCANNER_MAX_SPREADSHEET_ROWS,
          archive: archiveLimitsFromConfig(config),
        },
        duplicatePolicy: config.SCANNER_DUPLICATE_POLICY,
        onOutcome: (outcome) => outcomes.inc({ outcome }),
      });
      return [{ name: 'scanner', handlers: { 'document.received': handler } }];
    },
  });
}

if (require.main === module) runMain(() => startScanner(parseConfig(scannerConfigSchema)));
