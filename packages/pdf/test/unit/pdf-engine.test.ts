import { createPdfEngine, DEFAULT_PDF_BUDGET, PdfError, runTool } from '../../src';
import { makePdf, PAGE } from '@docflow/fixtures';

const engine = createPdfEngine(DEFAULT_PDF_BUDGET);

describe('PDF engine (poppler under a budget)', () => {
  let digital: Buffer;
  let encrypted: Buffer;
  beforeAll(async () => {
    digital = await makePdf([{ text: 'Invoice 1\nTotal 10.00' }, { text: 'Page two' }]);
    encrypted = await makePdf([{ text: 'secret' }], { userPassword: 'secret' });
  });

  test('when a PDF opens, then info gives its pages, page sizes in points, encryption and version', async () => {
    const result = await engine.info(digital, { allPageSizes: true });
    expect(result).toEqual({
      ok: true,
      info: {
        pages: 2,
        pageSizes: [PAGE, PAGE],
        pageRotations: [0, 0],
        encrypted: false,
        version: '1.3',
      },
    });
  });

  test('when a PDF needs a password, then info says encrypted', async () => {
    const result = await engine.info(encrypted);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'encrypted' } });
  });

  test('when a PDF is cut short or is not a PDF, then info says corrupt with poppler’s reason', async () => {
    for (const bytes of [digital.subarray(0, digital.length / 2), Buffer.from('%PDF-1.4 junk')]) {
      const result = await engine.info(bytes);
      expect(result).toMatchObject({
        ok: false,
        problem: { kind: 'corrupt', detail: expect.stringMatching(/exit code 1/) as string },
      });
    }
  });

  test('when a PDF has a text layer, then its text comes back page by page', async () => {
    const texts = await engine.open(digital, (pdf) => pdf.pageTexts());
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Total 10.00');
    expect(texts[1]).toContain('Page two');
  });

  test('when a page is rendered, then it is a PNG of the page at that resolution', async () => {
    const png = await engine.open(digital, (pdf) => pdf.renderPage(2, 72));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(PAGE.width); // IHDR width at 72 dpi = points
  });

  test('when a rendered page passes the output cap, then it fails with budget_exceeded (output)', async () => {
    const small = createPdfEngine({ ...DEFAULT_PDF_BUDGET, maxOutputBytes: 1024 });
    const error = await small.open(digital, (pdf) => pdf.renderPage(1, 150)).catch((e) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).code).toBe('PDF_BUDGET_EXCEEDED');
    expect((error as PdfError).problem).toEqual({
      kind: 'budget_exceeded',
      limit: 'output',
      budget: 1024,
      message: 'pdftoppm went past its output budget (1 KiB)',
    });
  });

  test('when rendering needs more memory than the cap, then it fails with budget_exceeded (memory)', async () => {
    const tight = createPdfEngine({ ...DEFAULT_PDF_BUDGET, maxMemoryBytes: 24 * 1024 * 1024 });
    expect(await tight.tools()).toMatchObject({ memoryCap: 'prlimit' });
    const error = await tight.open(digital, (pdf) => pdf.renderPage(1, 1200)).catch((e) => e);
    expect((error as PdfError).problem).toMatchObject({
      kind: 'budget_exceeded',
      limit: 'memory',
      budget: 24 * 1024 * 1024,
    });
  });

  test('when a tool runs past the deadline, then it is killed with SIGKILL and reported as time', async () => {
    const started = Date.now();
    const run = await runTool('sleep', ['30'], { ...DEFAULT_PDF_BUDGET, timeoutMs: 200 });
    expect(run).toMatchObject({ exceeded: 'time', signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('when no prlimit is used, then tools reports no memory cap and PDFs still read', async () => {
    const uncapped = createPdfEngine(DEFAULT_PDF_BUDGET, { prlimit: null });
    expect(await uncapped.tools()).toMatchObject({
      poppler: expect.stringMatching(/^pdfinfo version/) as string,
      memoryCap: 'none',
    });
    expect(await uncapped.info(digital)).toMatchObject({ ok: true, info: { pages: 2 } });
  });

  test('when a tool is not installed, then the run fails with PDF_TOOLS_UNAVAILABLE', async () => {
    for (const prlimit of [null, undefined]) {
      const run = runTool('docflow-no-such-tool', [], DEFAULT_PDF_BUDGET, {
        prlimit: prlimit === null ? undefined : '/usr/bin/prlimit',
      });
      await expect(run).rejects.toMatchObject({ code: 'PDF_TOOLS_UNAVAILABLE' });
    }
  });
});
