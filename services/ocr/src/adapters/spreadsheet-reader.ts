import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { readXlsx as readWorkbook, type ArchiveLimits, type Sheet } from '@docflow/archive';
import { permanentError } from '@docflow/platform';
import { archiveFailure } from '../domain/archive-failure';

export type { Sheet } from '@docflow/archive';

const rowsSchema = z.array(z.array(z.string()));

/**
 * Every sheet of a workbook, cells as displayed text (dates as ISO dates), read under `limits`:
 * past one the document fails with BUDGET_EXCEEDED naming it, a workbook that does not open with
 * SPREADSHEET_UNREADABLE.
 */
export async function readXlsx(bytes: Buffer, limits: ArchiveLimits): Promise<Sheet[]> {
  try {
    return await readWorkbook(bytes, limits);
  } catch (err) {
    throw archiveFailure(err, 'workbook', 'SPREADSHEET_UNREADABLE');
  }
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
