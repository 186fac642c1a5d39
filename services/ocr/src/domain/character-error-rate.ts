/** Whitespace runs become one space, ends trimmed: layout is not what OCR quality measures. */
export const normaliseForCer = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Character error rate: edit distance between the texts over the reference length. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const ref = [...normaliseForCer(reference)];
  const hyp = [...normaliseForCer(hypothesis)];
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const cost = ref[i - 1] === hyp[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[hyp.length]! / ref.length;
}
