import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { docxOfBody } from '@docflow/fixtures';
import { createBudgetRunner, type BudgetRunner } from '@docflow/platform';
import { createBudgetedSteps } from '../../../src/adapters/budgeted-steps';
import { inProcessSteps } from '../../../src/steps/in-process-steps';

// Workers load the sources through tsx (the platform's worker-entry.ts): a fresh worker's first
// task pays a compile, which the budget does not count (it starts once the module is loaded).
jest.setTimeout(60_000);

const runners: BudgetRunner[] = [];
function budgeted(limits: { timeMs: number; memoryMb: number }) {
  const runner = createBudgetRunner({
    stage: 'ocr',
    activity: 'parsing',
    limits,
    settings: { timeMs: 'OCR_BUDGET_MS', memoryMb: 'OCR_BUDGET_MEMORY_MB' },
  });
  runners.push(runner);
  return createBudgetedSteps(runner);
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
});

/** A Word table of `cells` cells of spaces: linear to lay out, about a second for 10^5 cells. */
const wideTable = (cells: number) =>
  docxOfBody(
    `<w:tbl><w:tr>${'<w:tc><w:p><w:r><w:t xml:space="preserve">x   </w:t></w:r></w:p></w:tc>'.repeat(cells)}</w:tr></w:tbl>`,
  );

describe('OCR parsing steps under the budget runner', () => {
  test('when a file is ordinary, then the runner reads it as the event loop would', async () => {
    // Arrange
    const steps = budgeted({ timeMs: 10_000, memoryMb: 128 });
    const docx = await docxOfBody(
      '<w:p><w:r><w:t>Invoice for the payment of the total due</w:t></w:r></w:p>',
    );
    const csv = Buffer.from('date;description;amount\n2024-03-04;Chairs;756.00\n', 'latin1');

    // Act
    const [docxOut, csvOut] = [
      await steps.parseFile('docx', docx, DEFAULT_ARCHIVE_LIMITS),
      await steps.parseFile('csv', csv, DEFAULT_ARCHIVE_LIMITS),
    ];

    // Assert: the same pages, rows and language, only the timings differ
    const withoutTimes = (e: typeof docxOut) => ({
      ...e,
      pages: e.pages.map((p) => ({ ...p, durationMs: 0 })),
    });
    expect(withoutTimes(docxOut)).toEqual(
      withoutTimes(await inProcessSteps.parseFile('docx', docx, DEFAULT_ARCHIVE_LIMITS)),
    );
    expect(docxOut.language).toBe('en');
    expect(withoutTimes(csvOut)).toEqual(
      withoutTimes(await inProcessSteps.parseFile('csv', csv, DEFAULT_ARCHIVE_LIMITS)),
    );
    expect(csvOut.sheets).toEqual([
      {
        name: 'csv',
        rows: [
          ['date', 'description', 'amount'],
          ['2024-03-04', 'Chairs', '756.00'],
        ],
      },
    ]);
    expect(await steps.textLayer(['  Total due 12.00 for invoice 7  ', '\uFFFD'], 3, 16)).toEqual([
      'Total due 12.00 for invoice 7',
      null,
      null,
    ]);
  });

  test('when parsing a DOCX takes longer than OCR_BUDGET_MS, then it is stopped and fails for good naming the step and the limit', async () => {
    // Arrange: 10^5 table cells (hundreds of ms to lay out) against a 20 ms budget
    const steps = budgeted({ timeMs: 20, memoryMb: 256 });
    const docx = await wideTable(100_000);

    // Act
    const failure = await steps.parseFile('docx', docx, DEFAULT_ARCHIVE_LIMITS).catch((e) => e);

    // Assert
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message:
        'processing.budget_exceeded: ocr: DOCX parsing took longer than 20 ms (OCR_BUDGET_MS)',
      details: {
        reason: 'processing.budget_exceeded',
        stage: 'ocr',
        activity: 'DOCX parsing',
        limit: 'time',
        value: 20,
        setting: 'OCR_BUDGET_MS',
      },
    });
  });

  test('when parsing a CSV needs more heap than OCR_BUDGET_MEMORY_MB, then it is stopped and fails for good naming the limit', async () => {
    // Arrange: 600 000 rows of 8 cells (a few MB of text, far more as rows) against a 32 MB heap
    const steps = budgeted({ timeMs: 30_000, memoryMb: 32 });
    const csv = Buffer.from('a,b,c,d,e,f,g,h\n'.repeat(600_000));

    // Act
    const failure = await steps.parseFile('csv', csv, DEFAULT_ARCHIVE_LIMITS).catch((e) => e);

    // Assert
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message:
        'processing.budget_exceeded: ocr: CSV parsing needed more than 32 MB of memory (OCR_BUDGET_MEMORY_MB)',
      details: { stage: 'ocr', limit: 'memory', setting: 'OCR_BUDGET_MEMORY_MB' },
    });
  });

  test('when a DOCX inflates past an archive limit inside the worker, then the failure keeps its code and details', async () => {
    // Arrange
    const steps = budgeted({ timeMs: 10_000, memoryMb: 256 });
    const docx = await docxOfBody(
      `<w:p><w:r><w:t>${' '.repeat(2 * 1024 * 1024)}</w:t></w:r></w:p>`,
    );

    // Act
    const failure = await steps
      .parseFile('docx', docx, { ...DEFAULT_ARCHIVE_LIMITS, maxEntryBytes: 1024 * 1024 })
      .catch((e) => e);

    // Assert
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message: expect.stringContaining('ARCHIVE_MAX_ENTRY_BYTES'),
      details: { stage: 'ocr', limit: 'ARCHIVE_MAX_ENTRY_BYTES' },
    });
  });

  test('when the caller gives up (handler timeout, shutdown), then the running step is stopped', async () => {
    // Arrange
    const steps = budgeted({ timeMs: 30_000, memoryMb: 256 });
    const docx = await wideTable(200_000);
    const controller = new AbortController();

    // Act
    const running = steps.parseFile('docx', docx, DEFAULT_ARCHIVE_LIMITS, controller.signal);
    controller.abort(new Error('handler timed out'));

    // Assert
    await expect(running).rejects.toThrow('handler timed out');
  });

  test('when a page image is measured, then the runner finds the text height and skew the event loop finds', async () => {
    // Arrange: 10 px blocks in lines falling 2° to the right, on a view into a larger buffer
    const width = 300;
    const height = 240;
    const backing = new Uint8Array(width * height + 64).fill(235);
    const pixels = backing.subarray(64);
    const slope = Math.tan((2 * Math.PI) / 180);
    for (let line = 20; line < height - 30; line += 20)
      for (let left = 10; left < width - 20; left += 9)
        for (let y = 0; y < 10; y++)
          for (let x = 0; x < 6; x++)
            pixels[(Math.round(line + left * slope) + y) * width + left + x] = 20;
    const page = { pixels, width, height };
    const steps = budgeted({ timeMs: 10_000, memoryMb: 128 });

    // Act
    const geometry = await steps.pageGeometry({ text: page, skew: page });

    // Assert
    expect(geometry).toEqual(await inProcessSteps.pageGeometry({ text: page, skew: page }));
    expect(geometry.textHeightPx).toBeGreaterThanOrEqual(10);
    expect(Math.abs(geometry.skewDegrees - 2)).toBeLessThanOrEqual(0.3);
  });
});
