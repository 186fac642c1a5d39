import { foldPattern, type DocumentText, type Line } from '../extract/document-text';
import { datesIn, type Token } from '../extract/tokens';

/** Dates that are not the sale's: when the business started, a deadline, an authorisation. */
const OTHER_DATES = foldPattern(
  /inicio|actividad|ingreso|venc|vto|valid|hasta|cae|nacimiento|expir|caduc|best before|use by|due|exp\b|member since|since|period|from|until|bis|jusqu|gultig|geldig|scaden|validade/,
);
const DATE_LABEL = foldPattern(/\b(date|fecha|f\.\s?emisi|datum|data|fecha|tarikh|dated)\b/);
const TIME = /\d{1,2}:\d{2}/;

export interface SaleDate {
  line: Line;
  token: Token<string>;
  confidence: number;
}

/**
 * The sale's date: among the dates printed, the one with a time beside it or a date label, early
 * on the page, and not one that belongs to something else (start of activities, expiry, validity,
 * a period). Formats are the normaliser's: `25/12/2018`, `12-01-19`, `25.12.2018`, `2018-12-25`,
 * `25 Dec 2018`, `Dec 25, 2018`…, day first unless the page reads as American.
 */
export function chooseSaleDate(doc: DocumentText): SaleDate | undefined {
  let best: (SaleDate & { score: number }) | undefined;
  let dates = 0;
  for (const line of doc.lines) {
    const tokens = datesIn(doc, line);
    if (tokens.length === 0) continue;
    dates += 1;
    let score = 1 - line.index * 0.005;
    if (TIME.test(line.text)) score += 0.5;
    if (DATE_LABEL.test(line.folded)) score += 0.3;
    if (OTHER_DATES.test(line.folded)) score -= 1;
    if (!best || score > best.score)
      best = { line, token: tokens[0]!, score, confidence: tokens[0]!.confidence };
  }
  if (!best) return undefined;
  // one date, or a clear winner, is the sale's; an unlabelled date among others is a guess
  const sure = dates === 1 || best.score >= 1.2;
  return {
    line: best.line,
    token: best.token,
    confidence: best.token.confidence * (sure ? 0.95 : 0.7),
  };
}
