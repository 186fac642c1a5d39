import type { PageBox } from './highlight';

/** A run of text the PDF's text layer placed on a page, with its box (fractions of the page). */
export interface PageTextItem {
  text: string;
  box: PageBox;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Boxes of `needle` on a page of a PDF with a text layer: a stand-in for the understanding work's
 * boxes, found by matching the field's text. A match inside a longer run gets its share of the
 * run's width (by characters). Empty when the text is not on the page.
 */
export function boxesForText(items: readonly PageTextItem[], needle: string): PageBox[] {
  const wanted = squash(needle);
  if (wanted.length === 0) return [];
  const boxes: PageBox[] = [];
  for (const item of items) {
    const text = item.text.toLowerCase();
    const at = text.indexOf(wanted);
    if (at < 0 || text.length === 0) continue;
    const share = item.box.width / text.length;
    boxes.push({ ...item.box, x: item.box.x + at * share, width: wanted.length * share });
  }
  return boxes;
}

/** The word under a point of the page (fractions), if the text layer has one there. */
export function wordAt(items: readonly PageTextItem[], x: number, y: number): string | null {
  for (const item of items) {
    const { box } = item;
    if (x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height) continue;
    const at = Math.floor(((x - box.x) / box.width) * item.text.length);
    const before = item.text.slice(0, at + 1).match(/\S*$/)?.[0] ?? '';
    const after = item.text.slice(at + 1).match(/^\S*/)?.[0] ?? '';
    const word = `${before}${after}`.trim();
    if (word) return word;
  }
  return null;
}
