import type { VendorLayout } from './vendor-layout';

/**
 * The lesson to read a document with: among the recalled lessons of its type, the one whose vendor
 * keys the document's text holds most strongly (an id counts twice a name), the newest on a tie
 * (`lessons` come newest first). Undefined when none is of the document's type.
 */
export function chooseLayout<T extends { layout: VendorLayout }>(
  lessons: readonly T[],
  textKeys: readonly string[],
  docType: string,
): T | undefined {
  const present = new Set(textKeys);
  let best: { lesson: T; score: number } | undefined;
  for (const lesson of lessons) {
    if (lesson.layout.docType !== docType) continue;
    const score = lesson.layout.vendorKeys.reduce(
      (sum, key) => sum + (present.has(key) ? (key.startsWith('id:') ? 2 : 1) : 0),
      0,
    );
    if (score > 0 && (!best || score > best.score)) best = { lesson, score };
  }
  return best?.lesson;
}
