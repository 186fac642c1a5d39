import { batchProgress, percentile } from '../../src/batch-progress';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('batch progress', () => {
  it('when documents settle at different times, then the batch shows counts, percent and nearest-rank percentiles', () => {
    const rows = [
      { status: 'published' as const, stage: null, createdAt: at(0), finishedAt: at(2) },
      { status: 'rejected' as const, stage: null, createdAt: at(0), finishedAt: at(4) },
      { status: 'published' as const, stage: null, createdAt: at(1), finishedAt: at(11) },
      { status: 'scanned' as const, stage: 'ocr' as const, createdAt: at(1), finishedAt: null },
    ];
    const p = batchProgress(4, at(0), rows);
    expect(p).toMatchObject({ total: 4, settled: 3, percentDone: 75, finishedAt: null });
    expect(p.byStatus).toMatchObject({ published: 2, rejected: 1, scanned: 1, failed: 0 });
    expect(p.byStage).toEqual({ ocr: 1 });
    expect(p.latencyMs).toEqual({ p50: 4000, p95: 10000, max: 10000 });
    expect(batchProgress(3, at(0), rows.slice(0, 3)).finishedAt).toEqual(at(11));
    expect(percentile([], 0.5)).toBeNull();
  });
});
