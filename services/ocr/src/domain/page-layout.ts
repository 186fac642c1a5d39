import type { PageSize, PageWord } from '@docflow/contracts';

/**
 * A page's words as extraction finds them: boxes in the units of `size` (pixels of an image,
 * points of a PDF page, cells of a sheet, characters and lines of a Word document), offsets in
 * the page's text. The OCR stage packs them for the text store.
 */
export interface PageLayout {
  size: PageSize;
  words: PageWord[];
}

/** The layout with its boxes and size multiplied by `factor`, in `unit` (pixels to points). */
export function rescaleLayout(
  layout: PageLayout,
  factor: number,
  unit: PageSize['unit'],
): PageLayout {
  return {
    size: { width: layout.size.width * factor, height: layout.size.height * factor, unit },
    words: layout.words.map((w) => ({
      ...w,
      x0: w.x0 * factor,
      y0: w.y0 * factor,
      x1: w.x1 * factor,
      y1: w.y1 * factor,
    })),
  };
}
