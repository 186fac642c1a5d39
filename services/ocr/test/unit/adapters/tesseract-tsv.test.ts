import { createSemaphore } from '../../../src/adapters/ocr-engine';
import { parseTesseractTsv } from '../../../src/adapters/tesseract-tsv';

const header =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (page: number, block: number, line: number, conf: number, text: string) =>
  `5\t${page}\t${block}\t1\t${line}\t1\t0\t0\t10\t10\t${conf}\t${text}`;

describe('parseTesseractTsv', () => {
  test('when a batch TSV covers two pages, then each page gets its lines and mean confidence', () => {
    const tsv = [
      header,
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
      word(1, 1, 1, 90, 'FACTURA'),
      word(1, 1, 1, 80, '2024'),
      word(1, 1, 2, 70, 'Total'),
      word(1, 2, 1, 60, 'IVA'),
      word(2, 1, 1, 50, 'Invoice'),
    ].join('\n');

    const pages = parseTesseractTsv(tsv, 3);

    expect(pages[0]).toMatchObject({ text: 'FACTURA 2024\nTotal\n\nIVA', confidence: 0.75 });
    expect(pages[1]).toMatchObject({ text: 'Invoice', confidence: 0.5 });
    expect(pages[2]).toMatchObject({ text: '', confidence: 0 });
  });

  test('when words are read, then each has its box, confidence and place in the page text', () => {
    const tsv = [
      header,
      '1\t1\t0\t0\t0\t0\t0\t0\t800\t1200\t-1\t',
      '5\t1\t1\t1\t1\t1\t40\t30\t120\t25\t96.5\tTOTAL',
      '5\t1\t1\t1\t1\t2\t600\t31\t90\t24\t88\t8.70',
      '5\t1\t1\t1\t1\t3\t700\t31\t10\t24\t95\t ',
      '5\t1\t2\t1\t1\t1\t40\t900\t200\t30\t-1\tThanks',
    ].join('\n');

    const [page] = parseTesseractTsv(tsv, 1);

    expect(page!.text).toBe('TOTAL 8.70\n\nThanks');
    expect(page!.layout.size).toEqual({ width: 800, height: 1200, unit: 'px' });
    expect(page!.layout.words).toEqual([
      { x0: 40, y0: 30, x1: 160, y1: 55, confidence: 0.965, start: 0, end: 5 },
      { x0: 600, y0: 31, x1: 690, y1: 55, confidence: 0.88, start: 6, end: 10 },
      { x0: 40, y0: 900, x1: 240, y1: 930, confidence: 0, start: 12, end: 18 },
    ]);
    for (const w of page!.layout.words) expect(page!.text.slice(w.start, w.end)).not.toMatch(/\s/);
  });

  test('when a word row is malformed, then parsing fails instead of guessing', () => {
    expect(() =>
      parseTesseractTsv([header, '5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t999\tx'].join('\n'), 1),
    ).toThrow();
  });
});

describe('createSemaphore', () => {
  test('when more work than slots arrives, then at most the slot count runs at once', async () => {
    const slot = createSemaphore(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        slot(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});
