import { env } from '@docflow/platform';

/** What one poppler subprocess may use before it is killed and its file given up on. */
export interface PdfBudget {
  /** Wall-clock deadline of one tool run; past it the process gets SIGKILL. */
  timeoutMs: number;
  /** Bytes read from the tool's standard output (text, an info listing, a rendered page). */
  maxOutputBytes: number;
  /** Address space of the tool's process (`prlimit --as`); 0 means no cap. */
  maxMemoryBytes: number;
}

export const DEFAULT_PDF_BUDGET: PdfBudget = {
  timeoutMs: 20_000,
  maxOutputBytes: 64 * 1024 * 1024,
  maxMemoryBytes: 512 * 1024 * 1024,
};

/**
 * The budget's settings, the same in every service that reads PDFs (the scanner and OCR spread
 * them into their config schemas).
 */
export const pdfBudgetSettings = {
  PDF_TIMEOUT_MS: env.int(
    'Longest one poppler run (pdfinfo, pdftotext, or pdftoppm for one page) may take; past it the process is killed (SIGKILL) and the PDF fails with budget_exceeded (time).',
    DEFAULT_PDF_BUDGET.timeoutMs,
    100,
  ),
  PDF_MAX_OUTPUT_BYTES: env.int(
    'Most bytes read from one poppler run (a document text layer, a rendered page); more kills the process (budget_exceeded, output).',
    DEFAULT_PDF_BUDGET.maxOutputBytes,
    1024,
  ),
  PDF_MAX_MEMORY_BYTES: env.int(
    'Address space of one poppler process, set with prlimit --as (0 = no cap; without prlimit on PATH nothing is capped and a warning is logged at start). A PDF needing more fails with budget_exceeded (memory).',
    DEFAULT_PDF_BUDGET.maxMemoryBytes,
    0,
  ),
};

/** The budget from a config parsed with `pdfBudgetSettings`. */
export const pdfBudgetFromConfig = (config: {
  PDF_TIMEOUT_MS: number;
  PDF_MAX_OUTPUT_BYTES: number;
  PDF_MAX_MEMORY_BYTES: number;
}): PdfBudget => ({
  timeoutMs: config.PDF_TIMEOUT_MS,
  maxOutputBytes: config.PDF_MAX_OUTPUT_BYTES,
  maxMemoryBytes: config.PDF_MAX_MEMORY_BYTES,
});
