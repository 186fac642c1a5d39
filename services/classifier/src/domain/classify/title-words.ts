import type { DocType } from '@docflow/contracts';
import { VOCABULARIES } from '../language/vocabulary';
import type { DocumentText, Line } from '../extract/document-text';
import { cellsOf } from '../extract/tokens';

export interface Title {
  docType: DocType;
  /** The title's cell as printed. */
  text: string;
  line: number;
}

interface TitleWords {
  words: string;
  docType: DocType;
}

/** Where a document's title can be: the head of its first page. */
const HEAD_LINES = 30;
/** A line of more cells than this is a table row or a row of labels, not a heading. */
const MAX_CELLS = 3;
/**
 * A title printed for display (`W A R E N R E C H N U N G`, `RECHNUNGS-KORREKTUR`) may share the
 * first lines with the address columns: there a row of many cells can hold it.
 */
const WIDE_ROW_LINES = 3;
/** A compound needs this many letters before its title word (`Mietrechnung`, not `Rechnung`). */
const COMPOUND_HEAD = 3;
/**
 * What may follow a title in its cell: nothing, a number marker (`Nr.`, `N°`, `No`), or a code
 * that is mostly digits (`FA-2017-0010`, `#INV-0042`; not OCR's `origina1`), or a short series
 * and a number (`NC 2024/7`).
 */
const NUMBER_MARKER = /^(?:nr|no|n°|nº|n|num|number|nummer|numero|número|numéro)\.?$/;
/** Or a few words and then a number marker and a number (`Beitragsrechnung zur Kfz-Versicherung Nr. 00.123`). */
const NUMBERED_LATER =
  /^\s*(?:\S+\s+){0,4}?(?:nr|no|n°|nº|number|nummer|numero)\.?\s*:?\s*[A-Z0-9][\w./-]*\d/i;

