import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrEngine, OcrPageResult } from './ocr-engine';

export interface TesseractJsOptions {
  languages: string;
  workers: number;
  /** Below this confidence (0..1) the page is also read turned by 90°, 180° and 270°. */
  orientationProbeBelow?: number;
}

/**
 * tesseract.js (Tesseract compiled to WebAssembly, in worker threads): the self-contained fallback.
 * Language data comes from the @tesseract.js-data npm packages, so nothing is fetched. `workers`
 * workers start once and stay; pages queue for the next idle one. Its OSD model is not packaged,
 * so orientation is found by confidence: a page read with low confidence is read again turned by
 * 90°, 180° and 270°, and the best reading wins.
 */
export async function createTesseractJs(options: TesseractJsOptions): Promise<OcrEngine> {
  const langDir = await mkdtemp(join(tmpdir(), 'docflow-tessdata-'));
  const codes = options.languages.split('+');
  for (const code of codes) {
    const file = require.resolve(`@tesseract.js-data/${code}/4.0.0/${code}.traineddata.gz`);
    await symlink(file, join(langDir, `${code}.traineddata.gz`));
  }
  const workers = await Promise.all(
    Array.from({ length: options.workers }, () =>
      createWorker(options.languages, OEM.LSTM_ONLY, { langPath: langDir, cacheMethod: 'none' }),
    ),
  );
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

  const read = async (image: Buffer): Promise<{ text: string; confidence: number }> => {
    const worker = await acquire();
    try {
      const { data } = await worker.recognize(image);
      return { text: data.text.trim(), confidence: data.confidence / 100 };
    } finally {
      release(worker);
    }
  };

  const recognizePage = async (image: Buffer): Promise<OcrPageResult> => {
    const started = performance.now();
    let best = await read(image);
    if (best.confidence < probeBelow) {
      for (const angle of [90, 270, 180]) {
        const turned = await read(await sharp(image).rotate(angle).png().toBuffer());
        if (turned.confidence > best.confidence) best = turned;
        if (best.confidence >= probeBelow) break;
      }
    }
    return { ...best, durationMs: performance.now() - started };
  };

  return {
    name: 'tesseractjs',
    recognize: (images) => Promise.all(images.map(recognizePage)),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
      await rm(langDir, { recursive: true, force: true });
    },
  };
}
