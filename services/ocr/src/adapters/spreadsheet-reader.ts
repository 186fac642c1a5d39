import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { permanentError } from '@docflow/platform';

export interface Sheet {
  name: string;
  rows: string[][];
}

const rowsSchema = z.array(z.array(z.string()));

/** Every sheet of a workbook, cells as displayed text (dates as ISO dates). */
export async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw permanentError(
      'SPREADSHEET_UNREADABLE',
      `workbook cannot be opened: ${(err as Error).message}`,
    );
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    return { name: sheet.name, rows };
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** CSV rows, with the delimiter (comma, semicolon or tab) that splits the first line most. */
export function readCsv(text: string): Sheet[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  try {
    const rows = rowsSchema.parse(
      parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true }),
    );
    return [{ name: 'csv', rows }];
  } catch (err) {
    throw permanentError(
      'SPREADSHEET_UNREADABLE',
      `CSV cannot be parsed: ${(err as Error).message}`,
    );
  }
}
