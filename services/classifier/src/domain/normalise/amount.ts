import { CODE_ALTERNATIVES, CURRENCY_SIGNS, PREFIX_SIGN } from './currency-signs';

/**
 * A money amount as found in text, normalised to a number (`1,234.56`, `1.234,56`, `1 234,56`,
 * `1'234.56`; currency before or after).
 */
export interface ParsedAmount {
  value: number;
  /** ISO 4217 code when the text carried a symbol or code. */
  currency?: string;
  /** How sure the parse is: lower when the thousands/decimal separator was a guess. */
  confidence: number;
}

export type DecimalHint = 'dot' | 'comma' | undefined;

/** OCR confusions inside a run of digits: O→0, l/I/|→1, S→5, B→8. */
function fixOcrDigits(s: string): string {
  if (/\d/.test(s) && /^[\dOoQDlI|SB.,' \u00a0\u202f]+$/.test(s)) {
    return s
      .replace(/[OoQD]/g, '0')
      .replace(/[lI|]/g, '1')
      .replace(/S/g, '5')
      .replace(/B/g, '8');
  }
  return s
    .replace(/(?<=[\d.,])[OoDQ](?=[\d.,]|$)|^[OoQ](?=[\d.,])/g, '0')
    .replace(/(?<=[\d.,])[lI|](?=[\d.,]|$)|^[lI|](?=[\d.,])/g, '1')
    .replace(/(?<=[\d.,])S(?=[\d.,]|$)/g, '5')
    .replace(/(?<=[\d.,])B(?=[\d.,]|$)/g, '8');
}

const CURRENCY_CODES = new RegExp(`\\b(${CODE_ALTERNATIVES})\\b`, 'i');
const SIGNS = new RegExp(PREFIX_SIGN, 'g');

/**
 * Parses an amount: currency symbols/codes, signs (`-12.50`, `(12.50)`, `12.50-`, `12.50 CR`),
 * thousands separators (`,` `.` space `'`), OCR digit confusions. Returns null when the text is not
 * an amount. A lone separator followed by exactly three digits (`1,234`) is taken as a thousands
 * separator unless `hint` says the document writes decimals with that character.
 */
export function parseAmount(raw: string, hint?: DecimalHint): ParsedAmount | null {
  let text = raw.trim();
  if (text.length === 0 || text.length > 40) return null;
  const currency = detectCurrency(text);
  text = text.replace(CURRENCY_CODES, ' ').replace(SIGNS, ' ').trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  } else if (/^\+/.test(text)) text = text.slice(1).trim();
  if (/[-−–]$/.test(text) || /\s(CR|DR)$/i.test(text)) {
    negative = /[-−–]$|\sDR$/i.test(text) ? true : negative;
    text = text
      .replace(/\s?(CR|DR)$/i, '')
      .replace(/[-−–]$/, '')
      .trim();
  }
  text = fixOcrDigits(text);
  if (!/^\d{1,3}([ .,'’\u00a0\u202f]?\d{3})*([.,]\d{1,3})?$|^\d+([.,]\d{1,3})?$/.test(text))
    return null;
  const compact = text.replace(/[ '’\u00a0\u202f]/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalSep: '.' | ',' | null = null;
  let confidence = 1;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = compact.split(sep).length - 1;
    const after = compact.length - compact.lastIndexOf(sep) - 1;
    if (count > 1) decimalSep = null;
    else if (after !== 3) decimalSep = sep;
    else if ((hint === 'comma' && sep === ',') || (hint === 'dot' && sep === '.')) {
      decimalSep = sep;
      confidence = 0.8;
    } else {
      decimalSep = null;
      confidence = 0.7;
    }
  }
  let normalised = compact;
  if (decimalSep === ',') normalised = compact.replace(/\./g, '').replace(',', '.');
  else if (decimalSep === '.') normalised = compact.replace(/,/g, '');
  else normalised = compact.replace(/[.,]/g, '');
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  const rounded = Math.round((negative ? -value : value) * 100) / 100;
  return { value: rounded === 0 ? 0 : rounded, ...(currency ? { currency } : {}), confidence };
}

/** The currency a piece of text names by ISO code or sign (`$` alone is read as USD). */
export function detectCurrency(text: string): string | undefined {
  const code = CURRENCY_CODES.exec(text);
  if (code) return code[1]!.toUpperCase();
  return CURRENCY_SIGNS.find(([sign]) => sign.test(text))?.[1];
}

/** Whether two amounts agree to the cent (the arithmetic checks' tolerance). */
export function amountsAgree(a: number, b: number, tolerance = 0.01): boolean {
  return Math.abs(a - b) <= tolerance + 1e-9;
}
