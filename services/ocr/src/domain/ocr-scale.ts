/**
 * How much to scale a page so its characters are `targetPx` tall (Tesseract reads best with
 * characters around 25–40 px; text under 10 px comes out as noise or nothing): the ratio, at most
 * `maxScale`, at least `minScale`, never past `maxPixels` for the scaled page, and 1 when it is
 * within 0.8–1.25 (text already in the sweet spot: resampling would cost time and blur it; an
 * ordinary page at 300 dpi, 11 pt, measures about 27 px and stays as it is).
 */
export function ocrScale(
  textHeightPx: number,
  page: { width: number; height: number },
  limits: { targetPx: number; minScale: number; maxScale: number; maxPixels: number },
): number {
  if (!(textHeightPx > 0) || !(limits.targetPx > 0)) return 1;
  let scale = Math.min(limits.maxScale, Math.max(limits.minScale, limits.targetPx / textHeightPx));
  const pixels = page.width * page.height;
  if (pixels * scale * scale > limits.maxPixels) scale = Math.sqrt(limits.maxPixels / pixels);
  if (scale >= 0.8 && scale <= 1.25) return 1;
  return Math.round(scale * 1000) / 1000;
}
