import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import JSZip from 'jszip';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import { validateFile } from '../../../src/domain/scan-file';
import type { Limits } from '../../../src/domain/rejection';
import { FIXTURES_TIMEOUT_MS, loadFixtures, pixelBombPng, type Fixture } from '@docflow/fixtures';

const pdf = createPdfEngine(DEFAULT_PDF_BUDGET);
const limits: Limits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 50,
  maxImagePixels: 40_000_000,
  maxSpreadsheetRows: 1_000,
  archive: DEFAULT_ARCHIVE_LIMITS,
};

describe('validateFile on the generated fixtures', () => {
  let fixtures: Fixture[];
  beforeAll(async () => {
    fixtures = await loadFixtures();
  }, FIXTURES_TIMEOUT_MS);

  test('when each fixture is validated, then it is accepted or refused as the issue requires (antivirus aside)', async () => {
    for (const fixture of fixtures) {
      const result = await validateFile(fixture.bytes, limits, pdf);
      const expected = fixture.scanner;
      if (expected.event === 'rejected' && expected.reason === 'infected') {
        expect({ name: fixture.name, ok: result.ok }).toEqual({ name: fixture.name, ok: true }); // clamd's job
      } else if (expected.event === 'rejected') {
        expect({
          name: fixture.name,
          reason: result.ok ? 'accepted' : result.rejection.reason,
        }).toEqual({
          name: fixture.name,
          reason: expected.reason,
        });
      } else {
        expect({
          name: fixture.name,
          type: result.ok ? result.file.type : result.rejection,
        }).toEqual({
          name: fixture.name,
          type: expected.detectedType,
        });
        if (result.ok && expected.pages !== undefined)
          expect(result.file.pages).toBe(expected.pages);
        if (result.ok) expect(result.file.sha256).toMatch(/^[a-f0-9]{64}$/);
      }
    }
  });

  test('when a file is empty, then it is refused as empty', async () => {
    expect(await validateFile(Buffer.alloc(0), limits, pdf)).toMatchObject({
      ok: false,
      rejection: { reason: 'empty' },
    });
  });

  test('when a file is larger than the limit, then it is refused as too_large', async () => {
    const result = await validateFile(Buffer.alloc(101, 'a'), { ...limits, maxBytes: 100 }, pdf);
    expect(result).toMatchObject({
      ok: false,
      rejection: { reason: 'too_large', details: { maxBytes: 100 } },
    });
  });

  test('when a PDF has more pages than allowed, then it is refused as too_many_pages', async () => {
    const digital = fixtures.find((f) => f.filename === 'invoice-digital.pdf')!;
    const result = await validateFile(digital.bytes, { ...limits, maxPages: 1 }, pdf);
    expect(result).toMatchObject({
      ok: false,
      rejection: { reason: 'too_many_pages', details: { pages: 2 } },
    });
  });

  test('when a multi-page TIFF has more pages than allowed, then it is refused as too_many_pages', async () => {
    const tiff = fixtures.find((f) => f.filename === 'pages.tiff')!;
    const result = await validateFile(tiff.bytes, { ...limits, maxPages: 1 }, pdf);
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'too_many_pages' } });
  });

  test('when a spreadsheet has more rows than allowed, then it is refused as too_many_rows', async () => {
    for (const name of ['ledger.xlsx', 'ledger.csv']) {
      const sheet = fixtures.find((f) => f.filename === name)!;
      const result = await validateFile(sheet.bytes, { ...limits, maxSpreadsheetRows: 3 }, pdf);
      expect(result).toMatchObject({
        ok: false,
        rejection: { reason: 'too_many_rows', details: { rows: 5 } },
      });
    }
  });

  test('when an image is cut short, then it is refused as corrupt', async () => {
    const png = fixtures.find((f) => f.filename === 'invoice.png')!;
    const result = await validateFile(png.bytes.subarray(0, png.bytes.length / 2), limits, pdf);
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'corrupt' } });
  });

  test('when a workbook sheet inflates past the archive entry limit, then it is refused as too_large naming the limit', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file(
      'xl/workbook.xml',
      '<workbook><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    const row = (i: number) =>
      `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>row ${i}</t></is></c></row>`;
    const rows = Array.from({ length: 60_000 }, (_, i) => row(i + 1)).join('');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const archive = { ...limits.archive, maxEntryBytes: 1024 * 1024 };

    const result = await validateFile(bytes, { ...limits, archive }, pdf);

    expect(result).toMatchObject({
      ok: false,
      rejection: {
        reason: 'too_large',
        message: expect.stringContaining('ARCHIVE_MAX_ENTRY_BYTES'),
        details: { limit: 'ARCHIVE_MAX_ENTRY_BYTES', budget: 1024 * 1024 },
      },
    });
  });

  test('when an image declares 50000×50000 pixels (a bomb), then it is refused as too_many_pixels from its header', async () => {
    const result = await validateFile(pixelBombPng(50_000, 50_000), limits, pdf);
    expect(result).toMatchObject({
      ok: false,
      rejection: {
        reason: 'too_many_pixels',
        message: expect.stringContaining('SCANNER_MAX_IMAGE_PIXELS'),
      },
    });
  });
});
