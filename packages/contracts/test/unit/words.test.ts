import {
  fieldWords,
  packPageWords,
  packedPageWordsSchema,
  pageOffsets,
  unionBox,
  unpackPageWords,
  wordsInSpan,
  type Word,
} from '../../src';

const pageText = 'Invoice 42\nTotal 8.70';
const size = { width: 200, height: 100, unit: 'px' as const };
const pageWords = [
  { x0: 10, y0: 10, x1: 60, y1: 20, confidence: 0.91, start: 0, end: 7 },
  { x0: 70, y0: 10, x1: 90, y1: 20, confidence: 0.5, start: 8, end: 10 },
  { x0: 10, y0: 40, x1: 50, y1: 50, confidence: 0.99, start: 11, end: 16 },
  { x0: 150, y0: 40, x1: 190, y1: 50, confidence: 0.87, start: 17, end: 21 },
];

describe('packPageWords and unpackPageWords', () => {
  test('when a page is packed and unpacked, then each word has its text, fractional box and confidence', () => {
    const packed = packedPageWordsSchema.parse(packPageWords(1, size, pageWords));

    const words = unpackPageWords(packed, pageText);

    expect(packed.count).toBe(4);
    expect(packed.data.length).toBeLessThanOrEqual(Math.ceil((4 * 16) / 3) * 4);
    expect(words.map((w) => w.text)).toEqual(['Invoice', '42', 'Total', '8.70']);
    expect(words[3]).toEqual({
      page: 1,
      text: '8.70',
      box: { x0: 0.75, y0: 0.4, x1: 0.95, y1: 0.5 },
      confidence: 0.87,
      start: 17,
      end: 21,
    });
  });

  test('when unpacked with a page offset, then the offsets are in the document text', () => {
    const words = unpackPageWords(packPageWords(2, size, pageWords), pageText, 100);

    expect(words[0]).toMatchObject({ page: 2, start: 100, end: 107, text: 'Invoice' });
  });

  test('when a box lies outside the page or is given inverted, then it is clamped and ordered', () => {
    const [word] = unpackPageWords(
      packPageWords(1, size, [
        { x0: 250, y0: 60, x1: -5, y1: 40, confidence: 2, start: 0, end: 7 },
      ]),
      pageText,
    );

    expect(word!.box).toEqual({ x0: 0, y0: 0.4, x1: 1, y1: 0.6 });
    expect(word!.confidence).toBe(1);
  });

  test('when a word is empty or points past the page text, then it is left out', () => {
    const packed = packPageWords(1, size, [
      { x0: 0, y0: 0, x1: 1, y1: 1, confidence: 1, start: 3, end: 3 },
      { x0: 0, y0: 0, x1: 1, y1: 1, confidence: 1, start: 20, end: 30 },
    ]);

    expect(packed.count).toBe(1);
    expect(unpackPageWords(packed, pageText)).toEqual([]);
  });
});

describe('wordsInSpan', () => {
  const words = unpackPageWords(packPageWords(1, size, pageWords), pageText);

  test('when a span covers part of two words, then both words are returned in order', () => {
    expect(wordsInSpan(words, { start: 5, end: 9 }).map((w) => w.text)).toEqual(['Invoice', '42']);
  });

  test('when a span lies between words or on another page, then no word is returned', () => {
    expect(wordsInSpan(words, { start: 7, end: 8 })).toEqual([]);
    expect(wordsInSpan(words, { start: 17, end: 21, page: 2 })).toEqual([]);
  });

  test('when words are joined, then their box holds them all', () => {
    expect(unionBox(wordsInSpan(words, { start: 11, end: 21 }))).toEqual({
      x0: 0.05,
      y0: 0.4,
      x1: 0.95,
      y1: 0.5,
    });
    expect(unionBox([])).toBeUndefined();
  });
});

describe('fieldWords', () => {
  test('when fields and table cells carry spans, then each resolves to its page words and box', () => {
    const texts = ['Cover page', pageText];
    const offsets = pageOffsets(texts);
    const second = unpackPageWords(packPageWords(2, size, pageWords), pageText, offsets[1]);
    const byPage = new Map<number, Word[]>([
      [1, []],
      [2, second],
    ]);
    const totalAt = offsets[1]! + 17;

    const found = fieldWords(
      {
        fields: {
          total: {
            value: 8.7,
            confidence: 0.9,
            span: { start: totalAt, end: totalAt + 4, page: 2 },
          },
          currency: { value: 'MYR', confidence: 0.6 },
        },
        tables: {
          lineItems: [
            { description: { value: 'Invoice', confidence: 1, span: { start: 11, end: 18 } } },
          ],
        },
      },
      byPage,
    );

    expect(offsets).toEqual([0, 11]);
    expect(found).toEqual([
      { field: 'total', page: 2, box: { x0: 0.75, y0: 0.4, x1: 0.95, y1: 0.5 }, words: [3] },
      {
        field: 'lineItems[0].description',
        page: 2,
        box: { x0: 0.05, y0: 0.1, x1: 0.3, y1: 0.2 },
        words: [0],
      },
    ]);
  });
});
