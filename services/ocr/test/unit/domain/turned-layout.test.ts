import { placeInText, unturnLayout } from '../../../src/domain/turned-layout';

const size = { width: 100, height: 200, unit: 'px' as const };
const word = (x0: number, y0: number, x1: number, y1: number) => ({
  x0,
  y0,
  x1,
  y1,
  confidence: 0.9,
  start: 0,
  end: 4,
});

describe('unturnLayout', () => {
  // a 200 × 100 image with a word at x 150..170, y 20..30, read on copies turned clockwise
  test.each([
    [90, word(70, 150, 80, 170)],
    [180, word(30, 70, 50, 80)],
    [270, word(20, 30, 30, 50)],
  ] as const)(
    'when the best reading was of a copy turned %i°, then its box moves back onto the image',
    (angle, onTurned) => {
      const layout = unturnLayout({ size, words: [onTurned] }, angle, 200, 100);

      expect(layout.size).toEqual({ width: 200, height: 100, unit: 'px' });
      expect(layout.words).toEqual([word(150, 20, 170, 30)]);
    },
  );

  test('when the image was read as it is, then the layout is unchanged', () => {
    const layout = { size, words: [word(1, 2, 3, 4)] };

    expect(unturnLayout(layout, 0, 100, 200)).toBe(layout);
  });
});

describe('placeInText', () => {
  test('when the plain text spaces words differently from the TSV, then each word is found at its next occurrence', () => {
    const tsvText = 'TOTAL 8.70\n\nTOTAL due';
    const text = 'TOTAL  8.70\nTOTAL due';
    const words = [
      { ...word(0, 0, 1, 1), start: 0, end: 5 },
      { ...word(0, 0, 1, 1), start: 6, end: 10 },
      { ...word(0, 0, 1, 1), start: 12, end: 17 },
      { ...word(0, 0, 1, 1), start: 18, end: 21 },
    ];

    const placed = placeInText({ size, words }, tsvText, text);

    expect(placed.words.map((w) => [w.start, w.end])).toEqual([
      [0, 5],
      [7, 11],
      [12, 17],
      [18, 21],
    ]);
  });
});
