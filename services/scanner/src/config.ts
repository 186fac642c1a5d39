import { z } from 'zod';
import { archiveLimitSettings } from '@docflow/archive';
import { pdfBudgetSettings } from '@docflow/pdf';
import { env, runtimeConfigSchema } from '@docflow/platform';

/**
 * The scanner's configuration: the shared runtime keys plus limits, the archive limits, the PDF
 * engine's budget, duplicates and antivirus.
 */
export const scannerConfigSchema = runtimeConfigSchema.extend({
  HTTP_PORT: env.int('Port of the metrics/health HTTP server (0 = any free port).', 9465, 0, 65535),
  SCANNER_MAX_BYTES: env.int('Largest file accepted, in bytes.', 50 * 1024 * 1024, 1),
  SCANNER_MAX_PAGES: env.int('Most pages a PDF or multi-page TIFF may have.', 500, 1),
  SCANNER_MAX_IMAGE_PIXELS: env.int(
    'Most pixels (width × height, per page) an image may declare; checked from headers before decoding.',
    100_000_000,
    1,
  ),
  SCANNER_MAX_SPREADSHEET_ROWS: env.int('Most rows a spreadsheet or CSV may have.', 100_000, 1),
  SCANNER_MAX_XML_BYTES: env.int(
    'Largest XML upload (e-invoices) accepted, in bytes; parsed hardened (no DTDs or entities).',
    20 * 1024 * 1024,
    1,
  ),
  SCANNER_BUDGET_MS: env.int(
    'Wall-clock time parsing one XML file (an upload or the e-invoice a PDF embeds) may take in its ' +
      'worker thread; past it the document fails (BUDGET_EXCEEDED, processing.budget_exceeded).',
    10_000,
    10,
  ),
  SCANNER_BUDGET_MEMORY_MB: env.int(
    'Heap (MB) the XML-parsing worker thread may use; past it the document fails (BUDGET_EXCEEDED).',
    256,
    32,
  ),
  ...archiveLimitSettings,
  ...pdfBudgetSettings,
  SCANNER_DUPLICATE_POLICY: z
    .enum(['flag', 'reject'])
    .default('flag')
    .describe(
      'A file whose content the tenant already sent: "flag" continues, linked to the original; "reject" refuses it.',
    ),
  SCANNER_ANTIVIRUS: z
    .enum(['on', 'off'])
    .default('on')
    .describe('"off" skips clamd; documents then record antivirus status "not_scanned".'),
  CLAMD_URL: env.url('clamd address (INSTREAM over TCP).', ['tcp'], 'tcp://127.0.0.1:3310'),
  CLAMD_TIMEOUT_MS: env.int(
    'Longest wait for one clamd scan (connect + stream + verdict).',
    60_000,
    100,
  ),
  CLAMD_CHUNK_BYTES: env.int(
    'Size of each INSTREAM chunk sent to clamd.',
    64 * 1024,
    1024,
    8 * 1024 * 1024,
  ),
  CLAMD_BREAKER_RESET_MS: env.int(
    'How long the clamd circuit stays open before one trial call.',
    30_000,
    100,
  ),
});

export type ScannerConfig = z.infer<typeof scannerConfigSchema>;
