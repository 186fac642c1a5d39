import type { LabelledDoc } from './labelled-doc';

/** Where the document text comes from: the transcripts that come with the set, or our OCR. */
export type TextSource = 'gold' | 'ocr';

/** A real labelled set read and its texts obtained, ready to score. */
export interface LoadedDataset {
  kind: 'sroie' | 'zugferd';
  docs: LabelledDoc[];
  /** Documents left out, and why (no truth, unreadable file, OCR failure). */
  skipped: { id: string; reason: string }[];
  /** Character error rate of our OCR against the gold transcript, per document (SROIE, OCR). */
  cer?: { id: string; cer: number }[];
}

export interface LoadOptions {
  text: TextSource;
  /** Documents read at once (OCR processes are capped by the OCR stage's OCR_WORKERS). */
  concurrency: number;
  progress: (line: string) => void;
}
