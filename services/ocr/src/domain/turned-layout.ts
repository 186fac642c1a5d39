import type { PageLayout } from './page-layout';

/**
 * Words boxed on a copy of an image turned clockwise by `angle` (0, 90, 180 or 270), moved back
 * onto the image itself (`width` × `height` pixels).
 */
export function unturnLayout(
  layout: PageLayout,
  angle: 0 | 90 | 180 | 270,
  width: number,
  height: number,
): PageLayout {
  if (angle === 0) return layout;
  // where a point of the turned copy came from on the image
  const back = (x: number, y: number): [number, number] =>
    angle === 90 ? [y, height - x] : angle === 180 ? [width - x, height - y] : [width - y, x];
  return {
    size: { width, height, unit: 'px' },
    words: layout.words.map((w) => {
      const [ax, ay] = back(w.x0, w.y0);
      const [bx, by] = back(w.x1, w.y1);
      return {
        ...w,
        x0: Math.min(ax, bx),
        y0: Math.min(ay, by),
        x1: Math.max(ax, bx),
        y1: Math.max(ay, by),
      };
    }),
  };
}

/**
 * Words read from Tesseract's TSV placed in a text Tesseract wrote from the same reading (its
 * plain-text output): each word at its next occurrence; a word not found is left out.
 */
export function placeInText(layout: PageLayout, tsvText: string, text: string): PageLayout {
  let cursor = 0;
  const words = layout.words.flatMap((w) => {
    const word = tsvText.slice(w.start, w.end);
    const at = text.indexOf(word, cursor);
    if (at < 0) return [];
    cursor = at + word.length;
    return [{ ...w, start: at, end: cursor }];
  });
  return { size: layout.size, words };
}
