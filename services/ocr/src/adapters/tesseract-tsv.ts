import { z } from 'zod';

/** One word row of Tesseract's TSV output (level 5); other levels only structure the page. */
const wordSchema = z.object({
  level: z.literal(5),
  page: z.number().int().min(1),
  block: z.number().int().min(0),
  par: z.number().int().min(0),
  line: z.number().int().min(0),
  conf: z.number().min(-1).max(100),
  text: z.string(),
});

/**
 * Rebuilds each page's text (words joined by spaces, one line per Tesseract line, a blank line
 * between blocks) and its mean word confidence from a TSV covering `pages` pages.
 */
export function parseTesseractTsv(
  tsv: string,
  pages: number,
): { text: string; confidence: number }[] {
  const result = Array.from({ length: pages }, () => ({
    lines: [] as string[],
    confs: [] as number[],
    key: '',
  }));
  let lastBlock = '';
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const word = wordSchema.parse({
      level: Number(cells[0]),
      page: Number(cells[1]),
      block: Number(cells[2]),
      par: Number(cells[3]),
      line: Number(cells[4]),
      conf: Number(cells[10]),
      text: cells.slice(11).join('\t'),
    });
    const page = result[word.page - 1];
    if (!page || word.text.trim() === '') continue;
    const key = `${word.block}/${word.par}/${word.line}`;
    const block = `${word.page}/${word.block}`;
    if (key !== page.key) {
      if (page.lines.length > 0 && block !== lastBlock) page.lines.push('');
      page.lines.push(word.text);
      page.key = key;
    } else page.lines[page.lines.length - 1] += ` ${word.text}`;
    lastBlock = block;
    if (word.conf >= 0) page.confs.push(word.conf);
  }
  return result.map((p) => ({
    text: p.lines.join('\n'),
    confidence: p.confs.length ? p.confs.reduce((a, b) => a + b, 0) / p.confs.length / 100 : 0,
  }));
}
