import type { OcrPageResult } from '../adapters/ocr-engine';
import type { PreparedPage, PrepareOptions } from '../adapters/prepare-image';
import { toShownPage } from '../domain/page-frame';
import type { ExtractDeps, Extraction } from './extracted';

/**
 * OCR of many pages in groups of `deps.pagesAtOnce`: each group is prepared (rendered, cleaned up)
 * in parallel, recognised, and let go before the next one starts. A 500-page scan so holds a
 * group's images in memory, and starts a group's renderers, never all of them at once. Results
 * come back in page order, their word boxes in pixels of the page as shown (before preparation).
 */
export async function recognizePages(
  pages: readonly number[],
  prepare: (page: number) => Promise<PreparedPage>,
  deps: Pick<ExtractDeps, 'engine' | 'pagesAtOnce'>,
  signal?: AbortSignal,
): Promise<OcrPageResult[]> {
  const size = Math.max(1, deps.pagesAtOnce);
  const results: OcrPageResult[] = [];
  for (let start = 0; start < pages.length; start += size) {
    signal?.throwIfAborted();
    const prepared = await Promise.all(pages.slice(start, start + size).map(prepare));
    const read = await deps.engine.recognize(
      prepared.map((p) => p.image),
      signal,
    );
    read.forEach((result, i) => {
      const { layout, ...rest } = result;
      results.push(layout ? { ...rest, layout: toShownPage(layout, prepared[i]!.frame) } : rest);
    });
  }
  return results;
}

/** The extraction with the language of its pages' text (guessed by `deps.steps`). */
export async function withLanguage(
  extraction: Extraction,
  deps: Pick<ExtractDeps, 'steps'>,
  signal?: AbortSignal,
): Promise<Extraction> {
  const language = await deps.steps.language(
    extraction.pages.map((p) => p.text),
    signal,
  );
  return language ? { ...extraction, language } : extraction;
}

/** How pages are prepared for Tesseract, from the extraction's settings (all but the pixel cap). */
export const preparation = (
  deps: Pick<ExtractDeps, 'steps' | 'upscaleBelowPx' | 'textHeightPx' | 'maxPagePixels'>,
  signal?: AbortSignal,
): Omit<PrepareOptions, 'maxPixels' | 'page'> => ({
  upscaleBelowPx: deps.upscaleBelowPx,
  textHeightPx: deps.textHeightPx,
  maxScaledPixels: deps.maxPagePixels,
  measure: (samples) => deps.steps.pageGeometry(samples, signal),
});
