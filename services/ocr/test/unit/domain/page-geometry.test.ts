import type { GreyPage } from '../../../src/domain/grey-page';
import { measurePage } from '../../../src/domain/measure-page';
import { ocrScale } from '../../../src/domain/ocr-scale';
import { otsuThreshold } from '../../../src/domain/otsu-threshold';
import { skewAngle } from '../../../src/domain/skew-angle';
import { textHeight } from '../../../src/domain/text-height';

/** A white page with lines of dark "characters" (blocks `size` tall), the lines at `degrees`. */
function printedPage(options: {
  width: number;
  height: number;
  size: number;
  degrees?: number;
  ink?: number;
  paper?: number;
}): GreyPage {
  const { width, height, size } = options;
  const pixels = new Uint8Array(width * height).fill(options.paper ?? 240);
  const slope = Math.tan(((options.degrees ?? 0) * Math.PI) / 180);
  const charWidth = Math.round(size * 0.6);
  for (let line = 2 * size; line < height - 2 * size; line += 2 * size)
    for (
      let left = size;
      left + charWidth < width - size;
      left += charWidth + Math.ceil(size / 4)
    ) {
      if ((left / (charWidth + 1)) % 7 < 1) continue; // a space between words
      const top = Math.round(line + left * slope);
      for (let y = top; y < top + size; y++)
        for (let x = left; x < left + charWidth; x++)
          if (y >= 0 && y < height) pixels[y * width + x] = options.ink ?? 30;
    }
  return { pixels, width, height };
}

describe('otsuThreshold', () => {
  test('when pixels are ink and paper, then the threshold lies between them', () => {
    const pixels = new Uint8Array(1000).fill(220);
    pixels.fill(40, 0, 100);

    const threshold = otsuThreshold(pixels);

    expect(threshold).toBeGreaterThanOrEqual(40);
    expect(threshold).toBeLessThan(220);
  });
});

describe('textHeight', () => {
  test.each([8, 20, 34])('when characters are %i px tall, then that is the text height', (size) => {
    const page = printedPage({ width: 600, height: 400, size });

    expect(textHeight(page)).toBe(size);
  });

  test('when a faded page has grey ink on grey paper, then its characters are still measured', () => {
    const page = printedPage({ width: 600, height: 400, size: 12, ink: 150, paper: 185 });

    expect(textHeight(page)).toBe(12);
  });

  test('when light text is printed on a dark background, then the characters are measured', () => {
    const page = printedPage({ width: 600, height: 400, size: 14, ink: 250, paper: 10 });

    expect(textHeight(page)).toBe(14);
  });

  test('when the page is blank, then there is no text height', () => {
    const page = { pixels: new Uint8Array(200 * 100).fill(255), width: 200, height: 100 };

    expect(textHeight(page)).toBeUndefined();
  });

  test('when specks, a rule and a border surround the text, then they do not count', () => {
    const page = printedPage({ width: 600, height: 400, size: 16 });
    for (let i = 0; i < 500; i++) page.pixels[(i * 7919) % page.pixels.length] = 0; // specks
    page.pixels.fill(0, 390 * 600, 393 * 600); // a rule across the page
    for (let y = 0; y < 400; y++) page.pixels.fill(0, y * 600 + 590, y * 600 + 600); // a border

    expect(textHeight(page)).toBe(16);
  });
});

describe('skewAngle', () => {
  test.each([-3, -1.2, 0.8, 2.4])(
    'when text lines slope by %d°, then the skew is found within 0.3°',
    (degrees) => {
      const page = printedPage({ width: 300, height: 360, size: 8, degrees });

      expect(Math.abs(skewAngle(page) - degrees)).toBeLessThanOrEqual(0.3);
    },
  );

  test('when text lines are level or barely sloped, then the skew is 0 (no rotation)', () => {
    expect(skewAngle(printedPage({ width: 300, height: 360, size: 8 }))).toBe(0);
    expect(skewAngle(printedPage({ width: 300, height: 360, size: 8, degrees: 0.2 }))).toBe(0);
  });

  test('when the page is blank, then the skew is 0', () => {
    const page = { pixels: new Uint8Array(100 * 100).fill(255), width: 100, height: 100 };

    expect(skewAngle(page)).toBe(0);
  });
});

describe('ocrScale', () => {
  const limits = { targetPx: 32, minScale: 0.5, maxScale: 4, maxPixels: 40_000_000 };
  const page = { width: 1000, height: 1500 };

  test('when text is 8 px tall, then the page is scaled ×4', () => {
    expect(ocrScale(8, page, limits)).toBe(4);
  });

  test('when text is within 0.8–1.25 of the target, then the page is left as it is', () => {
    expect(ocrScale(26, page, limits)).toBe(1);
    expect(ocrScale(40, page, limits)).toBe(1);
    expect(ocrScale(24, page, limits)).toBeCloseTo(1.333, 3);
  });

  test('when text is very large, then the page is scaled down, not below minScale', () => {
    expect(ocrScale(48, page, limits)).toBeCloseTo(0.667, 3);
    expect(ocrScale(200, page, limits)).toBe(0.5);
  });

  test('when scaling would pass the pixel cap, then the page is scaled to the cap', () => {
    const scale = ocrScale(4, page, { ...limits, maxPixels: 6_000_000 });

    expect(scale).toBeCloseTo(2, 3);
    expect(page.width * page.height * scale * scale).toBeLessThanOrEqual(6_000_000 * 1.001);
  });

  test('when no text height was measured, then the page is left as it is', () => {
    expect(ocrScale(0, page, limits)).toBe(1);
  });
});

describe('measurePage', () => {
  test('when a page is skewed, then its text height and skew are both reported', () => {
    const page = printedPage({ width: 300, height: 360, size: 8, degrees: 2 });

    const geometry = measurePage({ text: page, skew: page });

    expect(geometry.textHeightPx).toBeGreaterThanOrEqual(8);
    expect(geometry.textHeightPx).toBeLessThanOrEqual(10);
    expect(Math.abs(geometry.skewDegrees - 2)).toBeLessThanOrEqual(0.3);
  });
});
