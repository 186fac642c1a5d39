import type { PageWord } from '@docflow/contracts';
import type { PageLayout } from './page-layout';

/**
 * Words of a text without a fixed layout (a Word document's page): each boxed by its place in
 * the text, in characters (column) and lines.
 */
export function textGridLayout(text: string): PageLayout {
  const words: PageWord[] = [];
  let width = 0;
  let lineStart = 0;
  const lines = text.split('\n');
  lines.forEach((line, y) => {
    width = Math.max(width, line.length);
    for (const token of line.matchAll(/\S+/g))
      words.push({
        x0: token.index,
        y0: y,
        x1: token.index + token[0].length,
        y1: y + 1,
        confidence: 1,
        start: lineStart + token.index,
        end: lineStart + token.index + token[0].length,
      });
    lineStart += line.length + 1;
  });
  return { size: { width, height: lines.length, unit: 'char' }, words };
}
