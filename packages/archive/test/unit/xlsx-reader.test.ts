import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ArchiveError, DEFAULT_ARCHIVE_LIMITS, readXlsx } from '@docflow/archive';

const workbookBytes = async (fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

describe('readXlsx', () => {
  it('when a workbook has strings, numbers, dates, booleans, formulas and gaps, then each cell reads as ExcelJS shows it', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Ledger');
      sheet.addRow(['Date', 'Item', 'Amount']);
      sheet.addRow([new Date('2024-03-01T00:00:00Z'), 'Paper & ink', 12.5]);
      sheet.addRow([]);
      sheet.getCell('A4').value = true;
      sheet.getCell('C4').value = { formula: 'C2*2', result: 25 };
      sheet.getCell('B5').value = { richText: [{ text: 'rich ' }, { text: 'text' }] };
      workbook.addWorksheet('Empty');
    });

    const sheets = await readXlsx(bytes, DEFAULT_ARCHIVE_LIMITS);

    expect(sheets).toEqual([
      {
        name: 'Ledger',
        rows: [
          ['Date', 'Item', 'Amount'],
          ['2024-03-01', 'Paper & ink', '12.5'],
          ['true', '', '25'],
          ['', 'rich text'],
        ],
      },
      { name: 'Empty', rows: [] },
    ]);
  });

  it('when a sheet inflates past the entry limit, then the workbook is refused as too_large, not corrupt', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Big');
      for (let i = 0; i < 20_000; i++) sheet.addRow([i, `row ${i}`, i * 2]);
    });

    const error = await readXlsx(bytes, {
      ...DEFAULT_ARCHIVE_LIMITS,
      maxEntryBytes: 64 * 1024,
    }).then(
      () => undefined,
      (err: unknown) => err,
    );

    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).problem).toMatchObject({
      kind: 'too_large',
      limit: 'maxEntryBytes',
      setting: 'ARCHIVE_MAX_ENTRY_BYTES',
    });
  });

  it('when a cell far to the right pads rows past the cell limit, then the workbook is refused', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Wide');
      for (let row = 1; row <= 100; row++) sheet.getCell(`XFD${row}`).value = 'far';
    });

    const error = await readXlsx(bytes, { ...DEFAULT_ARCHIVE_LIMITS, maxCells: 1_000_000 }).then(
      () => undefined,
      (err: unknown) => err,
    );

    expect((error as ArchiveError).problem).toMatchObject({
      kind: 'too_large',
      limit: 'maxCells',
      setting: 'ARCHIVE_MAX_SHEET_CELLS',
    });
  });

  it('when the ZIP has no workbook part, then it is corrupt', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });

    await expect(readXlsx(bytes, DEFAULT_ARCHIVE_LIMITS)).rejects.toMatchObject({
      problem: { kind: 'corrupt' },
    });
  });
});
