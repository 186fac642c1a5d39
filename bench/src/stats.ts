export interface RateSummary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarise(runs: number[]): RateSummary {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs };
}

export const fmt = (n: number): string => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));
export const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;
