import type { ExtractedField, Finding } from '@docflow/contracts';
import { readWithLayout, type RecalledValue, type VendorLayout } from '@docflow/vendor-memory';
import { field, type DocumentText } from '../extract/document-text';
import type { Extraction } from '../extract/field-set';
import { amountsAgree, parseAmount } from '../normalise/amount';
import { parseDate } from '../normalise/date';

/** A vendor's remembered layout and where it was learned (for the finding). */
export interface VendorMemory {
  layout: VendorLayout;
  /** The lesson's id: `${tenantId}:${documentId}:v${version}`. */
  learnedFrom: string;
}

/** Weight of what the extractors found themselves, against the remembered places (1 each). */
const OWN_WEIGHT = 0.3;
const CONFIDENCE = { label: 0.95, above: 0.92, position: 0.8 } as const;
/** A vendor's own field (name, tax id, currency) given by the reviewer. */
const CONSTANT_CONFIDENCE = 0.97;
/** Constants that may change from one document to the next (a vendor billing in another currency). */
const FILL_ONLY: ReadonlySet<string> = new Set(['currency']);
/** Both the extractors and the memory read this value. */
const AGREED_CONFIDENCE = 0.97;

type Value = ExtractedField['value'];

/**
 * Fields of a document from a vendor whose layout a reviewer taught: the vendor's own fields are
 * the reviewer's values (the currency only where none was read), and every other remembered field is read at its remembered places (same
 * label, label above, line position). The places vote (each place 1, a value's later places less)
 * with what the extractors found (0.3), so a memory outvotes the extractors but two places that
 * agree outvote one that moved. Each field filled or confirmed from memory raises its confidence
 * and says so in an info finding `field.vendor_memory`.
 */
export function applyVendorLayout(
  doc: DocumentText,
  extraction: Extraction,
  memory: VendorMemory,
): { extraction: Extraction; findings: Finding[] } {
  const recalled = readWithLayout(doc.text, memory.layout);
  const fields = { ...extraction.fields };
  const used: string[] = [];
  for (const [name, constant] of Object.entries(recalled.constants)) {
    const own = fields[name];
    if (own && same(own.value, constant.value))
      fields[name] = { ...own, confidence: Math.max(own.confidence, CONSTANT_CONFIDENCE) };
    else if (own && FILL_ONLY.has(name)) continue;
    else
      fields[name] = constant.span
        ? field(doc, constant.value, constant.span.start, constant.span.end, CONSTANT_CONFIDENCE)
        : { value: constant.value, confidence: CONSTANT_CONFIDENCE };
    used.push(name);
  }
  for (const [name, places] of Object.entries(recalled.values)) {
    const chosen = vote(doc, places, fields[name]);
    if (!chosen) continue;
    const own = fields[name];
    fields[name] =
      own && same(own.value, chosen.value)
        ? { ...own, confidence: Math.max(own.confidence, AGREED_CONFIDENCE) }
        : field(
            doc,
            chosen.value,
            chosen.place.start,
            chosen.place.end,
            CONFIDENCE[chosen.place.via],
          );
    used.push(name);
  }
  // the extractors' totals that add up are not traded for remembered ones that do not (a tax
  // printed in one row per rate: the memory remembers one row, the extractors add them)
  const kept =
    closes(extraction.fields) && !closes(fields) ? new Set<string>(TOTALS) : new Set<string>();
  for (const name of kept) {
    const own = extraction.fields[name];
    if (own) fields[name] = own;
  }
  const findings: Finding[] = used
    .filter((name) => !kept.has(name))
    .map((name) => ({
      code: 'field.vendor_memory',
      severity: 'info',
      field: name,
      message: `read with the layout a reviewer taught for ${memory.layout.vendorName ?? 'this vendor'} (${memory.learnedFrom})`,
    }));
  return { extraction: { ...extraction, fields }, findings };
}

const TOTALS = ['subtotal', 'taxAmount', 'total'] as const;

/** Whether subtotal + tax = total, all three read. */
function closes(fields: Extraction['fields']): boolean {
  const [sub, tax, total] = TOTALS.map((n) => fields[n]?.value);
  return (
    typeof sub === 'number' &&
    typeof tax === 'number' &&
    typeof total === 'number' &&
    amountsAgree(sub + tax, total)
  );
}

function parse(doc: DocumentText, place: RecalledValue): Value | undefined {
  if (place.kind === 'amount') return parseAmount(place.raw, doc.decimalHint)?.value;
  if (place.kind === 'date') {
    const order = place.reading === 'mdy' ? 'mdy' : place.reading === 'dmy' ? 'dmy' : doc.dateOrder;
    return parseDate(place.raw, order)?.value;
  }
  const text = place.raw.trim();
  return text === '' ? undefined : text;
}

function same(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 0.005;
  return String(a).trim().toUpperCase() === String(b).trim().toUpperCase();
}

/**
 * The value the places and the extractors' own reading vote for, with its strongest place;
 * undefined when the extractors' own value wins (or nothing was read).
 */
function vote(
  doc: DocumentText,
  places: readonly RecalledValue[],
  own: ExtractedField | undefined,
): { value: Value; place: RecalledValue } | undefined {
  const tally: { value: Value; weight: number; place?: RecalledValue }[] = [];
  if (own && own.value !== null) tally.push({ value: own.value, weight: OWN_WEIGHT });
  for (const place of places) {
    const value = parse(doc, place);
    if (value === undefined || value === null) continue;
    const entry = tally.find((t) => same(t.value, value));
    if (entry) {
      entry.weight += place.weight;
      entry.place ??= place;
    } else tally.push({ value, weight: place.weight, place });
  }
  let best: (typeof tally)[number] | undefined;
  for (const t of tally) if (!best || t.weight > best.weight) best = t;
  return best?.place && { value: best.value, place: best.place };
}
