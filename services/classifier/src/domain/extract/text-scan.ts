// Linear-time helpers for the checks that read best as a regex anchored at the end of a text
// (`/\s+$/`, `/(^|\s{2,}|\t)[\s|]*$/`): a regex engine tries such patterns at every position of
// a long run of spaces and rescans the run each time, which is quadratic in the run's length.

const WHITESPACE = /\s/;

/** `text` without its trailing characters for which `drop` holds. */
export function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

export const isSpace = (ch: string): boolean => WHITESPACE.test(ch);

/**
 * Whether column `at` of `text` starts a cell: only whitespace (and, with `pipes`, `|`) lies
 * between it and the start of the text, a tab or a run of 2+ whitespace characters. The same as
 * `/(^|\s{2,}|\t)[\s|]*$/.test(text.slice(0, at))`, in time linear in the gap.
 */
export function startsCell(text: string, at: number, pipes = true): boolean {
  let previousSpace = false;
  for (let i = at - 1; i >= 0; i -= 1) {
    const ch = text[i]!;
    const space = isSpace(ch);
    if (!space && !(pipes && ch === '|')) return false;
    if (ch === '\t' || (space && previousSpace)) return true;
    previousSpace = space;
  }
  return true;
}
