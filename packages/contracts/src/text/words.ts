import { z } from 'zod';

/**
 * Where a word sits on its page: fractions 0..1 of the page's width (x) and height (y), from the
 * top-left corner, in the page as shown (an image's EXIF orientation applied; a PDF page's crop
 * box, as rendered).
 */
export const wordBoxSchema = z.object({
  x0: z.number().min(0).max(1),
  y0: z.number().min(0).max(1),
  x1: z.number().min(0).max(1),
  y1: z.number().min(0).max(1),
});
export type WordBox = z.infer<typeof wordBoxSchema>;

/**
 * What a page's boxes are fractions of: points (1/72 inch) for PDF pages, pixels for images,
 * cells (columns × rows) for spreadsheets, characters × lines of the text for Word documents
 * (which have no fixed layout).
 */
export const pageSizeSchema = z.object({
  width: z.number().min(0),
  height: z.number().min(0),
  unit: z.enum(['pt', 'px', 'cell', 'char']),
});
export type PageSize = z.infer<typeof pageSizeSchema>;

/**
 * One word of a document: its text, page, box and confidence, and where it sits in the document
 * text (pages joined by form feeds, the offsets field spans use): `text` is the text's [start, end).
 */
export const wordSchema = z.object({
  page: z.number().int().min(1),
  text: z.string(),
  box: wordBoxSchema,
  confidence: z
    .number()
    .min(0)
    .max(1)
    .describe('OCR word confidence; 1 for text read from the file.'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Word = z.infer<typeof wordSchema>;

/**
 * The current version of the packed form below. A reader meets only versions it knows: the text
 * store drops words of another version (the text stays readable).
 */
export const PACKED_WORDS_VERSION = 1;

/**
 * A page's words as the text store keeps them (about 21 bytes a word): `data` is base64 of one
 * 16-byte little-endian record per word, in reading order — x0, y0, x1, y1 as uint16 in
 * 1/10000 of the page, start (uint32) and length (uint16) in the page's text, confidence (uint8,
 * 0..100) and one byte reserved. The word's text is the page text at [start, start + length).
 */
export const packedPageWordsSchema = z.object({
  v: z.literal(PACKED_WORDS_VERSION),
  page: z.number().int().min(1),
  size: pageSizeSchema,
  count: z.number().int().min(0),
  data: z.string(),
});
export type PackedPageWords = z.infer<typeof packedPageWordsSchema>;
