import type { ProcessResult } from '@docflow/classifier/domain/process-document';
import { learnLayout, type CorrectedValue, type VendorLayout } from '@docflow/vendor-memory';
import { normaliseText, valuesEqual } from './field-match';
import type { LabelledDoc } from './labelled-doc';
import { round } from './metrics';

/** The classifier run on one document, with a vendor's remembered layout or without. */
export type RunWithMemory = (
  doc: LabelledDoc,
  memory?: readonly { layout: VendorLayout; learnedFrom: string }[],
) => ProcessResult;

export interface Lesson {
  id: string;
  vendor: string;
  layout: VendorLayout;
}

/** The truth's vendor: the seller or merchant name, folded. */
const vendorOf = (doc: LabelledDoc): string | undefined => {
  const name = doc.fields.sellerName ?? doc.fields.merchantName;
  return typeof name === 'string' ? normaliseText(name).replace(/ /g, '') : undefined;
};

/** Documents by the truth's vendor, in id order: the vendors with two or more. */
export function vendorGroups(docs: readonly LabelledDoc[]): [string, LabelledDoc[]][] {
  const byVendor = new Map<string, LabelledDoc[]>();
  for (const doc of [...docs].sort((a, b) => a.id.localeCompare(b.id))) {
    const vendor = vendorOf(doc);
    if (vendor) byVendor.set(vendor, [...(byVendor.get(vendor) ?? []), doc]);
  }
  return [...byVendor].filter(([, group]) => group.length >= 2);
}

/** What a reviewer's correction of `doc` teaches: its extraction with the truth put in. */
export function teach(doc: LabelledDoc, run: RunWithMemory): VendorLayout | undefined {
  const read = run(doc);
  const corrected: Record<string, CorrectedValue> = {
    ...Object.fromEntries(
      Object.entries(read.extraction.fields).map(([name, f]) => [name, f.value]),
    ),
    ...doc.fields,
  };
  return learnLayout(doc.docType, doc.text, corrected);
}

/** What the store recalls for a text's keys: the lessons sharing one, newest (last) first. */
export function recall(lessons: readonly Lesson[], vendorKeys: readonly string[]) {
  const keys = new Set(vendorKeys);
  return lessons
    .filter((l) => l.layout.vendorKeys.some((k) => keys.has(k)))
    .reverse()
    .map((l) => ({ layout: l.layout, learnedFrom: l.id }));
}

/** Fields right out of the truth's fields (a wrong type gets none). */
export function rightFields(doc: LabelledDoc, result: ProcessResult) {
  let right = 0;
  const wrong: string[] = [];
  for (const [name, expected] of Object.entries(doc.fields)) {
    const actual = result.docType === doc.docType ? result.extraction.fields[name]?.value : null;
    if (actual !== undefined && actual !== null && valuesEqual(expected, actual)) right += 1;
    else wrong.push(name);
  }
  return { right, total: Object.keys(doc.fields).length, wrong };
}

/**
 * The per-vendor memory measured on a labelled set: for each vendor with two or more documents,
 * the first one (by id) is "corrected" — its extraction with the truth's values put in, as a
 * reviewer would send it — and a layout learned from it; then every other document of the set's
 * vendors is read without memory and with the memory its own text finds (the same look-up as the
 * service: keys from the text, the strongest lesson of its type), and its fields scored. All the
 * lessons sit in one memory, so a document that finds another vendor's lesson counts against it.
 */
