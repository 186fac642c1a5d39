import type { ProcessResult } from '@docflow/classifier/domain/process-document';
import type { LabelledDoc } from './labelled-doc';
import { round } from './metrics';
import {
  recall,
  rightFields,
  teach,
  vendorGroups,
  type Lesson,
  type RunWithMemory,
} from './vendor-memory-eval';

/**
 * The vendor memory with every document corrected in turn, so the figure does not hang on which
 * document happened to be first: for each vendor with two or more documents and each of its
 * documents, that one is corrected and the vendor's others are read with the memory, which also
 * holds one lesson of every other vendor (their first documents'). Field accuracy over all those
 * (corrected, read) pairs, without memory and with it.
 */
export function rotateCorrections(docs: readonly LabelledDoc[], run: RunWithMemory) {
  const groups = vendorGroups(docs);
  const firsts: Lesson[] = groups.flatMap(([vendor, [first]]) => {
    const layout = teach(first!, run);
    return layout ? [{ id: `eval:${first!.id}`, vendor, layout }] : [];
  });
  const plain = new Map<string, ProcessResult>();
  const without = (doc: LabelledDoc) => {
    const known = plain.get(doc.id);
    if (known) return known;
    const result = run(doc);
    plain.set(doc.id, result);
    return result;
  };
  let pairs = 0;
  let fields = 0;
  let before = 0;
  let after = 0;
  for (const [vendor, group] of groups) {
    for (const teacher of group) {
      const layout = teach(teacher, run);
      const own: Lesson[] = layout ? [{ id: `eval:${teacher.id}`, vendor, layout }] : [];
      const memory = [...firsts.filter((l) => l.vendor !== vendor), ...own];
      for (const doc of group) {
        if (doc === teacher) continue;
        const first = without(doc);
        const recalled = recall(memory, first.vendorKeys);
        const read = recalled.length > 0 ? run(doc, recalled) : first;
        const b = rightFields(doc, first);
        pairs += 1;
        fields += b.total;
        before += b.right;
        after += rightFields(doc, read).right;
      }
    }
  }
  return {
    pairs,
    fieldAccuracyBefore: round(before / Math.max(1, fields)),
    fieldAccuracyAfter: round(after / Math.max(1, fields)),
  };
}
