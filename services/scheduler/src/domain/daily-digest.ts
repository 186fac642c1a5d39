import {
  UNCLASSIFIED,
  digestOutcomes,
  type DigestOutcome,
  type DigestRecord,
} from '@docflow/contracts';
import type { DocumentRecord, DocumentStatus } from '@docflow/documents';

const DAY_MS = 86_400_000;

/** The fields of a document a digest reads. */
export type DigestRow = Pick<DocumentRecord, 'status' | 'createdAt' | 'finishedAt'> & {
  result?: { docType?: string };
};

export type DaySummary = Pick<
  DigestRecord,
  'documents' | 'byOutcome' | 'byType' | 'failureRate' | 'latencyMs'
>;

const OUTCOME: Record<DocumentStatus, DigestOutcome> = {
  received: 'in_progress',
  scanned: 'in_progress',
  text_extracted: 'in_progress',
  classified: 'in_progress',
  needs_review: 'needs_review',
  published: 'published',
  rejected: 'rejected',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Outcomes whose time from upload is the pipeline's end-to-end latency (not a person's cancel). */
const TIMED: ReadonlySet<DigestOutcome> = new Set([
  'published',
  'needs_review',
  'rejected',
  'failed',
]);

const zeroes = (): Record<DigestOutcome, number> =>
  Object.fromEntries(digestOutcomes.map((o) => [o, 0])) as Record<DigestOutcome, number>;

/** A day's documents as counts by outcome and type, failure rate and latency percentiles. */
export function summariseDay(rows: Iterable<DigestRow>): DaySummary {
  const byOutcome = zeroes();
  const byType: Record<string, Record<DigestOutcome, number>> = {};
  const latencies: number[] = [];
  let documents = 0;
  for (const row of rows) {
    const outcome = OUTCOME[row.status];
    const type = row.result?.docType ?? UNCLASSIFIED;
    documents += 1;
    byOutcome[outcome] += 1;
    (byType[type] ??= zeroes())[outcome] += 1;
    if (TIMED.has(outcome) && row.finishedAt)
      latencies.push(row.finishedAt.getTime() - row.createdAt.getTime());
  }
  latencies.sort((a, b) => a - b);
  return {
    documents,
    byOutcome,
    byType,
    failureRate: documents === 0 ? null : round(byOutcome.failed / documents, 4),
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      settled: latencies.length,
    },
  };
}

/** Nearest-rank percentile of sorted values (null for none). */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/** The UTC day before the one `at` falls in, as YYYY-MM-DD. */
export function previousUtcDay(at: Date): string {
  return new Date(at.getTime() - DAY_MS).toISOString().slice(0, 10);
}

/** The instants a UTC day covers: [from, to). */
export function utcDayRange(date: string): { from: Date; to: Date } {
  const from = new Date(`${date}T00:00:00.000Z`);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
