import type { OcrEngine } from '../../../src/adapters/ocr-engine';
import { recognizePages } from '../../../src/extract/ocr-pages';

const frame = {
  width: 100,
  height: 200,
  skewDegrees: 0,
  levelled: { width: 100, height: 200 },
  prepared: { width: 200, height: 400 },
};

describe('recognizePages', () => {
  it('when a document has many pages, then they are prepared and recognised a group at a time, in page order', async () => {
    let preparing = 0;
    let mostPreparing = 0;
    const groups: number[] = [];
    const engine: OcrEngine = {
      name: 'native',
      recognize: async (images) => {
        groups.push(images.length);
        return images.map((image) => ({
          text: image.toString(),
          confidence: 0.9,
          durationMs: 1,
        }));
      },
      close: async () => undefined,
    };
    const pages = Array.from({ length: 11 }, (_, i) => i + 1);

    const results = await recognizePages(
      pages,
      async (page) => {
        preparing += 1;
        mostPreparing = Math.max(mostPreparing, preparing);
        await new Promise((resolve) => setTimeout(resolve, 2));
        preparing -= 1;
        return { image: Buffer.from(`page ${page}`), frame };
      },
      { engine, pagesAtOnce: 4 },
    );

    expect(results.map((r) => r.text)).toEqual(pages.map((p) => `page ${p}`));
    expect(groups).toEqual([4, 4, 3]);
    expect(mostPreparing).toBe(4);
  });

  it('when the work is aborted between groups, then no further page is prepared', async () => {
    const controller = new AbortController();
    const prepared: number[] = [];
    const engine: OcrEngine = {
      name: 'native',
      recognize: async (images) => {
        controller.abort(new Error('handler timed out'));
        return images.map(() => ({ text: '', confidence: 0, durationMs: 0 }));
      },
      close: async () => undefined,
    };
    await expect(
      recognizePages(
        [1, 2, 3, 4],
        async (page) => {
          prepared.push(page);
          return { image: Buffer.alloc(0), frame };
        },
        { engine, pagesAtOnce: 2 },
        controller.signal,
      ),
    ).rejects.toThrow('handler timed out');
    expect(prepared).toEqual([1, 2]);
  });

  it('when the engine gives words, then their boxes come back in pixels of the page before preparation', async () => {
    const engine: OcrEngine = {
      name: 'native',
      recognize: async (images) =>
        images.map(() => ({
          text: 'Total',
          confidence: 0.9,
          durationMs: 1,
          layout: {
            size: { width: 200, height: 400, unit: 'px' as const },
            words: [{ x0: 20, y0: 40, x1: 120, y1: 60, confidence: 0.9, start: 0, end: 5 }],
          },
        })),
      close: async () => undefined,
    };

    const [result] = await recognizePages([1], async () => ({ image: Buffer.alloc(0), frame }), {
      engine,
      pagesAtOnce: 1,
    });

    expect(result!.layout).toEqual({
      size: { width: 100, height: 200, unit: 'px' },
      words: [{ x0: 10, y0: 20, x1: 60, y1: 30, confidence: 0.9, start: 0, end: 5 }],
    });
  });
});
