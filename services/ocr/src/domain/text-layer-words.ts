import type { PageWord } from '@docflow/contracts';
import type { BboxPage, BboxWord } from '@docflow/pdf';
import type { PageLayout } from './page-layout';

/** Lines whose tops are this close (points) are taken to be one line of the layout text. */
const SAME_LINE_PT = 2;

/**
 * A PDF page's words (poppler's boxes, in points) placed in the page's text layer (the
 * `pdftotext -layout` text, trimmed). Both come from the same words, but the layout text runs line
 * by line across the page while poppler's words run column by column; so the words are put in
 * page order (top to bottom, left to right) and each is matched to the next unmatched token of
 * the same text at or after the last match (else the nearest before it). A word the text does not
 * hold is left out. Poppler boxes the words of a page shown turned (/Rotate) on the page as shown
 * but gives its size before the turn: turned by 90° or 270°, the size is swapped.
 */
export function textLayerWords(text: string, page: BboxPage, rotation = 0): PageLayout {
  const tokens = [...text.matchAll(/\S+/g)];
  const byText = new Map<string, UnusedList>();
  tokens.forEach((token, index) => {
    let list = byText.get(token[0]);
    if (!list) byText.set(token[0], (list = new UnusedList()));
    list.push(index);
  });
  const words: PageWord[] = [];
  let cursor = 0;
  for (const word of pageOrder(page.lines)) {
    const index = byText.get(word.text)?.take(cursor);
    if (index === undefined) continue;
    const start = tokens[index]!.index;
    words.push({
      x0: word.xMin,
      y0: word.yMin,
      x1: word.xMax,
      y1: word.yMax,
      confidence: 1,
      start,
      end: start + word.text.length,
    });
    cursor = index + 1;
  }
  words.sort((a, b) => a.start - b.start);
  const sideways = rotation % 180 !== 0;
  const [width, height] = sideways ? [page.height, page.width] : [page.width, page.height];
  return { size: { width, height, unit: 'pt' }, words };
}

/** Poppler's lines top to bottom (lines with tops within SAME_LINE_PT left to right). */
function pageOrder(lines: readonly BboxWord[][]): BboxWord[] {
  const placed = lines
    .filter((line) => line.length > 0)
    .map((line) => ({ line, top: Math.min(...line.map((w) => w.yMin)), left: line[0]!.xMin }));
  placed.sort((a, b) => (Math.abs(a.top - b.top) < SAME_LINE_PT ? a.left - b.left : a.top - b.top));
  return placed.flatMap((p) => p.line);
}

/**
 * The token indexes of one text, ascending, each taken once: `take(at)` gives the first unused
 * index at or after `at`, else the last unused one before it. Taken slots are skipped with
 * path-compressed links, so a page of many equal tokens stays linear.
 */
class UnusedList {
  private readonly indexes: number[] = [];
  /** For each slot, a slot at or after it that may be unused (itself when unused). */
  private readonly next: number[] = [];
  /** For each slot, a slot at or before it that may be unused (itself when unused). */
  private readonly previous: number[] = [];

  push(index: number): void {
    const slot = this.indexes.length;
    this.indexes.push(index);
    this.next.push(slot);
    this.previous.push(slot);
  }

  take(at: number): number | undefined {
    let low = 0;
    let high = this.indexes.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.indexes[mid]! < at) low = mid + 1;
      else high = mid;
    }
    let slot = this.find(this.next, low, 1);
    if (slot >= this.indexes.length) slot = this.find(this.previous, low - 1, -1);
    if (slot < 0) return undefined;
    this.next[slot] = slot + 1;
    this.previous[slot] = slot - 1;
    return this.indexes[slot];
  }

  /** The first unused slot from `slot` in direction `step` (-1 or the list's length past the end). */
  private find(links: number[], slot: number, step: 1 | -1): number {
    const end = step === 1 ? this.indexes.length : -1;
    let root = slot;
    while (root !== end && links[root] !== root) root = links[root]!;
    while (slot !== end && slot !== root) {
      const following = links[slot]!;
      links[slot] = root;
      slot = following;
    }
    return root;
  }
}
