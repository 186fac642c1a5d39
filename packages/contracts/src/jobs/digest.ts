/** Where a document of a digest ended up: its status when the digest ran, settled or not. */
export const digestOutcomes = [
  'published',
  'needs_review',
  'rejected',
  'failed',
  'cancelled',
  'in_progress',
] as const;
export type DigestOutcome = (typeof digestOutcomes)[number];

/** The type of documents never classified (rejected, failed early, still running). */
export const UNCLASSIFIED = 'unclassified';

/**
 * One tenant's daily digest as stored in `digests` (`_id` = `${tenantId}:${date}`): the
 * daily-digest job writes it (a re-run replaces it), the gateway reads it. Covers the documents the
 * tenant uploaded on the UTC day `date`, with their status when the digest ran.
 */
export interface DigestRecord {
  _id: string;
  tenantId: string;
  /** The UTC day, YYYY-MM-DD. */
  date: string;
  documents: number;
  byOutcome: Record<DigestOutcome, number>;
  /** Per document type (`unclassified` when none), documents by outcome. */
  byType: Record<string, Record<DigestOutcome, number>>;
  /** failed / documents; null for a day without documents. */
  failureRate: number | null;
  /**
   * Upload to the settled status (published, needs review, rejected, failed; cancelled documents
   * are left out), nearest-rank percentiles over `settled` documents.
   */
  latencyMs: { p50: number | null; p95: number | null; settled: number };
  generatedAt: Date;
  runId: string;
}

export const digestId = (tenantId: string, date: string): string => `${tenantId}:${date}`;
