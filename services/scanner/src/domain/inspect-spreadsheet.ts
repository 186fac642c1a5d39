import ExcelJS from 'exceljs';
import { accepted, errorText, refused, type Inspection, type Limits } from './rejection';

/** Checks that an XLSX workbook opens and counts its rows over every sheet against the limit. */
export async function inspectXlsx(
  bytes: Buffer,
  limits: Pick<Limits, 'maxSpreadsheetRows'>,
): Promise<Inspection> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    return refused('corrupt', 'workbook cannot be opened', {
      error: errorText(err),
    });
  }
  const rows = workbook.worksheets.reduce((sum, sheet) => sum + sheet.actualRowCount, 0);
  if (rows > limits.maxSpreadsheetRows) return tooManyRows(rows, limits.maxSpreadsheetRows);
  return accepted(workbook.worksheets.length);
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
