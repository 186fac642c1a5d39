import { field, foldPattern, type DocumentText, type Line } from './document-text';
import { fromToken, type Extraction, type Fields } from './field-set';
import { findLabels, labelledValues, readDate } from './label-values';
import { datesIn } from './tokens';

// Patterns run on folded text (same length as the original), so offsets map back exactly. A name
// is at most NAME characters (`(.{1,160}?)`), and no two whitespace matchers stand side by side, so
// each try is bounded and a search over any text is linear.
const NAME = '(.{1,160}?)';
const RAW_PARTY_PATTERNS: RegExp[] = [
  String.raw`entre los suscritos,?(?:\s+a saber)?:?\s+${NAME}(?:,|\s\()`,
  String.raw`,\s+y\s+${NAME},\s+(?:mayor de edad|identificad|sociedad|persona|con (?:c[eé]dula|dni|rut|nit|cuit))`,
  String.raw`(?:party a|parte l|parte a)[\s:]+${NAME}(?:\s\(|$)`,
  String.raw`(?:party b|parte 2|parte b)[\s:]+${NAME}(?:\s\(|$)`,
  String.raw`^[^\S\n]*between[\s:]+${NAME}(?:\s\(|,|$)`,
  String.raw`^[^\S\n]*and\s*:\s*${NAME}(?:\s\(|,|$)`,
  String.raw`by and between\s+${NAME}(?:\s\(|,)`,
  String.raw`\(.{0,30}?\)\s+and\s+${NAME}(?:\s\(|,)`,
  String.raw`de una parte,?\s+(?:(?:d\.?|dna\.?|don|doña)\s*)?${NAME}(?:,|\s\()`,
  String.raw`y de otra(?: parte)?,?\s+(?:(?:d\.?|dna\.?|don|doña)\s*)?${NAME}(?:,|\s\(|\.[^\S\n]*$)`,
  String.raw`se celebra entre\s+${NAME}(?:\s\(|,)`,
  String.raw`\)\s+y\s+${NAME}(?:\s\(|,)`,
  String.raw`\bbetween\s+${NAME}(?:\s\(|,)`,
  String.raw`\),(?:\s+an?\s[^,]{0,60},)?\s+and\s+${NAME}(?:\s\(|,)`,
].map((source) => new RegExp(source, 'm'));
const folded = foldPattern;
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
  // `entered into on March 4, 2024 (the "Effective Date")`: the date the definition follows
  const defined = findLabels(doc, 'effectiveDate')
    .filter((h) => /["“(]\s*$/.test(h.line.text.slice(Math.max(0, h.from - 6), h.from)))
    .flatMap((h) => {
      const before = [doc.lines[h.line.index - 1], h.line].filter((l): l is Line => !!l);
      return before.flatMap((line) =>
        datesIn(doc, line, 0, line === h.line ? h.from : line.text.length).map((d) => ({
          line,
          d,
        })),
      );
    })
    .pop();
  const labelled = labelledValues(doc, 'effectiveDate', readDate, [])[0];
  const firstDate = doc.lines
    .slice(0, 12)
    .flatMap((line) => datesIn(doc, line).map((d) => ({ line, d })))[0];
  if (defined) fields.effectiveDate = fromToken(doc, defined.line, defined.d, 0.9);
  else if (labelled)
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
