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

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentiles (NaN for no values). */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { p50: at(50), p95: at(95), p99: at(99) };
}
