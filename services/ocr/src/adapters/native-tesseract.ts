import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { permanentError } from '@docflow/platform';
import { budgetExceeded } from '../domain/archive-failure';
import type { TsvPage } from '../steps/ocr-steps';
import { createSemaphore, type OcrEngine, type OcrPageResult } from './ocr-engine';
import { parseTesseractTsv } from './tesseract-tsv';

const run = promisify(execFile);

export interface NativeTesseractOptions {
  binary: string;
  languages: string;
  workers: number;
  /**
   * Wall-clock time one page may take: a process reading N pages is killed (SIGKILL) after N times
   * this, and its document fails with BUDGET_EXCEEDED (OCR_TESSERACT_TIMEOUT_MS).
   */
  timeoutMsPerPage: number;
  /** Reads Tesseract's TSV output (in the service: under the budget runner). */
  parseTsv?: (tsv: string, pages: number, signal?: AbortSignal) => Promise<TsvPage[]>;
}

/**
 * The Debian `tesseract` CLI. Start-up (loading the language models) costs about as much as a
 * small page, so a document's pages are not run one process each: they are split into at most
 * `workers` batches and each batch is one process reading a list file (Tesseract treats it as one
 * multi-page document). Each process runs single-threaded (OMP_THREAD_LIMIT=1) and the pool holds
 * `workers` processes at once across documents. `--psm 1` is automatic segmentation with
 * Tesseract's OSD, which detects each page's orientation and reads it rotated accordingly.
 */
export function createNativeTesseract(options: NativeTesseractOptions): OcrEngine {
  const slot = createSemaphore(options.workers);
  const parseTsv =
    options.parseTsv ?? (async (tsv: string, pages: number) => parseTesseractTsv(tsv, pages));

  const runBatch = (images: readonly Buffer[], signal?: AbortSignal): Promise<OcrPageResult[]> =>
    slot(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'docflow-ocr-'));
      try {
        const paths = await Promise.all(
          images.map(async (image, i) => {
            const path = join(dir, `page-${i + 1}.png`);
            await writeFile(path, image);
            return path;
          }),
        );
        await writeFile(join(dir, 'pages.txt'), `${paths.join('\n')}\n`);
        const started = performance.now();
        const timeoutMs = options.timeoutMsPerPage * images.length;
        try {
          await run(
            options.binary,
            [
              join(dir, 'pages.txt'),
              join(dir, 'out'),
              '-l',
              options.languages,
              '--psm',
              '1',
              'tsv',
            ],
            {
              env: { ...process.env, OMP_THREAD_LIMIT: '1' },
              maxBuffer: 16 * 1024 * 1024,
              timeout: timeoutMs,
              killSignal: 'SIGKILL',
              ...(signal ? { signal } : {}),
            },
          );
        } catch (err) {
          if (signal?.aborted) throw err;
          const { killed, code } = err as { killed?: boolean; code?: unknown };
          if (killed && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
            throw budgetExceeded(
              `ocr: Tesseract took longer than ${timeoutMs} ms for ${images.length} page(s) (${options.timeoutMsPerPage} ms per page, OCR_TESSERACT_TIMEOUT_MS)`,
              { limit: 'OCR_TESSERACT_TIMEOUT_MS', budget: options.timeoutMsPerPage },
            );
          throw permanentError(
            'OCR_FAILED',
            `tesseract failed: ${(err as Error).message.slice(0, 300)}`,
            { cause: err },
          );
        }
        const durationMs = (performance.now() - started) / images.length;
        const pages = await parseTsv(
          await readFile(join(dir, 'out.tsv'), 'utf8'),
          images.length,
          signal,
        );
        return pages.map((p) => ({ ...p, durationMs }));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

  return {
    name: 'native',
    async recognize(images, signal) {
      if (images.length === 0) return [];
      const batches = Math.min(options.workers, images.length);
      const size = Math.ceil(images.length / batches);
      const chunks: Buffer[][] = [];
      for (let i = 0; i < images.length; i += size) chunks.push(images.slice(i, i + size));
      return (await Promise.all(chunks.map((chunk) => runBatch(chunk, signal)))).flat();
    },
    async close() {},
  };
}

/** Whether the native CLI answers, with its version line. */
export async function nativeTesseractVersion(binary: string): Promise<string | null> {
  try {
    const { stdout, stderr } = await run(binary, ['--version']);
    return (stdout || stderr).split('\n')[0]?.trim() ?? null;
  } catch {
    return null;
  }
}
