import { imagePages, prepareImage } from '../adapters/prepare-image';
import type { ExtractDeps, Extraction } from './extracted';
import { preparation, recognizePages, withLanguage } from './ocr-pages';

/** Every page of an image (a multi-page TIFF page by page), prepared and OCR'd. */
export async function extractImage(
  bytes: Buffer,
  deps: ExtractDeps,
  signal?: AbortSignal,
): Promise<Extraction> {
  const count = await imagePages(bytes, deps.maxImagePixels);
  const results = await recognizePages(
    Array.from({ length: count }, (_, page) => page),
    (page) =>
      prepareImage(bytes, {
        ...preparation(deps, signal),
        page,
        maxPixels: deps.maxImagePixels,
      }),
    deps,
    signal,
  );
  return withLanguage(
    { pages: results.map((r, i) => ({ page: i + 1, method: 'ocr', ...r })) },
    deps,
    signal,
  );
}
