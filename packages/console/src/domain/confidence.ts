/** How sure the extraction was, in three bands a reviewer can scan: shown as colour and word. */
export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.85) return 'high';
  if (confidence >= 0.6) return 'medium';
  return 'low';
}

export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
