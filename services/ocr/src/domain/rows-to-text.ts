/** A sheet's rows as text: cells separated by tabs, one row per line, empty trailing cells dropped. */
export function rowsToText(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => {
      const cells = [...row];
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells.join('\t');
    })
    .filter((line) => line !== '')
    .join('\n');
}
