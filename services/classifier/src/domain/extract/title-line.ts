import { findTitle } from '../classify/title-words';
import type { DocumentText, Line } from './document-text';
import { datesIn, type Token } from './tokens';

export interface TitleValue<T> extends Token<T> {
  line: Line;
}

export interface TitleFields {
  number?: TitleValue<string>;
  date?: TitleValue<string>;
}

/** A number's marker after a title word (`Nr.`, `No`, `N°`, `#`, `Number`). */
const MARKER = /^(?:nr|no|n°|nº|num|number|nummer|numero|número|numéro|#)\.?:?$/i;
/** Words that lead the title's date (`Rechnung Nr. 4711 vom 05.03.2018`, `Facture … du …`). */
const DATE_LEAD = /^(?:vom|von|du|del|de|of|dated|from|dd|d\.d\.|datum)$/i;
/** A token that can be a document number: has a digit and is mostly digits, capitals and marks. */
const ID = /^[A-Z0-9][A-Z0-9./_-]{0,40}$/i;

const isId = (token: string) =>
  ID.test(token) && /\d/.test(token) && (token.match(/[a-z]/g) ?? []).length <= 2;

/**
 * The number and date a document's title carries (`Handelsrechnung Nr. 471102 vom 05.03.2018`,
 * `Rechnung # RE-20140703/502 vom 03.07.2014`, `Avoir AV-2017-0005`, `Gutschrift (…) Nr. 4711
 * vom` with the date on the next line): the first id after the title word, up to a few words and a
 * number marker later, and the first date after it on the title's line or at the start of the next.
 */
export function titleFields(doc: DocumentText): TitleFields {
  const title = findTitle(doc);
  if (!title) return {};
  const line = doc.lines[title.line]!;
  const at = line.text.indexOf(title.text);
  if (at < 0) return {};
  const out: TitleFields = {};
  const dates = datesIn(doc, line, at);
  const firstDate = dates[0];
  // words of the title's cell after its first word, left to right, with their columns
  const words = [...title.text.matchAll(/\S+/g)].slice(1);
  for (let i = 0; i < Math.min(words.length, 8); i += 1) {
    const w = words[i]!;
    const token = w[0].replace(/[,;:]$/, '');
    const from = at + w.index;
    if (firstDate && from >= firstDate.from) break;
    if (DATE_LEAD.test(token)) break;
    if (MARKER.test(token) || !isId(token)) continue;
    const previous = words[i - 1]?.[0] ?? '';
    // a code right after the title, or after a number marker (`Beitragsrechnung zur … Nr. 00.123`)
    if (i > 0 && !MARKER.test(previous.replace(/[.:]$/, '')) && !MARKER.test(previous)) break;
    const value = token.replace(/[.\-/]$/, '');
    out.number = { value, from, to: from + value.length, confidence: 1, line };
    break;
  }
  if (firstDate) out.date = { ...firstDate, line };
  else if (/\s(?:vom|du|del|of|dated)\s*$/i.test(line.text)) {
    const next = doc.lines.slice(line.index + 1, line.index + 3).find((l) => l.text.trim());
    const date = next && datesIn(doc, next)[0];
    if (date && next.text.slice(0, date.from).trim() === '') out.date = { ...date, line: next };
  }
  return out;
}
