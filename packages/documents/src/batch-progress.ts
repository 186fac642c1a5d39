import {
  DOCUMENT_STATUSES,
  isSettled,
  type DocumentRecord,
  type DocumentStatus,
} from './document-state';

export interface BatchProgress {
  total: number;
  settled: number;
  percentDone: number;
  byStatus: Record<DocumentStatus, number>;
  byStage: Record<string, number>;
  startedAt: Date;
  finishedAt: Date | null;
  latencyMs: { p50: number | null; p95: number | null; max: number | null };
}

type Row = Pick<DocumentRecord, 'status' | 'stage' | 'createdAt' | 'finishedAt'>;

/** Progress of a batch from its documents' status rows (pure). */
export function batchProgress(total: number, startedAt: Date, rows: readonly Row[]): BatchProgress {
  const byStatus = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<
    DocumentStatus,
    number
  >;
  const byStage: Record<string, number> = {};
  const latencies: number[] = [];
  let lastFinish = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    if (row.stage) byStage[row.stage] = (byStage[row.stage] ?? 0) + 1;
    if (isSettled(row.status) && row.finishedAt) {
      latencies.push(row.finishedAt.getTime() - row.createdAt.getTime());
      lastFinish = Math.max(lastFinish, row.finishedAt.getTime());
    }
  }
  latencies.sort((a, b) => a - b);
  const settled = latencies.length;
  return {
    total,
    settled,
    percentDone: total === 0 ? 100 : Math.round((settled / total) * 1000) / 10,
    byStatus,
    byStage,
    startedAt,
    finishedAt: settled === total && total > 0 ? new Date(lastFinish) : null,
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      max: latencies.length > 0 ? latencies[latencies.length - 1]! : null,
    },
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}
