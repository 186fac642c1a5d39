import type { PageLayout } from './page-layout';

/**
 * How a page image was prepared for Tesseract, to map what Tesseract saw back to the page as
 * shown: the page (EXIF orientation applied) was turned by minus `skewDegrees` about its centre
 * onto a canvas of `levelled` size (the corners it uncovered white), then scaled to `prepared`.
 */
export interface PageFrame {
  /** The page as shown, in pixels. */
  width: number;
  height: number;
  skewDegrees: number;
  levelled: { width: number; height: number };
  prepared: { width: number; height: number };
}

/**
 * Words boxed in pixels of the prepared image, moved to pixels of the page as shown: unscaled,
 * then turned back about the centre (each box the bounding box of its turned corners, held to
 * the page).
 */
export function toShownPage(layout: PageLayout, frame: PageFrame): PageLayout {
  const sx = frame.levelled.width / Math.max(1, frame.prepared.width);
  const sy = frame.levelled.height / Math.max(1, frame.prepared.height);
  const angle = (frame.skewDegrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = frame.levelled.width / 2;
  const cy = frame.levelled.height / 2;
  const ox = frame.width / 2;
  const oy = frame.height / 2;
  // the levelling turned the page clockwise by -skew (y down); turning back is by +skew
  const back = (x: number, y: number): [number, number] => {
    const dx = x * sx - cx;
    const dy = y * sy - cy;
    return [ox + dx * cos - dy * sin, oy + dx * sin + dy * cos];
  };
  const clampX = (v: number) => Math.min(frame.width, Math.max(0, v));
  const clampY = (v: number) => Math.min(frame.height, Math.max(0, v));
  return {
    size: { width: frame.width, height: frame.height, unit: 'px' },
    words: layout.words.map((w) => {
      const corners = [back(w.x0, w.y0), back(w.x1, w.y0), back(w.x0, w.y1), back(w.x1, w.y1)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      return {
        ...w,
        x0: clampX(Math.min(...xs)),
        y0: clampY(Math.min(...ys)),
        x1: clampX(Math.max(...xs)),
        y1: clampY(Math.max(...ys)),
      };
    }),
  };
}
