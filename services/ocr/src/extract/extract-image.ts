import { imagePages, prepareImage } from '../adapters/prepare-image';
import type { ExtractDeps, Extraction } from './extracted';

/** Every page of an image (a multi-page TIFF page by page), prepared and OCR'd. */
export async function extractImage(
  bytes: Buffer,
  deps: ExtractDeps,
  signal?: AbortSignal,
): Promise<Extraction> {
  const count = await imagePages(bytes);
  const images = await Promise.all(
    Array.from({ length: count }, (_, page) =>
      prepareImage(bytes, { page, upscaleBelowPx: deps.upscaleBelowPx }),
    ),
  );
  const results = await deps.engine.recognize(images, signal);
  return { pages: results.map((r, i) => ({ page: i + 1, method: 'ocr', ...r })) };
}
