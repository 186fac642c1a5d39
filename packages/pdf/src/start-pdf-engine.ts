import type { Logger } from '@docflow/platform';
import type { PdfBudget } from './budget';
import { createPdfEngine, type PdfEngine } from './pdf-engine';

/**
 * A service's PDF engine, checked at start: poppler must run (otherwise this rejects with
 * PDF_TOOLS_UNAVAILABLE and the service does not start). Without prlimit the service still runs,
 * with its deadline and output cap but no memory cap, and says so in a warning.
 */
export async function startPdfEngine(budget: PdfBudget, logger: Logger): Promise<PdfEngine> {
  const engine = createPdfEngine(budget);
  const tools = await engine.tools();
  if (tools.memoryCap === 'none' && budget.maxMemoryBytes > 0)
    logger.warn(
      { ...tools, budget },
      'prlimit is not on PATH: poppler runs without its memory cap (PDF_MAX_MEMORY_BYTES)',
    );
  else logger.info({ ...tools, budget }, 'PDF engine ready');
  return engine;
}
