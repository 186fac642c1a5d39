import { Counter } from 'prom-client';
import { archiveLimitsFromConfig } from '@docflow/archive';
import { createBlobStore, createDocumentGate } from '@docflow/documents';
import { pdfBudgetFromConfig, startPdfEngine } from '@docflow/pdf';
import {
  createBudgetRunner,
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
import type { XmlProbe } from './domain/inspect-xml';
import {
  PROBE_XML_TASK_MODULE,
  type ProbeXmlInput,
  type XmlVerdict,
} from './domain/probe-xml-task';
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
  const runner = createBudgetRunner({
    stage: 'scanner',
    activity: 'XML parsing',
    limits: { timeMs: config.SCANNER_BUDGET_MS, memoryMb: config.SCANNER_BUDGET_MEMORY_MB },
    settings: { timeMs: 'SCANNER_BUDGET_MS', memoryMb: 'SCANNER_BUDGET_MEMORY_MB' },
  });
  const probeXml: XmlProbe = (xml, maxBytes) =>
    runner.run<ProbeXmlInput, XmlVerdict>({
      module: PROBE_XML_TASK_MODULE,
      fn: 'probeXmlTask',
      input: { xml, maxBytes },
    });
  try {
    return await startWorker({
      service: 'scanner',
      config,
      logger,
      gate: ({ mongo }) => createDocumentGate(mongo.db),
      readiness: antivirusOn ? { clamd: () => clamd.ping() } : {},
      consumers: ({ mongo, metrics }) => {
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
          probeXml,
          limits: {
            maxBytes: config.SCANNER_MAX_BYTES,
            maxPages: config.SCANNER_MAX_PAGES,
            maxImagePixels: config.SCANNER_MAX_IMAGE_PIXELS,
            maxSpreadsheetRows: config.SCANNER_MAX_SPREADSHEET_ROWS,
            archive: archiveLimitsFromConfig(config),
            maxXmlBytes: config.SCANNER_MAX_XML_BYTES,
          },
          duplicatePolicy: config.SCANNER_DUPLICATE_POLICY,
          onOutcome: (outcome) => outcomes.inc({ outcome }),
        });
        return [{ name: 'scanner', handlers: { 'document.received': handler } }];
      },
      onStop: () => runner.close(),
    });
  } catch (err) {
    await runner.close();
    throw err;
  }
}

if (require.main === module) runMain(() => startScanner(parseConfig(scannerConfigSchema)));
