import type { Language } from '../language/language';
import type { ExtractedField } from '@docflow/contracts';
import type { DecimalHint } from '../normalise/amount';
import type { DateOrder } from '../normalise/date';

export interface Line {
  index: number;
  /** Offset of the line's first character in the document text. */
  start: number;
  text: string;
  /** Same length as `text`: lower case, no accents, OCR look-alikes folded (0→o, 1→l, c→e…). */
  folded: string;
  /** Same length as `text`: letters that OCR put inside numbers turned back into digits. */
  numeric: string;
}

export interface DocumentText {
  text: string;
  lines: Line[];
  /** Offsets where each page starts (pages are separated by form feeds). */
  pageStarts: number[];
  decimalHint: DecimalHint;
  dateOrder: DateOrder;
  language: Language;
}

const FOLD: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  i: 'l',
  '|': 'l',
  '5': 's',
  '8': 'b',
  c: 'e',
  v: 'u',
};

function foldChar(ch: string): string {
  const base = ch
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const single = base.length === 1 ? base : ch.length === 1 ? ch : '?'.repeat(ch.length);
  return FOLD[single] ?? single;
}

/** ASCII folds by table: most text is ASCII, and a character at a time through normalize() is slow. */
const ASCII = Array.from({ length: 128 }, (_, code) => foldChar(String.fromCharCode(code)));

/** Characters fold changes: upper case, the look-alikes, anything outside ASCII (per code point). */
const CHANGED_ASCII = ASCII.flatMap((folded, code) =>
  folded === String.fromCharCode(code) ? [] : [`\\x${code.toString(16).padStart(2, '0')}`],
).join('');
const CHANGED = new RegExp(`[^\\x00-\\x7f]|[${CHANGED_ASCII}]`, 'gu');

const ASCII_BYTES = Uint8Array.from(ASCII, (folded) => folded.charCodeAt(0));

/**
 * Folds a text in one pass: ASCII text byte by byte through a table, other text by a replace that
 * looks only at the characters folding changes.
 */
export function fold(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) {
    const bytes = Buffer.from(text, 'latin1');
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = ASCII_BYTES[bytes[i]!]!;
    return bytes.toString('latin1');
  }
  return text.replace(CHANGED, (ch) =>
    ch.length === 1 && ch < '\x80' ? ASCII[ch.charCodeAt(0)]! : foldChar(ch),
  );
}

function repairDigits(text: string): string {
  return text
    .replace(/(?<=\d[.,]?)[Oo](?=[\d.,]|\b)|(?<=\s|^)[Oo](?=[.,]\d)/g, '0')
    .replace(/(?<=\d[.,]?)[lI](?=[\d.,]|\b)|(?<=\s|^)[lI](?=[\d.,]\d)/g, '1');
}

function guessDecimal(raw: string): DecimalHint {
  // dates (`02.07.2022`) and versions are not amounts
  const text = raw.replace(/\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/g, ' ');
  const comma = (text.match(/\d,\d{2}(?!\d)/g) ?? []).length;
  const dot = (text.match(/\d\.\d{2}(?!\d)/g) ?? []).length;
  if (comma === dot) return undefined;
  return comma > dot ? 'comma' : 'dot';
}

function guessDateOrder(text: string, language: Language): DateOrder {
  let dmy = 0;
  let mdy = 0;
  for (const m of text.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/g)) {
    if (Number(m[1]) > 12) dmy += 1;
    if (Number(m[2]) > 12) mdy += 1;
  }
  if (dmy !== mdy) return dmy > mdy ? 'dmy' : 'mdy';
  if (language === 'en' && /\$|USD|\b[A-Z]{2} \d{5}\b|, (TX|CA|NY|WA|MA|IL|OR|CO)\b/.test(text))
    return 'mdy';
  return 'dmy';
}

export function prepareText(text: string, language: Language): DocumentText {
  const lines: Line[] = [];
  const pageStarts = [0];
  let offset = 0;
  const numericText = repairDigits(text);
  for (const raw of text.split('\n')) {
    const parts = raw.split('\f');
    let partOffset = offset;
    parts.forEach((part, i) => {
      if (i > 0) pageStarts.push(partOffset);
      lines.push({
        index: lines.length,
        start: partOffset,
        text: part,
        folded: fold(part),
        numeric: numericText.slice(partOffset, partOffset + part.length),
      });
      partOffset += part.length + 1;
    });
    offset += raw.length + 1;
  }
  return {
    text,
    lines,
    pageStarts,
    decimalHint: guessDecimal(numericText),
    dateOrder: guessDateOrder(text, language),
    language,
  };
}

/** A field found at [start, end) of the document text. */
export function field(
  doc: DocumentText,
  value: ExtractedField['value'],
  start: number,
  end: number,
  confidence: number,
): ExtractedField {
  let page = 1;
  for (let i = 0; i < doc.pageStarts.length; i += 1) if (doc.pageStarts[i]! <= start) page = i + 1;
  return {
    value,
    raw: doc.text.slice(start, end),
    confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000,
    span: { start, end, page },
  };
}

/** A pattern written for plain text, folded like the text it runs on (`c`→`e`, `i`→`l`…). */
export function foldPattern(re: RegExp): RegExp {
  return new RegExp(
    re.source.replace(/(?<!\\)[A-Za-zÀ-ÿ]/g, (ch) => fold(ch)),
    re.flags,
  );
}
