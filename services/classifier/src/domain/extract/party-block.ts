import { fold, type DocumentText, type Line } from './document-text';
import type { LabelHit } from './label-values';
import { labelsOf } from './labels';
import { cellsOf, type Cell } from './tokens';

/** A party's name found in an address block: on one line, or two joined (`MVM …` / `… a.G.`). */
export interface BlockName {
  line: Line;
  from: number;
  /** Where the name ends: on `line`, or on `last` when it runs over two lines. */
  last: Line;
  to: number;
  value: string;
}

/** How far under its label an address block's name may be. */
const BLOCK_LINES = 8;
/** A salutation that opens an addressee (`Herrn`, `Frau`, `Monsieur`): the name follows it. */
const SALUTATION =
  /^(?:herrn?|frau|monsieur|madame|mme|mr\.?|mrs\.?|ms\.?|sr\.?|sra\.?|dhr\.?|mevr\.?)$/i;
/** Legal forms that end an organisation's name. */
const LEGAL_END =
  /(?:^|\s)(?:gmbh|ag|kg|se|ug|e\.?\s?v\.?|a\.?\s?g\.?|ohg|gbr|kgaa|sarl|sas|sa|eurl|bv|nv|ltd\.?|llc|inc\.?|plc|srl|spa|s\.?l\.?|s\.?a\.?)$/i;
/** Lines of an address block that are not the name: `key : value`, ids, streets, postcodes. */
const KEY_VALUE = /\S\s*:\s*\S|:\s*$/;

/** `Nummer        : GE2020211`: a cell whose value follows after a colon is a key. */
const isKey = (line: Line, cell: Cell): boolean => /^\s*[:=]/.test(line.text.slice(cell.to));

export const isSalutation = (text: string): boolean => SALUTATION.test(text.trim());

/** A line of an address block that can be a party's name. */
export function isBlockName(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 2 &&
    t.length <= 70 &&
    /\p{L}{2}/u.test(t) &&
    !/\d{3,}/.test(t) &&
    !KEY_VALUE.test(t) &&
    !/[@€$£]|https?:|www\./i.test(t) &&
    !/^(?:tel|fax|phone|telefon|e-?mail|iban|bic|gln|ust|vat|tva|page|seite)\b/i.test(t)
  );
}

/**
 * The cell of `line` under a label's column: overlapping it, else (a label alone on its line, its
 * block indented) the first cell starting at or right of it.
 */
function cellUnder(line: Line, from: number, to: number, alone: boolean): Cell | undefined {
  const cells = cellsOf(line);
  const over = cells.find((c) => c.from < to + 2 && c.to > from - 2 && c.from >= from - 6);
  if (over) return over;
  return alone ? cells.find((c) => c.from >= from - 4) : undefined;
}

/** `Max Mustermann` after `Herrn`, `Versicherungsverein Musterstadt a.G.` after `MVM Musterhafter`. */
function joinsNext(first: string, next: string | undefined): boolean {
  if (next === undefined || !isBlockName(next)) return false;
  if (isSalutation(first)) return true;
  return !LEGAL_END.test(first.trim()) && LEGAL_END.test(next.trim());
}

/**
 * A party's name read down an address block that starts at [from, to) of `line` (exclusive): the
 * first line of the block's column that can be a name, skipping `key : value` lines, ids and blank
 * lines, a salutation joined to the name after it and a name continued by its legal form joined
 * to it. Stops at another party label's line when `stop` says so.
 */
export function nameInBlock(
  doc: DocumentText,
  start: Line,
  from: number,
  to: number,
  options: { alone: boolean; stop?: (line: Line) => boolean; reach?: number },
): BlockName | undefined {
  const lines = doc.lines.slice(start.index + 1, start.index + 1 + (options.reach ?? BLOCK_LINES));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (options.stop?.(line)) return undefined;
    const cell = cellUnder(line, from, to, options.alone);
    if (!cell || isKey(line, cell)) continue;
    if (!isBlockName(cell.text) && !isSalutation(cell.text)) continue;
    const nextLine = lines.slice(i + 1, i + 3).find((l) => cellUnder(l, cell.from, cell.to, false));
    const next = nextLine && cellUnder(nextLine, cell.from, cell.to, false);
    if (nextLine && next && !isKey(nextLine, next) && joinsNext(cell.text, next.text))
      return {
        line,
        from: cell.from,
        last: nextLine,
        to: next.to,
        value: `${cell.text} ${next.text}`,
      };
    if (isSalutation(cell.text)) return undefined;
    return { line, from: cell.from, last: line, to: cell.to, value: cell.text };
  }
  return undefined;
}

/**
 * A party label the text layer split with a kerning space (`Ver käufer :`): the fragment before the
 * hit and the hit read as one word, when that word is a label of `group`.
 */
export function isSplitLabel(hit: LabelHit, group: 'seller' | 'buyer'): boolean {
  const before = /(?:^|\s)([a-z]{2,6}) $/.exec(hit.line.folded.slice(0, hit.from));
  if (!before) return false;
  const joined = `${before[1]}${hit.line.folded.slice(hit.from, hit.to)}`;
  return labelsOf(group).some((l) => new RegExp(`^${l.pattern.source}$`).test(joined));
}

// a run of spaces is tried once, from its start (linear in a line of 10^5 spaces)
const RETURN_SEPARATOR = /(?<!\s)\s+(?:[●•·|]|[-–])\s+/;
const POSTCODE = /\b\d{4,5}\s+\p{L}/u;

/**
 * The sender's return-address line above a window envelope's address (`Bei Spiel GmbH ● Ecke 12 ●
 * 12345 Stadthausen`) in the head of the page: the sender's name (its first part) and the
 * addressee's name (the block beneath it in the same column).
 */
export function returnAddress(
  doc: DocumentText,
): { seller?: BlockName; buyer?: BlockName } | undefined {
  for (const line of doc.lines.slice(0, 25)) {
    // the separators may stand in their own columns (`Bei Spiel GmbH   ●   Ecke 12   ●   12345 …`)
    const parts = line.text.split(RETURN_SEPARATOR);
    if (parts.length < 3) continue;
    const inner = parts.slice(1, -1);
    const last = parts[parts.length - 1]!.trim().split(/\s{2,}/)[0]!;
    if (![...inner, last].some((p) => POSTCODE.test(p))) continue;
    const headCells = parts[0]!.split(/\s{2,}/);
    const head = headCells[headCells.length - 1]!.trim();
    if (!isBlockName(head) || inner.some((p) => p.trim().length > 40)) continue;
    const from = parts[0]!.lastIndexOf(head);
    const seller: BlockName = { line, from, last: line, to: from + head.length, value: head };
    const buyer = nameInBlock(doc, line, from, from + 20, { alone: false, reach: 4 });
    return { seller, ...(buyer ? { buyer } : {}) };
  }
  return undefined;
}

/** The folded text of a block name, for comparisons. */
export const foldedName = (name: BlockName): string => fold(name.value);
