/**
 * Whether a PDF page's text layer is worth using rather than OCR: enough letters and digits, and
 * not mostly replacement characters (fonts without a Unicode map extract as garbage).
 */
export function isUsableText(text: string, minChars: number): boolean {
  const alnum = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  const replacement = text.match(/\uFFFD/g)?.length ?? 0;
  return alnum >= minChars && replacement <= alnum * 0.1;
}