export function evaluateVendorMemory(docs: readonly LabelledDoc[], run: RunWithMemory) {
  const groups = vendorGroups(docs);
  const lessons: Lesson[] = [];
  for (const [vendor, [teacher]] of groups) {
    const layout = teach(teacher!, run);
    if (layout) lessons.push({ id: `eval:${teacher!.id}`, vendor, layout });
  }
  const perVendor: {
    vendor: string;
    documents: number;
    fields: number;
    rightBefore: number;
    rightAfter: number;
    foundOwnLesson: number;
  }[] = [];
  const errors: { id: string; before: string[]; after: string[]; lesson?: string }[] = [];
  let wrongLesson = 0;
  const ledger = { publishedBefore: 0, publishedAfter: 0, wrongTotalBefore: 0, wrongTotalAfter: 0 };
  const publish = (doc: LabelledDoc, result: ProcessResult, when: 'Before' | 'After') => {
    if (result.outcome !== 'classified') return;
    ledger[`published${when}`] += 1;
    const total = result.extraction.fields.total?.value;
    if (doc.fields.total !== undefined && (total == null || !valuesEqual(doc.fields.total, total)))
      ledger[`wrongTotal${when}`] += 1;
  };
  for (const [vendor, group] of groups) {
    const row = {
      vendor,
      documents: 0,
      fields: 0,
      rightBefore: 0,
      rightAfter: 0,
      foundOwnLesson: 0,
    };
    for (const doc of group.slice(1)) {
      const before = run(doc);
      const recalled = recall(lessons, before.vendorKeys);
      const after = recalled.length > 0 ? run(doc, recalled) : before;
      const lesson = lessons.find((l) => l.id === after.vendorMemory);
      publish(doc, before, 'Before');
      publish(doc, after, 'After');
      const b = rightFields(doc, before);
      const a = rightFields(doc, after);
      row.documents += 1;
      row.fields += b.total;
      row.rightBefore += b.right;
      row.rightAfter += a.right;
      if (lesson?.vendor === vendor) row.foundOwnLesson += 1;
      else if (lesson) wrongLesson += 1;
      if (a.wrong.length > 0 || b.wrong.length > 0)
        errors.push({
          id: doc.id,
          before: b.wrong,
          after: a.wrong,
          ...(lesson ? { lesson: lesson.id } : {}),
        });
    }
    perVendor.push(row);
  }
  const sum = (k: 'documents' | 'fields' | 'rightBefore' | 'rightAfter' | 'foundOwnLesson') =>
    perVendor.reduce((s, r) => s + r[k], 0);
  const fields = Math.max(1, sum('fields'));
  return {
    vendors: groups.length,
    corrected: lessons.length,
    documents: sum('documents'),
    fieldAccuracyBefore: round(sum('rightBefore') / fields),
    fieldAccuracyAfter: round(sum('rightAfter') / fields),
    foundOwnLesson: sum('foundOwnLesson'),
    foundOtherVendorsLesson: wrongLesson,
    /** Published without review, and of those with a wrong total, without memory and with it. */
    ledger,
    perVendor,
    errors,
  };
}

export type VendorMemoryScores = ReturnType<typeof evaluateVendorMemory>;

/** The vendor-memory table: before and after per vendor, then the whole. */
export function printVendorMemory(
  scores: VendorMemoryScores & {
    rotated?: { pairs: number; fieldAccuracyBefore: number; fieldAccuracyAfter: number };
  },
  write: (s: string) => void,
): void {
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
  write(
    `\nvendor memory: ${scores.vendors} vendors with ≥ 2 documents, one corrected each; ${scores.documents} other documents read\n`,
  );
  write(`${'vendor'.padEnd(40)} docs  before     after      own lesson\n`);
  for (const r of scores.perVendor)
    write(
      `${r.vendor.slice(0, 39).padEnd(40)} ${String(r.documents).padStart(4)}  ${pct(r.rightBefore, r.fields).padEnd(9)}  ${pct(r.rightAfter, r.fields).padEnd(9)}  ${r.foundOwnLesson}/${r.documents}\n`,
    );
  write(
    `field accuracy on same-vendor documents: ${(scores.fieldAccuracyBefore * 100).toFixed(1)} % without memory → ${(scores.fieldAccuracyAfter * 100).toFixed(1)} % with it; own vendor's lesson found for ${scores.foundOwnLesson} of ${scores.documents}, another vendor's for ${scores.foundOtherVendorsLesson}\n`,
  );
  const l = scores.ledger;
  write(
    `published without review: ${l.publishedBefore} → ${l.publishedAfter} of ${scores.documents}; with a wrong total: ${l.wrongTotalBefore} → ${l.wrongTotalAfter}\n`,
  );
  const r = scores.rotated;
  if (r)
    write(
      `every document in turn the corrected one (${r.pairs} pairs): ${(r.fieldAccuracyBefore * 100).toFixed(1)} % → ${(r.fieldAccuracyAfter * 100).toFixed(1)} %\n`,
    );
}
