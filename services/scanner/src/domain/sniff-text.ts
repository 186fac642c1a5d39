/** What a file that has no binary signature looks like. */
export type TextSniff = 'text' | 'csv' | 'xml' | 'markup' | 'binary';

const SAMPLE_BYTES = 64 * 1024;
const CSV_SAMPLE_LINES = 50;
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Plain text is valid UTF-8 (or UTF-16 with a BOM), or single-byte text (Latin-1/Windows-1252),
 * without control characters other than tab, line breaks and form feed. A text whose lines all
 * split into the same number (≥ 2) of fields on one delimiter is CSV. HTML and SVG are markup;
 * other text that opens with an XML declaration or an element is XML (e-invoices), which the
 * scanner then parses hardened.
 */
export function sniffText(bytes: Buffer): TextSniff {
  if (bytes.length === 0) return 'binary';
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const text = decodeSample(sample, bytes.length > SAMPLE_BYTES);
  if (text === null) return 'binary';
  const head = text.trimStart().slice(0, 1024).toLowerCase();
  if (/^(<!doctype html|<html|<svg|<script)/.test(head)) return 'markup';
  if (/^(<\?xml|<[a-z_])/.test(head)) return xmlOrMarkup(head);
  return looksLikeCsv(text, bytes.length > SAMPLE_BYTES) ? 'csv' : 'text';
}

function decodeSample(sample: Buffer, truncated: boolean): string | null {
  if (sample[0] === 0xff && sample[1] === 0xfe) return new TextDecoder('utf-16le').decode(sample);
  if (sample[0] === 0xfe && sample[1] === 0xff) return new TextDecoder('utf-16be').decode(sample);
  let text: string;
  try {
    // A sample cut in the middle of a multi-byte character is still UTF-8: drop up to 3 bytes.
    const end = truncated ? lastCharBoundary(sample) : sample.length;
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
  } catch {
    text = new TextDecoder('windows-1252').decode(sample);
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return null;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) control++;
  }
  return control > text.length / 1000 ? null : text;
}

function lastCharBoundary(sample: Buffer): number {
  for (let back = 0; back < 4 && back < sample.length; back++) {
    const byte = sample[sample.length - 1 - back]!;
    if ((byte & 0xc0) !== 0x80)
      return byte < 0x80 ? sample.length - back : sample.length - 1 - back;
  }
  return sample.length;
}

function looksLikeCsv(text: string, truncated: boolean): boolean {
  const lines = text.split(/\r?\n/);
  if (truncated) lines.pop();
  const sample = lines.filter((l) => l.trim() !== '').slice(0, CSV_SAMPLE_LINES);
  if (sample.length < 2) return false;
  return DELIMITERS.some((delimiter) => {
    const counts = sample.map((line) => countOutsideQuotes(line, delimiter));
    return counts[0]! >= 1 && counts.every((c) => c === counts[0]);
  });
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

/** XML by its root: an XHTML or SVG document behind the XML declaration is still markup. */
function xmlOrMarkup(head: string): TextSniff {
  const root = head
    .replace(/^<\?xml[\s\S]*?\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  return /^(<!doctype html|<html|<svg)/.test(root) ? 'markup' : 'xml';
}
