import type { PackedPageWords, PageSize, Word, WordBox } from './words';
import { PACKED_WORDS_VERSION } from './words';

/** One word of one page as extraction finds it: box in the page's units, offsets in the page text. */
export interface PageWord {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0..1. */
  confidence: number;
  start: number;
  end: number;
}

const RECORD_BYTES = 16;
const SCALE = 10_000;
const MAX_LENGTH = 0xffff;
const MAX_START = 0xffffffff;

const scaled = (value: number, size: number): number =>
  size > 0 ? Math.round(Math.min(1, Math.max(0, value / size)) * SCALE) : 0;

/**
 * A page's words packed for the text store, boxes as fractions of `size`. Words that would not
 * fit a record (empty, longer than 65 535 characters, past 4 GiB of text) are left out; their
 * text stays in the page text.
 */
export function packPageWords(
  page: number,
  size: PageSize,
  words: readonly PageWord[],
): PackedPageWords {
  const kept = words.filter(
    (w) => w.end > w.start && w.end - w.start <= MAX_LENGTH && w.start <= MAX_START,
  );
  const bytes = Buffer.alloc(kept.length * RECORD_BYTES);
  kept.forEach((w, i) => {
    const at = i * RECORD_BYTES;
    const [x0, x1] = w.x0 <= w.x1 ? [w.x0, w.x1] : [w.x1, w.x0];
    const [y0, y1] = w.y0 <= w.y1 ? [w.y0, w.y1] : [w.y1, w.y0];
    bytes.writeUInt16LE(scaled(x0, size.width), at);
    bytes.writeUInt16LE(scaled(y0, size.height), at + 2);
    bytes.writeUInt16LE(scaled(x1, size.width), at + 4);
    bytes.writeUInt16LE(scaled(y1, size.height), at + 6);
    bytes.writeUInt32LE(w.start, at + 8);
    bytes.writeUInt16LE(w.end - w.start, at + 12);
    bytes.writeUInt8(Math.round(Math.min(1, Math.max(0, w.confidence)) * 100), at + 14);
  });
  return {
    v: PACKED_WORDS_VERSION,
    page,
    size,
    count: kept.length,
    data: bytes.toString('base64'),
  };
}

/**
 * A packed page's words with their text from `pageText`, offsets moved by `offset` (the page's
 * start in the document text). Records that do not fit the page text are skipped.
 */
export function unpackPageWords(packed: PackedPageWords, pageText: string, offset = 0): Word[] {
  const bytes = Buffer.from(packed.data, 'base64');
  const count = Math.min(packed.count, Math.floor(bytes.length / RECORD_BYTES));
  const words: Word[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * RECORD_BYTES;
    const start = bytes.readUInt32LE(at + 8);
    const end = start + bytes.readUInt16LE(at + 12);
    if (end > pageText.length) continue;
    const box: WordBox = {
      x0: bytes.readUInt16LE(at) / SCALE,
      y0: bytes.readUInt16LE(at + 2) / SCALE,
      x1: bytes.readUInt16LE(at + 4) / SCALE,
      y1: bytes.readUInt16LE(at + 6) / SCALE,
    };
    words.push({
      page: packed.page,
      text: pageText.slice(start, end),
      box,
      confidence: Math.min(100, bytes.readUInt8(at + 14)) / 100,
      start: start + offset,
      end: end + offset,
    });
  }
  return words;
}

/**
 * Every page's words, unpacked with offsets in the document text (the pages' texts joined by form
 * feeds, in the order given), by page number; pages without packed words get none.
 */
export function documentWords(
  pages: readonly { page: number; text: string }[],
  packed: readonly PackedPageWords[],
): Map<number, Word[]> {
  const byPage = new Map(packed.map((p) => [p.page, p]));
  const words = new Map<number, Word[]>();
  let offset = 0;
  for (const { page, text } of pages) {
    const found = byPage.get(page);
    words.set(page, found ? unpackPageWords(found, text, offset) : []);
    offset += text.length + 1;
  }
  return words;
}
