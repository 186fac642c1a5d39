import type { PageWord } from '@docflow/contracts';
import type { PageLayout } from './page-layout';

/** A sheet's rows as text: cells separated by tabs, one row per line, empty trailing cells dropped. */
export function rowsToText(rows: readonly (readonly string[])[]): string {
  return rowsToPage(rows).text;
}

/**
 * The sheet's text (as rowsToText) with its words: each word of a cell boxed by the cell, in
 * cells of the sheet (column, row: a cell is one unit wide and high; empty rows still count).
 */
export function rowsToPage(rows: readonly (readonly string[])[]): {
  text: string;
  layout: PageLayout;
} {
  let text = '';
  const words: PageWord[] = [];
  let columns = 0;
  rows.forEach((row, y) => {
    let last = row.length;
    while (last > 0 && row[last - 1] === '') last--;
    if (last === 0) return;
    columns = Math.max(columns, last);
    if (text.length > 0) text += '\n';
    for (let x = 0; x < last; x++) {
      if (x > 0) text += '\t';
      const cell = row[x]!;
      for (const token of cell.matchAll(/\S+/g))
        words.push({
          x0: x,
          y0: y,
          x1: x + 1,
          y1: y + 1,
          confidence: 1,
          start: text.length + token.index,
          end: text.length + token.index + token[0].length,
        });
      text += cell;
    }
  });
  return { text, layout: { size: { width: columns, height: rows.length, unit: 'cell' }, words } };
}
