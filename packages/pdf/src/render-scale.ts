import type { PageSize } from './pdf-info';

const POINTS_PER_INCH = 72;

/** Pixels a page of `size` (points) renders to at `dpi`, as pdftoppm rounds them (up). */
export const renderedPixels = (size: PageSize, dpi: number): number =>
  Math.ceil((size.width * dpi) / POINTS_PER_INCH) *
  Math.ceil((size.height * dpi) / POINTS_PER_INCH);

/**
 * The resolution to render a page of `size` at: `dpi`, or less when the page is so large that
 * `dpi` would give more than `maxPixels` (never below 1 dpi). A 14400 pt square page under a 40
 * megapixel cap renders at 31 dpi (6200 px square) instead of 60000 px at 300 dpi.
 */
export function renderDpiFor(size: PageSize, dpi: number, maxPixels: number): number {
  if (size.width <= 0 || size.height <= 0 || renderedPixels(size, dpi) <= maxPixels) return dpi;
  const inches = (size.width * size.height) / POINTS_PER_INCH ** 2;
  let fitted = Math.floor(Math.sqrt(maxPixels / inches) * 100) / 100;
  // rounding up to whole pixels can overshoot by a row and a column
  while (fitted > 1 && renderedPixels(size, fitted) > maxPixels)
    fitted = Math.floor(fitted * 99) / 100;
  return Math.max(1, fitted);
}
