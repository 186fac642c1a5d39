import { wordsOf, type PageTextItem, type PageWord } from '../../domain/page-text';

export interface RenderedPage {
  page: number;
  canvas: HTMLCanvasElement;
  /** The text layer's runs with their boxes (empty for scans without a text layer). */
  items: PageTextItem[];
  /** The same runs cut into words, for clicks and dragged boxes. */
  words: PageWord[];
}

/** Pages beyond this are not rendered in the preview (the extracted text still has them). */
export const MAX_PREVIEW_PAGES = 20;

/**
 * Renders a PDF's pages to canvases with pdf.js, loaded on first use (its own chunk) with its
 * worker as a separate asset from this origin; evaluation of PDF code is switched off.
 */
export async function renderPdf(data: ArrayBuffer, cssWidth: number): Promise<RenderedPage[]> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const pdf = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false }).promise;
  const pages: RenderedPage[] = [];
  const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
  for (let n = 1; n <= Math.min(pdf.numPages, MAX_PREVIEW_PAGES); n++) {
    const page = await pdf.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
    const content = await page.getTextContent();
    const items: PageTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const tx = pdfjs.Util.transform(viewport.transform, item.transform);
      const height = Math.hypot(tx[2], tx[3]);
      items.push({
        text: item.str,
        box: {
          page: n,
          x: tx[4] / viewport.width,
          y: (tx[5] - height) / viewport.height,
          width: (item.width * viewport.scale) / viewport.width,
          height: height / viewport.height,
        },
      });
    }
    pages.push({ page: n, canvas, items, words: wordsOf(items) });
  }
  await pdf.destroy();
  return pages;
}
