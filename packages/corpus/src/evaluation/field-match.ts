/** How eval compares an extracted value with the ground truth. */
/** Case, accents, punctuation and whitespace folded: `Mr. D.I.Y. (M)` and `MR D I Y M` agree. */
export function normaliseText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return 1 - dp[b.length]! / Math.max(a.length, b.length, 1);
}

/**
 * Numbers agree to the cent; ISO dates exactly; text after case/accent/punctuation folding, with an
 * edit similarity of 0.85 so an OCR-damaged letter in a name still counts (the name was found).
 */
export function valuesMatch(expected: string | number, actual: unknown): boolean {
  if (typeof expected === 'number')
    return typeof actual === 'number' && Math.abs(expected - actual) <= 0.011;
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  const a = normaliseText(String(expected));
  const b = normaliseText(String(actual));
  return a === b || similarity(a, b) >= 0.85;
}

/**
 * The strict comparison used on real documents: numbers to the cent, text (dates in ISO, names,
 * codes) equal once case, accents, punctuation and whitespace are folded; no edit tolerance.
 */
export function valuesEqual(expected: string | number, actual: unknown): boolean {
  if (typeof expected === 'number')
    return typeof actual === 'number' && Math.abs(expected - actual) <= 0.005;
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  return normaliseText(String(expected)) === normaliseText(String(actual));
}
