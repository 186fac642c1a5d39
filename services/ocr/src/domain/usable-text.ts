const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const REPLACEMENT = /\uFFFD/g;

/** How many times `pattern` (global) matches in `text`, counted without collecting the matches. */
function count(pattern: RegExp, text: string): number {
  const re = new RegExp(pattern);
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * Whether a PDF page's text layer is worth using rather than OCR: enough letters and digits, and
 * not mostly replacement characters (fonts without a Unicode map extract as garbage).
 */
export function isUsableText(text: string, minChars: number): boolean {
  const alnum = count(LETTER_OR_DIGIT, text);
  const replacement = count(REPLACEMENT, text);
  return alnum >= minChars && replacement <= alnum * 0.1;
}
