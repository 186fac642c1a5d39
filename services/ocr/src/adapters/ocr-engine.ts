import type { PageLayout } from '../domain/page-layout';

/** The text of one page image and how sure the engine is of it. */
export interface OcrPageResult {
  text: string;
  /** Mean word confidence, 0..1. */
  confidence: number;
  /** The words with their boxes in pixels of the image read (the native engine only). */
  layout?: PageLayout;
  /** Engine time for this page (for a batch, the batch time shared evenly among its pages). */
  durationMs: number;
}

/**
 * One OCR engine behind one interface: the native Tesseract CLI or tesseract.js. Implementations
 * keep a pool sized by configuration (no engine start-up per page where the engine allows) and
 * handle page orientation themselves.
 */
export interface OcrEngine {
  readonly name: 'native' | 'tesseractjs';
  /** Recognises prepared page images (PNG), returning one result per image, in order. */
  recognize(images: readonly Buffer[], signal?: AbortSignal): Promise<OcrPageResult[]>;
  close(): Promise<void>;
}

/** Limits concurrent work to `size` slots (the OCR pool). */
export function createSemaphore(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const nextInLine = waiting.shift();
      if (nextInLine) nextInLine();
      else free++;
    }
  };
}
