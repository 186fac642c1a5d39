import type { OcrEngine } from '../../../src/adapters/ocr-engine';
import { recognizePages } from '../../../src/extract/ocr-pages';

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
        return Buffer.from(`page ${page}`);
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
          return Buffer.alloc(0);
        },
        { engine, pagesAtOnce: 2 },
        controller.signal,
      ),
    ).rejects.toThrow('handler timed out');
    expect(prepared).toEqual([1, 2]);
  });
});
