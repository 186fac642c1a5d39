import type { DocumentStatus } from '@docflow/documents';
import {
  percentile,
  previousUtcDay,
  summariseDay,
  utcDayRange,
  type DigestRow,
} from '../../src/domain/daily-digest';

const T0 = new Date('2026-03-14T09:00:00.000Z');
const row = (status: DocumentStatus, latencyMs: number | null, docType?: string): DigestRow => ({
  status,
  createdAt: T0,
  finishedAt: latencyMs === null ? null : new Date(T0.getTime() + latencyMs),
  ...(docType ? { result: { docType } } : {}),
});

describe('daily digest summary', () => {
  it('when a day has documents in every outcome, then counts, failure rate and percentiles follow them', () => {
    const summary = summariseDay([
      row('published', 1_000, 'invoice'),
      row('published', 2_000, 'invoice'),
      row('published', 3_000, 'receipt'),
      row('needs_review', 4_000, 'receipt'),
      row('failed', 10_000),
      row('rejected', 500),
      row('scanned', null),
      row('cancelled', 60_000, 'contract'),
    ]);

    expect(summary.documents).toBe(8);
    expect(summary.byOutcome).toEqual({
      published: 3,
      needs_review: 1,
      rejected: 1,
      failed: 1,
      cancelled: 1,
      in_progress: 1,
    });
    expect(summary.byType.invoice).toMatchObject({ published: 2, failed: 0 });
    expect(summary.byType.receipt).toMatchObject({ published: 1, needs_review: 1 });
    expect(summary.byType.unclassified).toMatchObject({ failed: 1, rejected: 1, in_progress: 1 });
    expect(summary.failureRate).toBe(0.125);
    // cancelled and running documents are not timed: [500, 1000, 2000, 3000, 4000, 10000]
    expect(summary.latencyMs).toEqual({ p50: 2_000, p95: 10_000, settled: 6 });
  });

  it('when a day has no documents, then the rate and percentiles are null', () => {
    expect(summariseDay([])).toMatchObject({
      documents: 0,
      failureRate: null,
      latencyMs: { p50: null, p95: null, settled: 0 },
    });
  });

  it('when percentiles are taken, then they are nearest-rank values of the sample', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(sorted, 0.5)).toBe(100);
    expect(percentile(sorted, 0.95)).toBe(190);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('when a run happens just after midnight UTC, then the default day is the one before', () => {
    expect(previousUtcDay(new Date('2026-03-01T00:15:00.000Z'))).toBe('2026-02-28');
    expect(utcDayRange('2026-02-28')).toEqual({
      from: new Date('2026-02-28T00:00:00.000Z'),
      to: new Date('2026-03-01T00:00:00.000Z'),
    });
  });
});
