import sharp from 'sharp';
import type { BboxPage } from '@docflow/pdf';
import { toShownPage } from '../../../src/domain/page-frame';
import { rowsToPage, rowsToText } from '../../../src/domain/rows-to-text';
import { textGridLayout } from '../../../src/domain/text-grid-layout';
import { textLayerWords } from '../../../src/domain/text-layer-words';

const word = (text: string, xMin: number, yMin: number) => ({
  text,
  xMin,
  yMin,
  xMax: xMin + 10 * text.length,
  yMax: yMin + 10,
});

describe('textLayerWords', () => {
  test('when poppler reads two columns one after the other, then each word lands on its own token of the layout text', () => {
    // the layout text runs across both columns line by line; poppler lists the left column first
    const text = 'Item     1   EUR\nTotal    2   EUR';
    const page: BboxPage = {
      width: 600,
      height: 800,
      lines: [
        [word('Item', 50, 100)],
        [word('Total', 50, 120)],
        [word('1', 300, 100), word('EUR', 400, 100)],
        [word('2', 300, 120), word('EUR', 400, 120)],
      ],
    };

    const layout = textLayerWords(text, page);

    expect(layout.size).toEqual({ width: 600, height: 800, unit: 'pt' });
    const placed = layout.words.map((w) => [text.slice(w.start, w.end), w.x0, w.y0]);
    expect(placed).toEqual([
      ['Item', 50, 100],
      ['1', 300, 100],
      ['EUR', 400, 100],
      ['Total', 50, 120],
      ['2', 300, 120],
      ['EUR', 400, 120],
    ]);
  });

  test('when the page is shown turned by 90°, then its size is the turned one', () => {
    const page: BboxPage = { width: 600, height: 800, lines: [[word('Total', 700, 50)]] };

    const layout = textLayerWords('Total', page, 90);

    expect(layout.size).toEqual({ width: 800, height: 600, unit: 'pt' });
    expect(layout.words[0]).toMatchObject({ x0: 700, y0: 50 });
  });

  test('when a word is not in the text, then it is left out and the others still match', () => {
    const page: BboxPage = {
      width: 100,
      height: 100,
      lines: [[word('ghost', 0, 0), word('real', 60, 0)]],
    };

    const layout = textLayerWords('real', page);

    expect(layout.words).toEqual([
      { x0: 60, y0: 0, x1: 100, y1: 10, confidence: 1, start: 0, end: 4 },
    ]);
  });

  test('when a page repeats one token many times, then matching stays linear', () => {
    const count = 20_000;
    const text = Array.from({ length: count }, () => '1').join(' ');
    const page: BboxPage = {
      width: 100,
      height: 100,
      lines: Array.from({ length: count }, (_, i) => [word('1', 0, i)]).reverse(),
    };
    const started = performance.now();

    const layout = textLayerWords(text, page);

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(new Set(layout.words.map((w) => w.start)).size).toBe(count);
  });
});

describe('toShownPage', () => {
  test('when a page was levelled and scaled, then a box Tesseract saw maps back onto the ink', async () => {
    // a white page with one black square; levelled as prepareImage does (turned by -skew), then ×2
    const shown = { width: 400, height: 300 };
    const square = { x: 300, y: 60, size: 20 };
    const skewDegrees = 4;
    const page = await sharp({
      create: { ...shown, channels: 3, background: '#ffffff' },
    })
      .composite([
        {
          input: await sharp({
            create: { width: square.size, height: square.size, channels: 3, background: '#000000' },
          })
            .png()
            .toBuffer(),
          left: square.x,
          top: square.y,
        },
      ])
      .png()
      .toBuffer();
    const levelled = await sharp(page)
      .rotate(-skewDegrees, { background: '#ffffff' })
      .greyscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height } = levelled.info;
    // the ink's box in the levelled page, doubled as if scaled for Tesseract
    let [x0, y0, x1, y1] = [width, height, 0, 0];
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (levelled.data[y * width + x]! < 128) {
          [x0, y0, x1, y1] = [
            Math.min(x0, x),
            Math.min(y0, y),
            Math.max(x1, x + 1),
            Math.max(y1, y + 1),
          ];
        }

    const mapped = toShownPage(
      {
        size: { width: width * 2, height: height * 2, unit: 'px' },
        words: [
          { x0: x0 * 2, y0: y0 * 2, x1: x1 * 2, y1: y1 * 2, confidence: 1, start: 0, end: 1 },
        ],
      },
      {
        ...shown,
        skewDegrees,
        levelled: { width, height },
        prepared: { width: width * 2, height: height * 2 },
      },
    );

    const box = mapped.words[0]!;
    expect(mapped.size).toEqual({ ...shown, unit: 'px' });
    // the turned square's bounding box, turned back, holds the square with a margin of the turn
    expect(box.x0).toBeGreaterThan(square.x - 4);
    expect(box.x0).toBeLessThanOrEqual(square.x + 1);
    expect(box.y0).toBeGreaterThan(square.y - 4);
    expect(box.y0).toBeLessThanOrEqual(square.y + 1);
    expect(box.x1).toBeGreaterThanOrEqual(square.x + square.size - 1);
    expect(box.x1).toBeLessThan(square.x + square.size + 4);
    expect(box.y1).toBeGreaterThanOrEqual(square.y + square.size - 1);
    expect(box.y1).toBeLessThan(square.y + square.size + 4);
  });
});

describe('rowsToPage and textGridLayout', () => {
  test('when a sheet has empty rows and cells, then its text is rowsToText and each word is boxed by its cell', () => {
    const rows = [['Item', 'Amount', ''], [], ['Coffee beans', '', '12.50']];

    const { text, layout } = rowsToPage(rows);

    expect(text).toBe(rowsToText(rows));
    expect(text).toBe('Item\tAmount\nCoffee beans\t\t12.50');
    expect(layout.size).toEqual({ width: 3, height: 3, unit: 'cell' });
    expect(layout.words.map((w) => [text.slice(w.start, w.end), w.x0, w.y0])).toEqual([
      ['Item', 0, 0],
      ['Amount', 1, 0],
      ['Coffee', 0, 2],
      ['beans', 0, 2],
      ['12.50', 2, 2],
    ]);
  });

  test('when a Word page is laid out as text, then each word is boxed by its column and line', () => {
    const text = 'Invoice 7\n\tTotal  40.00';

    const layout = textGridLayout(text);

    expect(layout.size).toEqual({ width: 13, height: 2, unit: 'char' });
    expect(layout.words.map((w) => [text.slice(w.start, w.end), w.x0, w.y0, w.x1])).toEqual([
      ['Invoice', 0, 0, 7],
      ['7', 8, 0, 9],
      ['Total', 1, 1, 6],
      ['40.00', 8, 1, 13],
    ]);
  });
});
