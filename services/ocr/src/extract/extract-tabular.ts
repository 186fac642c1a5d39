import type { ArchiveLimits } from '@docflow/archive';
import { readCsv, readXlsx, type Sheet } from '../adapters/spreadsheet-reader';
import { decodeText } from '../domain/decode-text';
import { rowsToPage } from '../domain/rows-to-text';
import type { Extraction } from './extracted';

/**
 * XLSX (read under `limits`): one page per sheet; CSV: one page. Text plus the structured rows,
 * each word boxed by its cell.
 */
export async function extractSpreadsheet(
  bytes: Buffer,
  kind: 'xlsx' | 'csv',
  limits: ArchiveLimits,
): Promise<Extraction> {
  const started = performance.now();
  let sheets: Sheet[];
  let encoding: string | undefined;
  if (kind === 'xlsx') sheets = await readXlsx(bytes, limits);
  else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    sheets = readCsv(decoded.text);
  }
  const durationMs = (performance.now() - started) / Math.max(1, sheets.length);
  return {
    pages: sheets.map((sheet, i) => ({
      page: i + 1,
      ...rowsToPage(sheet.rows),
      method: 'spreadsheet',
      confidence: 1,
      durationMs,
    })),
    sheets,
    ...(encoding ? { encoding } : {}),
  };
}

/** Plain text as it is, decoded with its detected encoding. */
export function extractPlain(bytes: Buffer): Extraction {
  const started = performance.now();
  const { text, encoding } = decodeText(bytes);
  return {
    pages: [
      { page: 1, text, method: 'plain', confidence: 1, durationMs: performance.now() - started },
    ],
    encoding,
  };
}
