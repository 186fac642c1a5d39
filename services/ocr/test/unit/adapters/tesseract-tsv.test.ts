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

    expect(pages[0]).toEqual({ text: 'FACTURA 2024\nTotal\n\nIVA', confidence: 0.75 });
    expect(pages[1]).toEqual({ text: 'Invoice', confidence: 0.5 });
    expect(pages[2]).toEqual({ text: '', confidence: 0 });
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
