import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import { permanentError } from '@docflow/platform';
import { budgetExceeded } from '../domain/archive-failure';
import type { PageLayout } from '../domain/page-layout';
import { placeInText, unturnLayout } from '../domain/turned-layout';
import type { TsvPage } from '../steps/ocr-steps';
import type { OcrEngine, OcrPageResult } from './ocr-engine';
import { parseTesseractTsv } from './tesseract-tsv';

export interface TesseractJsOptions {
  languages: string;
  workers: number;
  /**
   * Wall-clock time one reading of a page may take: past it the worker is terminated (a fresh one
   * takes its place) and the document fails with BUDGET_EXCEEDED (OCR_TESSERACT_TIMEOUT_MS).
   */
  timeoutMsPerPage: number;
  /** Below this confidence (0..1) the page is also read turned by 90°, 180° and 270°. */
  orientationProbeBelow?: number;
  /** Reads Tesseract's TSV output, for the words (in the service: under the budget runner). */
  parseTsv?: (tsv: string, pages: number, signal?: AbortSignal) => Promise<TsvPage[]>;
}

const NOT_INSTALLED =
  'tesseract.js is not installed (an optional dependency of @docflow/ocr; `npm install --include=optional` adds it)';

/** tesseract.js, loaded on first use: an optional dependency, as the image runs native Tesseract. */
async function loadTesseractJs(): Promise<typeof import('tesseract.js')> {
  try {
    return await import('tesseract.js');
  } catch (err) {
    throw permanentError('OCR_ENGINE_UNAVAILABLE', NOT_INSTALLED, { cause: err });
  }
}

/** The path of a language's model in its @tesseract.js-data package. */
function languageData(code: string): string {
  try {
    return require.resolve(`@tesseract.js-data/${code}/4.0.0/${code}.traineddata.gz`);
  } catch (err) {
    throw permanentError(
      'OCR_ENGINE_UNAVAILABLE',
      `tesseract.js has no model for "${code}": @tesseract.js-data/${code} is not installed (an optional dependency of @docflow/ocr)`,
      { cause: err },
    );
  }
}

/**
 * tesseract.js (Tesseract compiled to WebAssembly, in worker threads): the self-contained fallback,
 * loaded only when chosen (OCR_ENGINE=tesseractjs, or "auto" without the native CLI). It and its
 * language data (the @tesseract.js-data npm packages, so nothing is fetched) are optional
 * dependencies. `workers`
 * workers start once and stay; pages queue for the next idle one. Its OSD model is not packaged,
 * so orientation is found by confidence: a page read with low confidence is read again turned by
 * 90°, 180° and 270°, and the best reading wins. The words come from the reading's TSV, placed in
 * its text and turned back onto the page when the best reading was of a turned copy.
 */
export async function createTesseractJs(options: TesseractJsOptions): Promise<OcrEngine> {
  const { createWorker, OEM } = await loadTesseractJs();
  const models = options.languages.split('+').map((code) => ({ code, file: languageData(code) }));
  const langDir = await mkdtemp(join(tmpdir(), 'docflow-tessdata-'));
  for (const { code, file } of models) await symlink(file, join(langDir, `${code}.traineddata.gz`));
  const start = () =>
    createWorker(options.languages, OEM.LSTM_ONLY, { langPath: langDir, cacheMethod: 'none' });
  const workers = new Set(await Promise.all(Array.from({ length: options.workers }, start)));
  const idle: Worker[] = [...workers];
  const waiting: ((worker: Worker) => void)[] = [];
  const acquire = (): Promise<Worker> =>
    idle.length > 0
      ? Promise.resolve(idle.pop()!)
      : new Promise((resolve) => waiting.push(resolve));
  const release = (worker: Worker): void => {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine(worker);
    else idle.push(worker);
  };
  const probeBelow = options.orientationProbeBelow ?? 0.7;
  const parseTsv =
    options.parseTsv ?? (async (tsv: string, pages: number) => parseTesseractTsv(tsv, pages));

  interface Reading {
    text: string;
    confidence: number;
    tsv: string;
  }

  const read = async (image: Buffer): Promise<Reading> => {
    const worker = await acquire();
    let held: Worker | undefined = worker;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('deadline')), options.timeoutMsPerPage);
    });
    try {
      const { data } = await Promise.race([
        worker.recognize(image, {}, { text: true, tsv: true }),
        deadline,
      ]);
      return {
        text: data.text.trim(),
        confidence: data.confidence / 100,
        tsv: data.tsv ?? '',
      };
    } catch (err) {
      if (!(err instanceof Error && err.message === 'deadline')) throw err;
      // the worker may still be reading the page: it is stopped and replaced
      held = undefined;
      workers.delete(worker);
      await worker.terminate().catch(() => undefined);
      held = await start();
      workers.add(held);
      throw budgetExceeded(
        `ocr: Tesseract took longer than ${options.timeoutMsPerPage} ms for a page (OCR_TESSERACT_TIMEOUT_MS)`,
        { limit: 'OCR_TESSERACT_TIMEOUT_MS', budget: options.timeoutMsPerPage },
      );
    } finally {
      clearTimeout(timer);
      if (held) release(held);
    }
  };

  const recognizePage = async (image: Buffer): Promise<OcrPageResult> => {
    const started = performance.now();
    let best = await read(image);
    let bestAngle: 0 | 90 | 180 | 270 = 0;
    if (best.confidence < probeBelow) {
      for (const angle of [90, 270, 180] as const) {
        const turned = await read(await sharp(image).rotate(angle).png().toBuffer());
        if (turned.confidence > best.confidence) [best, bestAngle] = [turned, angle];
        if (best.confidence >= probeBelow) break;
      }
    }
    const layout = await layoutOf(best, bestAngle, image);
    return {
      text: best.text,
      confidence: best.confidence,
      durationMs: performance.now() - started,
      ...(layout ? { layout } : {}),
    };
  };

  /** The reading's words, in its text, on the image as given (none without a TSV). */
  const layoutOf = async (
    reading: Reading,
    angle: 0 | 90 | 180 | 270,
    image: Buffer,
  ): Promise<PageLayout | undefined> => {
    if (!reading.tsv) return undefined;
    // tesseract.js writes one page's TSV without the header line, its page number as it likes
    const rows = reading.tsv
      .split('\n')
      .filter((row) => !row.startsWith('level\t'))
      .map((row) => row.replace(/^(\d+)\t\d+\t/, '$1\t1\t'));
    const [page] = await parseTsv(['level', ...rows].join('\n'), 1);
    if (!page) return undefined;
    const { width = 0, height = 0 } = await sharp(image).metadata();
    return unturnLayout(placeInText(page.layout, page.text, reading.text), angle, width, height);
  };

  return {
    name: 'tesseractjs',
    recognize: (images) => Promise.all(images.map(recognizePage)),
    async close() {
      await Promise.all([...workers].map((w) => w.terminate()));
      await rm(langDir, { recursive: true, force: true });
    },
  };
}
