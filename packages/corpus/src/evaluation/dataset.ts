import type { LabelledDoc } from './labelled-doc';

/** Where the document text comes from: the transcripts that come with the set, or our OCR. */
export type TextSource = 'gold' | 'ocr';

/** A real labelled set read and its texts obtained, ready to score. */
export interface LoadedDataset {
  kind: 'sroie' | 'zugferd';
  docs: LabelledDoc[];
  /** Documents left out, and why (no truth, unreadable file, OCR failure). */
  skipped: { id: string; reason: string }[];
  /**
   * Character error rate of our OCR against the gold transcript, per document (SROIE, OCR): as
   * read, and with case folded (`caseFolded`: SROIE transcribes every line in capitals, so a
   * lower-case letter read right counts as an error in `cer`).
   */
  cer?: { id: string; cer: number; caseFolded: number }[];
}

export interface LoadOptions {
  text: TextSource;
  /** Only these documents (all without). */
  subset?: DocumentSubset;
  /** Documents read at once (OCR processes are capped by the OCR stage's OCR_WORKERS). */
  concurrency: number;
  progress: (line: string) => void;
}

/** Some of a set's documents: named ones (`only`, ids without extension) or every k-th by name. */
export type DocumentSubset = { only: readonly string[] } | { every: number };

/** The items (sorted by id) the subset picks; all of them without a subset. */
export function pickSubset<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  subset?: DocumentSubset,
): T[] {
  if (!subset) return [...items];
  if ('only' in subset) {
    const wanted = new Set(subset.only);
    return items.filter((item) => wanted.has(idOf(item)));
  }
  return items.filter((_, i) => i % subset.every === 0);
}
