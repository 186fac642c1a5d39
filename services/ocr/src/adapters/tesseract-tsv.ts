import { z } from 'zod';
import type { PageWord } from '@docflow/contracts';
import type { TsvPage } from '../steps/ocr-steps';

/** One word row of Tesseract's TSV output (level 5); other levels only structure the page. */
const wordSchema = z.object({
  level: z.literal(5),
  page: z.number().int().min(1),
  block: z.number().int().min(0),
  par: z.number().int().min(0),
  line: z.number().int().min(0),
  left: z.number().int().min(0),
  top: z.number().int().min(0),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
  conf: z.number().min(-1).max(100),
  text: z.string(),
});

/** The page row (level 1): the size of the image Tesseract read, in pixels. */
const pageSchema = z.object({
  page: z.number().int().min(1),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
});

/**
 * Rebuilds each page's text (words joined by spaces, one line per Tesseract line, a blank line
 * between blocks) and its mean word confidence from a TSV covering `pages` pages, with each word's
 * box (pixels of the image read) and place in that text.
 */
export function parseTesseractTsv(tsv: string, pages: number): TsvPage[] {
  const result = Array.from({ length: pages }, () => ({
    text: '',
    confs: [] as number[],
    key: '',
    words: [] as PageWord[],
    width: 0,
    height: 0,
  }));
  let lastBlock = '';
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    if (cells[0] === '1') {
      const size = pageSchema.parse({
        page: Number(cells[1]),
        width: Number(cells[8]),
        height: Number(cells[9]),
      });
      const page = result[size.page - 1];
      if (page) Object.assign(page, { width: size.width, height: size.height });
      continue;
    }
    if (cells[0] !== '5') continue;
    const word = wordSchema.parse({
      level: Number(cells[0]),
      page: Number(cells[1]),
      block: Number(cells[2]),
      par: Number(cells[3]),
      line: Number(cells[4]),
      left: Number(cells[6]),
      top: Number(cells[7]),
      width: Number(cells[8]),
      height: Number(cells[9]),
      conf: Number(cells[10]),
      text: cells.slice(11).join('\t'),
    });
    const page = result[word.page - 1];
    if (!page || word.text.trim() === '') continue;
    const key = `${word.block}/${word.par}/${word.line}`;
    const block = `${word.page}/${word.block}`;
    if (key !== page.key) {
      if (page.text.length > 0) page.text += block !== lastBlock ? '\n\n' : '\n';
      page.key = key;
    } else page.text += ' ';
    lastBlock = block;
    const start = page.text.length;
    page.text += word.text;
    page.words.push({
      x0: word.left,
      y0: word.top,
      x1: word.left + word.width,
      y1: word.top + word.height,
      confidence: Math.max(0, word.conf) / 100,
      start,
      end: page.text.length,
    });
    if (word.conf >= 0) page.confs.push(word.conf);
  }
  return result.map((p) => ({
    text: p.text,
    confidence: p.confs.length ? p.confs.reduce((a, b) => a + b, 0) / p.confs.length / 100 : 0,
    layout: {
      size: { width: p.width, height: p.height, unit: 'px' as const },
      words: p.words,
    },
  }));
}
