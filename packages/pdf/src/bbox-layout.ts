/** One word of a PDF page with its box in points from the page's top-left corner. */
export interface BboxWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** One page of `pdftotext -bbox-layout`: its size in points and its words, line by line. */
export interface BboxPage {
  width: number;
  height: number;
  /** Poppler's lines in its reading order (flows, blocks), each line's words left to right. */
  lines: BboxWord[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five predefined entities; anything else stays as written. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const number = (attributes: string, name: string): number => {
  const value = Number(new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]);
  return Number.isFinite(value) ? value : 0;
};

const TAG = /<(page|line|word)\b([^>]*)>|<\/(line|word)>/g;

/**
 * Reads poppler's `-bbox-layout` XHTML: pages in order, with their lines of words. It reads the
 * tags poppler writes (`page`, `line`, `word` with xMin/yMin/xMax/yMax), not XML in general; a
 * word's text is what lies between its tags, entities decoded.
 */
export function parseBboxLayout(xhtml: string): BboxPage[] {
  const pages: BboxPage[] = [];
  let line: BboxWord[] | undefined;
  let word: { attributes: string; from: number } | undefined;
  for (const match of xhtml.matchAll(TAG)) {
    const [, open, attributes = '', close] = match;
    const page = pages[pages.length - 1];
    if (open === 'page')
      pages.push({
        width: number(attributes, 'width'),
        height: number(attributes, 'height'),
        lines: [],
      });
    else if (open === 'line' && page) {
      line = [];
      page.lines.push(line);
    } else if (open === 'word') word = { attributes, from: match.index + match[0].length };
    else if (close === 'line') line = undefined;
    else if (close === 'word' && word && line) {
      const text = decode(xhtml.slice(word.from, match.index)).trim();
      if (text)
        line.push({
          text,
          xMin: number(word.attributes, 'xMin'),
          yMin: number(word.attributes, 'yMin'),
          xMax: number(word.attributes, 'xMax'),
          yMax: number(word.attributes, 'yMax'),
        });
      word = undefined;
    }
  }
  return pages;
}
