import sharp from 'sharp';
import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { pixelBombPng } from '@docflow/fixtures';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import type { OcrEngine } from '../../../src/adapters/ocr-engine';
import { extractImage } from '../../../src/extract/extract-image';
import { extractPdf } from '../../../src/extract/extract-pdf';
import type { ExtractDeps } from '../../../src/extract/extracted';
import { inProcessSteps } from '../../../src/steps/in-process-steps';

/** A one-page PDF of `width` × `height` points with nothing on it, written by hand. */
function blankPdf(width: number, height: number): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Stands in for Tesseract: records the size of each page image it is given. */
function measuringEngine(sizes: { width: number; height: number }[]): OcrEngine {
  return {
    name: 'native',
    recognize: async (images) => {
      for (const image of images) {
        const { width = 0, height = 0 } = await sharp(image).metadata();
        sizes.push({ width, height });
      }
      return images.map(() => ({ text: '', confidence: 0, durationMs: 1 }));
    },
    close: async () => undefined,
  };
}

const depsWith = (engine: OcrEngine, overrides: Partial<ExtractDeps> = {}): ExtractDeps => ({
  engine,
  steps: inProcessSteps,
  pdf: createPdfEngine(DEFAULT_PDF_BUDGET),
  renderDpi: 300,
  minTextChars: 16,
  upscaleBelowPx: 1000,
  textHeightPx: 32,
  pagesAtOnce: 2,
  maxPagePixels: 4_000_000,
  maxDocumentPixels: 5_000_000_000,
  maxImagePixels: 100_000_000,
  archive: DEFAULT_ARCHIVE_LIMITS,
  ...overrides,
});

describe('pixel budgets in OCR', () => {
  it('when an image declares 50000×50000 pixels (a bomb), then it fails with BUDGET_EXCEEDED before decoding', async () => {
    const sizes: { width: number; height: number }[] = [];
    const bomb = pixelBombPng(50_000, 50_000);

    await expect(extractImage(bomb, depsWith(measuringEngine(sizes)))).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message: expect.stringContaining('OCR_MAX_IMAGE_PIXELS'),
      details: { stage: 'ocr', limit: 'OCR_MAX_IMAGE_PIXELS', budget: 100_000_000 },
    });
    expect(sizes).toEqual([]);
  });

  it('when a PDF page is 14400×14400 pt, then it renders under the page pixel cap, not at 300 dpi', async () => {
    const sizes: { width: number; height: number }[] = [];
    const before = process.memoryUsage().rss;

    const extraction = await extractPdf(blankPdf(14_400, 14_400), depsWith(measuringEngine(sizes)));

    expect(extraction.pages).toHaveLength(1);
    expect(sizes).toHaveLength(1);
    const [{ width, height }] = sizes as [{ width: number; height: number }];
    expect(width * height).toBeLessThanOrEqual(4_000_000);
    expect(width).toBeGreaterThan(1_000); // at 300 dpi it would be 60000 px wide
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('when the pages to OCR would render past the document cap, then it fails with BUDGET_EXCEEDED before rendering', async () => {
    const sizes: { width: number; height: number }[] = [];

    await expect(
      extractPdf(
        blankPdf(612, 792),
        depsWith(measuringEngine(sizes), { maxDocumentPixels: 1_000_000 }),
      ),
    ).rejects.toMatchObject({
      code: 'BUDGET_EXCEEDED',
      message: expect.stringContaining('OCR_MAX_DOCUMENT_PIXELS'),
    });
    expect(sizes).toEqual([]);
  });
});
