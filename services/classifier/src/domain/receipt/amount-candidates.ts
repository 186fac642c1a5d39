import type { DocumentText, Line } from '../extract/document-text';
import { amountsIn, type Token } from '../extract/tokens';
import { rolesOf, type AmountRole } from './amount-labels';

/** One amount printed on a receipt, with what its labels say it is. */
export interface AmountCandidate {
  at: Line;
  token: Token<number>;
  value: number;
  /** Roles named by the words left of it on its line (back to the previous amount). */
  left: Set<AmountRole>;
  /** Roles named left of it anywhere on its line (a row's label for every amount in it). */
  line: Set<AmountRole>;
  /** Roles named by the line above when that line is a label alone (no amount). */
  above: Set<AmountRole>;
  /** How many amounts its line holds, and whether it is the rightmost one. */
  onLine: number;
  rightmost: boolean;
  /** Two decimals printed (`12.50`, `12,50`). */
  cents: boolean;
  /** A currency sign or code next to it or at the start of its cell (`RM`, `$`, `€`). */
  currency: boolean;
  negative: boolean;
}

/** The most amounts a receipt is read for (a till roll holds a few dozen; a hostile text more). */
const MAX_CANDIDATES = 400;
/** The most amounts read of one line (a till row holds two to five). */
const MAX_PER_LINE = 12;

/** How far left of an amount its label is looked for (a till roll's dotted leaders included). */
const LABEL_REACH = 120;

const CURRENCY = /(rm|myr|\$|€|£|eur|usd|gbp|sgd|s\/)\s*-?$/i;

/**
 * Every amount on the page as a total candidate: the amount tokens of each line, with the label
 * words left of each (back to the amount before it, so `TOTAL QTY: 4   465.34` gives the quantity
 * to `4` and `total` to `465.34`) and the line above when it holds only a label.
 */
export function amountCandidates(doc: DocumentText): AmountCandidate[] {
  const out: AmountCandidate[] = [];
  let labelAbove = new Set<AmountRole>();
  for (const line of doc.lines) {
    if (out.length >= MAX_CANDIDATES) break;
    const tokens = amountsIn(doc, line)
      .filter((t) => Math.abs(t.value) < 1e7)
      .slice(0, MAX_PER_LINE);
    if (tokens.length === 0) {
      if (line.text.trim()) labelAbove = rolesOf(line.folded.slice(0, LABEL_REACH));
      continue;
    }
    let from = 0;
    const lineRoles = new Set<AmountRole>();
    for (const [i, token] of tokens.entries()) {
      if (out.length >= MAX_CANDIDATES) break;
      const before = line.text.slice(Math.max(0, token.from - 6), token.from);
      // a label sits near its amount: at most LABEL_REACH characters back
      const left = rolesOf(line.folded.slice(Math.max(from, token.from - LABEL_REACH), token.from));
      for (const role of left) lineRoles.add(role);
      out.push({
        at: line,
        token,
        value: Math.abs(token.value),
        left,
        line: new Set(lineRoles),
        above: labelAbove,
        onLine: tokens.length,
        rightmost: i === tokens.length - 1,
        cents: /[.,]\d{2}\)?-?$/.test(line.numeric.slice(token.from, token.to).trim()),
        currency: !!token.currency || CURRENCY.test(before),
        negative: token.value < 0 || /-\s*(rm|\$|€)?\s*$/i.test(before),
      });
      from = token.to;
    }
    labelAbove = new Set();
  }
  return out;
}