function plain(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function fromVocabularies(pick: 'titles' | 'compoundTitles'): TitleWords[] {
  return Object.values(VOCABULARIES)
    .flatMap((v) =>
      Object.entries(v[pick] ?? {}).flatMap(([docType, words]) =>
        words.map((w) => ({ words: plain(w), docType: docType as DocType })),
      ),
    )
    .sort((a, b) => b.words.length - a.words.length);
}

let titles: { listed: TitleWords[]; compounds: TitleWords[] } | undefined;

/** A word printed letter by letter (`W A R E N R E C H N U N G`) as one word. */
function unspaced(text: string): string {
  return /^(?:\S ){3,}\S$/.test(text) ? text.replace(/ /g, '') : text;
}

/** A token that is mostly digits (`FA-2017-0010`, `2024/7`), not a word with an OCR digit (`origina1`). */
function isCode(token: string): boolean {
  const letters = (token.match(/[a-z]/g) ?? []).length;
  return /\d/.test(token) && letters * 2 <= token.length;
}

function headingRest(rest: string): boolean {
  // `Orden de compra: OC-38447`, `Purchase order ..... PO-1`: a label with its value, not a title
  if (/^\s*(?::|\.{2,})/.test(rest)) return false;
  // `INVOICE NO : 18287/102`, `Receipt No.: 003-12`: the number's label, not a title
  if (/^\s*(?:nr|no|n°|nº|number|nummer|numero)\.?\s*:/.test(rest)) return false;
  const [first = '', second = ''] = rest.replace(/^[\s#.\-–]+/, '').split(/\s+/);
  return (
    first === '' ||
    isCode(first) ||
    NUMBER_MARKER.test(first) ||
    // a series and its number (`Nota de crédito NC 2024/7`)
    (/^[a-z]{1,3}$/.test(first) && isCode(second)) ||
    NUMBERED_LATER.test(rest)
  );
}

/**
 * `Gutschrift (Selbst ausgestellte Rechnung) Nr. 4711`: a word qualified by a parenthesis that ends
 * in a title word is titled by the parenthesis (a self-billed invoice, whatever the word before it).
 */
const QUALIFIED = /^[a-z-]+ \(([^()]{0,60}?)([a-z]+)\)(.*)$/;

/**
 * The title a cell begins with, if it is a heading: a listed title, else a compound ending in one.
 * A PDF text layer can put a space inside a word where the glyphs are kerned apart (`Rechnungskor
 * rektur Nr. RK21`): when the cell's first two words say nothing, they are read once more as one.
 */
function titleOf(cellText: string): TitleWords | undefined {
  const found = titleOfPlain(plain(unspaced(cellText)));
  if (found) return found;
  const split = /^([a-z]{3,}) ([a-z]{2,})(?![a-z])/.exec(plain(cellText));
  return split
    ? titleOfPlain(`${split[1]}${plain(cellText).slice(split[1]!.length + 1)}`)
    : undefined;
}

function titleOfPlain(text: string): TitleWords | undefined {
  titles ??= { listed: fromVocabularies('titles'), compounds: fromVocabularies('compoundTitles') };
  const qualified = QUALIFIED.exec(text);
  if (qualified) {
    const inner = titleOfPlain(qualified[2]!);
    return inner && headingRest(qualified[3]!) ? inner : undefined;
  }
  const listed = titles.listed.find((t) => {
    const next = text.slice(t.words.length, t.words.length + 2);
    // a title word joined to another (`Lieferschein-Nr`, `Rechnungsadresse`) is part of a label
    return text.startsWith(t.words) && !/^[a-z]|^-[a-z]/.test(next);
  });
  if (listed) return headingRest(text.slice(listed.words.length)) ? listed : undefined;
  const word = /^[a-z]+/.exec(text)?.[0] ?? '';
  const compound = titles.compounds.find(
    (t) => word.length >= t.words.length + COMPOUND_HEAD && word.endsWith(t.words),
  );
  if (!compound || /^-[a-z]/.test(text.slice(word.length, word.length + 2))) return undefined;
  return headingRest(text.slice(word.length)) ? compound : undefined;
}

/** A cell printed for display: spaced letters, or capitals alone (no lower case, no digits). */
function isDisplayed(text: string): boolean {
  return unspaced(text) !== text || (/^[A-ZÄÖÜÉÈ-]{6,}$/.test(text) && /[A-Z]{3}/.test(text));
}

function isLabelCell(line: Line, cellEnd: number): boolean {
  // `Bestellung          : B123456789`: the value's colon opens the next cell
  return /^\s*[:=]/.test(line.text.slice(cellEnd));
}

/**
 * The document's title: the first cell in the head of page one that begins with a title word of
 * any vocabulary (`RECHNUNG`, `Facture FA-2017-0010`, `Factuur nr. 2024-031`, `Nota fiscal`), or
 * with a compound ending in one (`Mietrechnung Nr. 9314`), and holds nothing after it but a number.
 * A cell in a row of many cells is a column head; a title word followed by other words
 * (`Invoice date`, `Rechnung gemäß Bestellung`) or by a colon (`Bestellung: B123`) is a label or a
 * sentence, not a title.
 */
export function findTitle(doc: DocumentText): Title | undefined {
  const firstPageEnd = doc.pageStarts[1] ?? Infinity;
  for (const line of doc.lines.slice(0, HEAD_LINES)) {
    if (line.start >= firstPageEnd) break;
    const cells = cellsOf(line);
    if (cells.length === 0) continue;
    const wide = cells.length > MAX_CELLS;
    if (wide && line.index >= WIDE_ROW_LINES) continue;
    for (const cell of cells) {
      if (isLabelCell(line, cell.to)) continue;
      if (wide && !isDisplayed(cell.text)) continue;
      const title = titleOf(cell.text);
      if (title) return { docType: title.docType, text: cell.text, line: line.index };
    }
  }
  return undefined;
}
