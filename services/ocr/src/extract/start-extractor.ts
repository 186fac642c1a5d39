import type { DetectedType, EInvoiceInfo } from '@docflow/contracts';
import { pdfBudgetFromConfig, startPdfEngine } from '@docflow/pdf';
import type { Logger } from '@docflow/platform';
import { nativeTesseractVersion } from '../adapters/native-tesseract';
import { selectEngine } from '../adapters/select-engine';
import type { OcrConfig } from '../config';
import { inProcessSteps } from '../steps/in-process-steps';
import { extractDepsFromConfig } from './extract-deps';
import { extractDocument } from './extract-document';
import type { Extraction } from './extracted';

/** The OCR stage's extraction without a broker or database, for tools such as the evaluation. */
export interface Extractor {
  /** Engine name and version, e.g. `native tesseract 5.3.0 eng+spa` (for caches keyed by it). */
  readonly version: string;
  extract(
    type: DetectedType,
    bytes: Buffer,
    signal?: AbortSignal,
    einvoice?: EInvoiceInfo,
  ): Promise<Extraction>;
  close(): Promise<void>;
}

/**
 * Starts the same PDF engine, OCR engine and extraction as the service's `main.ts`, from the same
 * configuration; rejects as the service would when poppler or every OCR engine is missing.
 */
export async function startExtractor(config: OcrConfig, logger: Logger): Promise<Extractor> {
  const pdf = await startPdfEngine(pdfBudgetFromConfig(config), logger);
  // the service's parsing steps, run in this process (an offline tool has no one else to stall)
  const steps = inProcessSteps;
  const engine = await selectEngine(config, logger, steps);
  const engineVersion =
    engine.name === 'native' ? await nativeTesseractVersion(config.TESSERACT_PATH) : 'tesseract.js';
  const deps = extractDepsFromConfig(config, { engine, pdf, steps });
  return {
    version: `${engine.name} ${engineVersion ?? ''} ${config.OCR_LANGUAGES}`.replace(/\s+/g, ' '),
    extract: (type, bytes, signal, einvoice) =>
      extractDocument(type, bytes, deps, signal, einvoice),
    close: () => engine.close(),
  };
}
