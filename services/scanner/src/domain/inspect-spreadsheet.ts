import { readXlsx, type Sheet } from '@docflow/archive';
import { archiveRefusal } from './inspect-docx';
import { accepted, refused, type Inspection, type Limits } from './rejection';

/**
 * Checks that an XLSX workbook opens under the archive limits (past one it is too_large, naming
 * the limit) and counts its rows with a value over every sheet against the row limit.
 */
export async function inspectXlsx(
  bytes: Buffer,
  limits: Pick<Limits, 'maxSpreadsheetRows' | 'archive'>,
): Promise<Inspection> {
  let sheets: Sheet[];
  try {
    sheets = await readXlsx(bytes, limits.archive);
  } catch (err) {
    return archiveRefusal(err, 'workbook');
  }
  const rows = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  if (rows > limits.maxSpreadsheetRows) return tooManyRows(rows, limits.maxSpreadsheetRows);
  return accepted(sheets.length);
}

/** Counts a CSV's non-empty lines (a quoted field may span lines: they count, an upper bound). */
export function inspectCsv(bytes: Buffer, limits: Pick<Limits, 'maxSpreadsheetRows'>): Inspection {
  let rows = 0;
  let inLine = false;
  for (const byte of bytes) {
    if (byte === 0x0a) {
      if (inLine) rows++;
      inLine = false;
    } else if (byte !== 0x0d) inLine = true;
  }
  if (inLine) rows++;
  if (rows > limits.maxSpreadsheetRows) return tooManyRows(rows, limits.maxSpreadsheetRows);
  return accepted();
}

const tooManyRows = (rows: number, maxRows: number): Inspection =>
  refused('too_many_rows', `spreadsheet has ${rows} rows; at most ${maxRows} are accepted`, {
    rows,
    maxRows,
  });
