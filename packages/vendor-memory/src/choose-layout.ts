import { compact } from './text-lines';
import type { VendorLayout } from './vendor-layout';

/** Characters of the text's start a misprinted vendor name is looked for in. */
const FUZZY_SPAN = 3000;

/**
 * The lesson to read a document with: among the recalled lessons of its type whose vendor the text
 * names (see namesVendor), the one whose vendor keys the document holds most strongly (an id counts
 * twice a name), the newest on a tie (`lessons` come newest first). An id alone does not decide:
 * sample and template invoices share placeholder VAT ids, and an extracted tax id can be the
 * buyer's. Undefined when none fits.
 */
export function chooseLayout<T extends { layout: VendorLayout }>(
  lessons: readonly T[],
  textKeys: readonly string[],
  docType: string,
  text: string,
): T | undefined {
  const present = new Set(textKeys);
  let best: { lesson: T; score: number } | undefined;
  for (const lesson of lessons) {
    if (lesson.layout.docType !== docType) continue;
    const { vendorName } = lesson.layout;
    if (vendorName !== undefined && !namesVendor(text, vendorName)) continue;
    const score = lesson.layout.vendorKeys.reduce(
      (sum, key) => sum + (present.has(key) ? (key.startsWith('id:') ? 2 : 1) : 0),
      0,
    );
    if (score > 0 && (!best || score > best.score)) best = { lesson, score };
  }
  return best?.lesson;
}

const words = (s: string) =>
  ` ${s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()} `;

/**
 * Whether the text prints the vendor's name: as whole words anywhere (`LIEFERANT GMBH` is not in
 * `MUSTERLIEFERANT GMBH`), or, near the start, with a letter or two misread (one edit in seven,
 * letters and digits only: `POPULAR BOOK CP. (M)` for `POPULAR BOOK CO. (M)`).
 */
export function namesVendor(text: string, name: string): boolean {
  const wanted = words(name);
  if (wanted.trim() === '') return false;
  if (words(text).includes(wanted)) return true;
  const pattern = compact(name);
  if (pattern.length < 8) return false;
  const limit = Math.floor(pattern.length / 7);
  // from each word's start only: `LIEFERANTGMBH` is not near `MUSTERLIEFERANTGMBH`
  const head = words(text.slice(0, FUZZY_SPAN)).trim().split(' ');
  const joined = head.join('');
  const grams = [0, 1, 2, 3].map((i) => pattern.slice(i, i + 3));
  let at = 0;
  for (const word of head) {
    // a misread name keeps three letters of its first six in a row (a cheap test before the
    // distance: `UAN HING` for `LIAN HING` keeps `ANH`)
    const start = joined.slice(at, at + 8);
    const hopeful = grams.some((g) => start.includes(g));
    if (hopeful && startsNear(joined.slice(at, at + pattern.length + limit), pattern, limit))
      return true;
    at += word.length;
  }
  return false;
}

/** Whether some prefix of `text` is within `limit` edits of `pattern`. */
function startsNear(text: string, pattern: string, limit: number): boolean {
  let prev = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= text.length; j += 1) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return Math.min(...prev) <= limit;
}
