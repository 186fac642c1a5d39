import type { Finding } from '@docflow/contracts';

/**
 * Cuts a text longer than `maxChars`, so no document carries more than that into classification;
 * the cut is recorded as a warning finding with the original and the kept length.
 */
export function capText(text: string, maxChars: number): { text: string; finding?: Finding } {
  if (text.length <= maxChars) return { text };
  return {
    text: text.slice(0, maxChars),
    finding: {
      code: 'text.truncated',
      severity: 'warning',
      message: `the text has ${text.length} characters; only the first ${maxChars} were classified (CLASSIFIER_MAX_TEXT_CHARS)`,
    },
  };
}
