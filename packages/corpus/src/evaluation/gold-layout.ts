/** One transcribed line of a SROIE box file: its quadrilateral's bounds and its text. */
export interface BoxLine {
  left: number;
  right: number;
  top: number;
  bottom: number;
  text: string;
}

/**
 * A SROIE `box/NNN.csv`: `x1,y1,x2,y2,x3,y3,x4,y4,text` per line (the text may hold commas).
 * Lines that do not have eight numbers first are skipped.
 */
export function parseBoxCsv(csv: string): BoxLine[] {
  const lines: BoxLine[] = [];
  for (const row of csv.split(/\r?\n/)) {
    const parts = row.split(',');
    if (parts.length < 9) continue;
    const numbers = parts.slice(0, 8).map((p) => Number(p.trim()));
    if (numbers.some((n) => !Number.isFinite(n))) continue;
    const xs = [numbers[0]!, numbers[2]!, numbers[4]!, numbers[6]!];
    const ys = [numbers[1]!, numbers[3]!, numbers[5]!, numbers[7]!];
    const text = parts.slice(8).join(',').trim();
    if (!text) continue;
    lines.push({
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
      text,
    });
  }
  return lines;
}

const middle = (l: BoxLine) => (l.top + l.bottom) / 2;

/**
 * The gold lines laid out as text, the way `pdftotext -layout` lays out a page: lines sorted by
 * height then from left to right; boxes whose vertical middles are within half a line height of
 * the row's first box share a text line; each starts at the column its left edge falls on (the
 * page's median character width), at least one space after the previous box.
 */
export function layoutText(boxes: readonly BoxLine[]): string {
  if (boxes.length === 0) return '';
  const widths = boxes
    .map((b) => (b.right - b.left) / Math.max(1, b.text.length))
    .sort((a, b) => a - b);
  const charWidth = Math.max(1, widths[Math.floor(widths.length / 2)]!);
  const margin = Math.min(...boxes.map((b) => b.left));
  const sorted = [...boxes].sort((a, b) => middle(a) - middle(b) || a.left - b.left);
  const rows: BoxLine[][] = [];
  for (const box of sorted) {
    const row = rows[rows.length - 1];
    const anchor = row?.[0];
    if (anchor && Math.abs(middle(box) - middle(anchor)) <= (anchor.bottom - anchor.top) / 2)
      row.push(box);
    else rows.push([box]);
  }
  return rows
    .map((row) => {
      let line = '';
      for (const box of row.sort((a, b) => a.left - b.left)) {
        const column = Math.round((box.left - margin) / charWidth);
        line += line ? ' '.repeat(Math.max(1, column - line.length)) : ' '.repeat(column);
        line += box.text;
      }
      return line.trimEnd();
    })
    .join('\n');
}
