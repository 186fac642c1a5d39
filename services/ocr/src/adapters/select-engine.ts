import { DocflowError, type Logger } from '@docflow/platform';
import { createNativeTesseract, nativeTesseractVersion } from './native-tesseract';
import type { OcrSteps } from '../steps/ocr-steps';
import type { OcrEngine } from './ocr-engine';
import { createTesseractJs } from './tesseractjs-engine';

/**
 * Picks the configured engine; "auto" prefers the native CLI when it is installed and falls back
 * to tesseract.js (an optional dependency, loaded only then). With neither, it says so.
 */
export async function selectEngine(
  config: {
    OCR_ENGINE: 'auto' | 'native' | 'tesseractjs';
    OCR_LANGUAGES: string;
    OCR_WORKERS: number;
    OCR_TESSERACT_TIMEOUT_MS: number;
    TESSERACT_PATH: string;
  },
  logger: Logger,
  steps?: Pick<OcrSteps, 'tesseractTsv'>,
): Promise<OcrEngine> {
  const common = {
    languages: config.OCR_LANGUAGES,
    workers: config.OCR_WORKERS,
    timeoutMsPerPage: config.OCR_TESSERACT_TIMEOUT_MS,
  };
  if (config.OCR_ENGINE !== 'tesseractjs') {
    const version = await nativeTesseractVersion(config.TESSERACT_PATH);
    if (version) {
      logger.info({ engine: 'native', version, workers: config.OCR_WORKERS }, 'OCR engine ready');
      return createNativeTesseract({
        ...common,
        binary: config.TESSERACT_PATH,
        ...(steps ? { parseTsv: steps.tesseractTsv } : {}),
      });
    }
    if (config.OCR_ENGINE === 'native')
      throw new Error(`OCR_ENGINE=native but "${config.TESSERACT_PATH} --version" does not run`);
  }
  const engine = await createTesseractJs({
    ...common,
    ...(steps ? { parseTsv: steps.tesseractTsv } : {}),
  }).catch((err: unknown) => {
    if (!(err instanceof DocflowError && err.code === 'OCR_ENGINE_UNAVAILABLE')) throw err;
    const message =
      config.OCR_ENGINE === 'auto'
        ? `no OCR engine: "${config.TESSERACT_PATH} --version" does not run (install tesseract-ocr or set TESSERACT_PATH), and ${err.message}`
        : `${err.message}; OCR_ENGINE=native uses the tesseract CLI`;
    throw new DocflowError(err.code, message, { transient: false, cause: err });
  });
  logger.info({ engine: 'tesseractjs', workers: config.OCR_WORKERS }, 'OCR engine ready');
  return engine;
}
