import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { archiveLimitSettings } from '@docflow/archive';
import { pdfBudgetSettings } from '@docflow/pdf';
import { env, runtimeConfigSchema } from '@docflow/platform';

/**
 * The OCR stage's configuration: the shared runtime keys plus engine, pool and extraction knobs,
 * pixel budgets, the budget of its parsing steps and of Tesseract, the archive limits and the PDF
 * engine's budget.
 */
export const ocrConfigSchema = runtimeConfigSchema
  .extend({
    HTTP_PORT: env.int(
      'Port of the metrics/health HTTP server (0 = any free port).',
      9466,
      0,
      65535,
    ),
    HANDLER_TIMEOUT_MS: env.int(
      'A document taking longer than this fails as transient.',
      600_000,
      100,
    ),
    AMQP_PREFETCH: env.int(
      'Documents handled at once; their OCR pages share the worker pool, so text-layer and plain-text documents are not held up behind a scan.',
      4,
      1,
      1000,
    ),
    OCR_ENGINE: z
      .enum(['auto', 'native', 'tesseractjs'])
      .default('auto')
      .describe(
        '"native" runs the tesseract CLI, "tesseractjs" the WebAssembly build (an optional dependency, loaded only when used); "auto" prefers native when installed.',
      ),
    OCR_LANGUAGES: z
      .string()
      .regex(
        /^[a-z_]{3,8}(\+[a-z_]{3,8})*$/,
        'Tesseract language codes joined by "+", e.g. eng+spa',
      )
      .default('eng+spa')
      .describe('Tesseract languages used for every page.'),
    // The default depends on the machine: docs/configuration.md shows `shownDefault` instead.
    OCR_WORKERS: env
      .int('OCR processes/workers running at once.', availableParallelism(), 1, 64)
      .meta({ shownDefault: 'the number of cores' }),
    OCR_MAX_BYTES: env.int('Largest file the stage reads, in bytes.', 50 * 1024 * 1024, 1),
    OCR_RENDER_DPI: env.int(
      'Resolution at which PDF pages without text are rendered for OCR.',
      300,
      72,
      600,
    ),
    OCR_MIN_TEXT_CHARS: env.int(
      'Letters and digits a PDF page text layer needs to be used instead of OCR.',
      16,
      0,
    ),
    OCR_TEXT_HEIGHT_PX: env.int(
      'Character height in pixels that page images are scaled to before OCR (measured as the median height of character-shaped ink blobs; skewed pages are levelled in the same pass); 0 turns the measurement, the scaling and the levelling off.',
      32,
      0,
      200,
    ),
    OCR_UPSCALE_BELOW_PX: env.int(
      'Images whose text height is not measured (none found, or OCR_TEXT_HEIGHT_PX=0), without a real resolution and whose longer side is below this are upscaled ×2 before OCR (images declaring < 150 dpi always are).',
      1000,
      0,
    ),
    OCR_MAX_IMAGE_PIXELS: env.int(
      'Most pixels (width × height) an image page may declare to be decoded; more fails the document with BUDGET_EXCEEDED before any pixel is decoded (the scanner checks SCANNER_MAX_IMAGE_PIXELS too; this stage does not rely on it).',
      100_000_000,
      1,
    ),
    OCR_MAX_PAGE_PIXELS: env.int(
      'Most pixels one PDF page is rendered to for OCR: a page that would be larger at OCR_RENDER_DPI renders at the resolution that fits (A4 at 300 dpi is 8.7 million).',
      40_000_000,
      1_000_000,
    ),
    OCR_MAX_DOCUMENT_PIXELS: env.int(
      'Most pixels all pages of one PDF that need OCR may render to together; more fails the document with BUDGET_EXCEEDED before rendering (500 A4 pages at 300 dpi are 4.35 billion).',
      5_000_000_000,
      1_000_000,
    ),
    ...archiveLimitSettings,
    ...pdfBudgetSettings,
    TESSERACT_PATH: z
      .string()
      .default('tesseract')
      .describe('The tesseract executable (native engine).'),
    OCR_BUDGET_MS: env.int(
      'Wall-clock time one parsing step on a file may take in its worker thread (reading a DOCX, XLSX, CSV or text file; sorting a PDF text layer; placing its word positions; reading Tesseract output; guessing the language); past it the worker is stopped and the document fails (BUDGET_EXCEEDED, processing.budget_exceeded). Must be below HANDLER_TIMEOUT_MS.',
      20_000,
      10,
    ),
    OCR_BUDGET_MEMORY_MB: env.int(
      'Heap (MB) an OCR parsing worker thread may use; past it the worker is stopped and the document fails (BUDGET_EXCEEDED, processing.budget_exceeded).',
      512,
      32,
    ),
    OCR_BUDGET_WORKERS: env.int(
      'Worker threads running parsing steps at once; further steps wait their turn.',
      2,
      1,
      64,
    ),
    OCR_TESSERACT_TIMEOUT_MS: env.int(
      'Wall-clock time Tesseract may take per page: a process reading N pages is killed (SIGKILL) after N times this, and the document fails (BUDGET_EXCEEDED, processing.budget_exceeded).',
      120_000,
      100,
    ),
  })
  .refine((config) => config.OCR_BUDGET_MS < config.HANDLER_TIMEOUT_MS, {
    // a handler timeout is transient: the document would be retried, on another replica too
    message: 'must be below HANDLER_TIMEOUT_MS, so a document over budget fails for good',
    path: ['OCR_BUDGET_MS'],
  });

export type OcrConfig = z.infer<typeof ocrConfigSchema>;
