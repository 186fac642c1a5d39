import { field, fold, type DocumentText } from './document-text';
import { fromToken, type Extraction, type Fields } from './field-set';
import { labelledValues, readDate } from './label-values';
import { datesIn } from './tokens';

// Patterns run on folded text (same length as the original), so offsets map back exactly.
const RAW_PARTY_PATTERNS: RegExp[] = [
  /(?:party a|parte l|parte a)[\s:]+(.+?)(?:\s\(|$)/m,
  /(?:party b|parte 2|parte b)[\s:]+(.+?)(?:\s\(|$)/m,
  /(?:^|\n)\s*between[\s:]+(.+?)(?:\s\(|,|$)/m,
  /(?:^|\n)\s*and[\s:]+(.+?)(?:\s\(|,|$)/m,
  /by and between\s+(.+?)(?:\s\(|,)/,
  /\(.{0,30}?\)\s+and\s+(.+?)(?:\s\(|,)/,
  /de una parte,?\s+(?:d\.?|dna\.?|don|doña)?\s*(.+?)(?:,|\s\()/,
  /y de otra(?: parte)?,?\s+(?:d\.?|dna\.?|don|doña)?\s*(.+?)(?:,|\s\(|\.\s*$)/m,
  /se celebra entre\s+(.+?)(?:\s\(|,)/,
  /\)\s+y\s+(.+?)(?:\s\(|,)/,
];
/** Folded like the text they run on (`c`→`e`, `i`→`l`…), keeping their flags. */
const folded = (re: RegExp) =>
  new RegExp(
    re.source.replace(/(?<!\\)[A-Za-zÀ-ÿ]/g, (ch) => fold(ch)),
    re.flags,
  );
const PARTY_PATTERNS = RAW_PARTY_PATTERNS.map(folded);
const RAW_END_WORDS =
  /(ends on|end on|until|expires on|terminates on|hasta el|hasta|finaliza el|vence el|expira el)/;

const END_WORDS = folded(RAW_END_WORDS);

/** Contracts: the two parties, the effective date, the end date when one is written. */
export function extractContract(doc: DocumentText): Extraction {
  const fields: Fields = {};
  const text = doc.lines.map((l) => l.folded).join('\n');
  const parties: { value: string; start: number }[] = [];
  for (const re of PARTY_PATTERNS) {
    const m = re.exec(text);
    if (!m || m[1]!.trim().length < 3) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    const value = doc.text.slice(start, start + m[1]!.trim().length).trim();
    if (parties.some((p) => p.start === start || p.value === value)) continue;
    parties.push({ value, start });
    if (parties.length === 2) break;
  }
  parties.sort((a, b) => a.start - b.start);
  parties.forEach((p, i) => {
    fields[i === 0 ? 'partyA' : 'partyB'] = field(
      doc,
      p.value,
      p.start,
      p.start + p.value.length,
      0.8,
    );
  });
  const labelled = labelledValues(doc, 'effectiveDate', readDate, [])[0];
  const firstDate = doc.lines
    .slice(0, 12)
    .flatMap((line) => datesIn(doc, line).map((d) => ({ line, d })))[0];
  if (labelled)
    fields.effectiveDate = fromToken(doc, labelled.line, labelled, labelled.score * 0.95);
  else if (firstDate) fields.effectiveDate = fromToken(doc, firstDate.line, firstDate.d, 0.75);
  for (const line of doc.lines) {
    const m = END_WORDS.exec(line.folded);
    if (!m) continue;
    const date = datesIn(doc, line, m.index).find((d) => d.value !== fields.effectiveDate?.value);
    if (date) {
      fields.endDate = fromToken(doc, line, date, 0.85);
      break;
    }
  }
  return { fields, tables: {} };
}
