import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { makePdf, TEXTS } from '@docflow/fixtures';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import type { OcrEngine } from '../../../src/adapters/ocr-engine';
import { extractPdf } from '../../../src/extract/extract-pdf';
import type { ExtractDeps } from '../../../src/extract/extracted';
import { inProcessSteps } from '../../../src/steps/in-process-steps';

const noOcr: OcrEngine = {
  name: 'native',
  recognize: async () => {
    throw new Error('a text-layer page is not OCR’d');
  },
  close: async () => undefined,
};

const depsWith = (maxOutputBytes: number): ExtractDeps => ({
  engine: noOcr,
  steps: inProcessSteps,
  pdf: createPdfEngine({ ...DEFAULT_PDF_BUDGET, maxOutputBytes }),
  renderDpi: 300,
  minTextChars: 16,
  upscaleBelowPx: 1000,
  textHeightPx: 32,
  pagesAtOnce: 2,
  maxPagePixels: 4_000_000,
  maxDocumentPixels: 5_000_000_000,
  maxImagePixels: 100_000_000,
  archive: DEFAULT_ARCHIVE_LIMITS,
});

describe('extractPdf word positions', () => {
  test('when a text-layer page is read, then its words are boxed in points and placed in its text', async () => {
    const pdf = await makePdf([{ text: TEXTS.en }]);

    const { pages } = await extractPdf(pdf, depsWith(DEFAULT_PDF_BUDGET.maxOutputBytes));

    const [page] = pages;
    expect(page!.layout!.size).toEqual({ width: 468, height: 300, unit: 'pt' });
    expect(page!.layout!.words).toHaveLength(page!.text.split(/\s+/).length);
    for (const w of page!.layout!.words) {
      expect(page!.text.slice(w.start, w.end)).not.toMatch(/\s/);
      expect(w.x1).toBeLessThanOrEqual(468);
      expect(w.y1).toBeLessThanOrEqual(300);
    }
  });

  test('when the word listing is past the PDF output budget, then the page keeps its text without words', async () => {
    const pdf = await makePdf([{ text: TEXTS.en }]);
    // the text (about 500 bytes) fits; poppler's word listing (several kilobytes) does not
    const { pages } = await extractPdf(pdf, depsWith(2048));

    expect(pages[0]!.text).toContain('Northwind Supplies');
    expect(pages[0]!.method).toBe('text_layer');
    expect(pages[0]!.layout).toBeUndefined();
  });
});
