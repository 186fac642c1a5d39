import { batchProgress, percentile } from '../../src/domain/batch-progress';
import { decodeCursor, encodeCursor } from '../../src/domain/cursor';
import { hashKey, issueKey, keyIdOf, sameSecret } from '../../src/domain/api-keys';
import { cleanFilename } from '../../src/domain/intake';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

describe('gateway domain', () => {
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

  it('when a cursor round-trips, then it decodes to the same position, and a forged one is refused', () => {
    const cursor = { createdAt: at(5), id: 'abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('eyJ4IjoxfQ')).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
    expect(() => decodeCursor('%%%')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('when a key is issued, then its id is readable from it, only its hash is kept, and look-alikes are refused', () => {
    const issued = issueKey();
    expect(keyIdOf(issued.key)).toBe(issued.keyId);
    expect(issued.hash).toBe(hashKey(issued.key));
    expect(issued.hash).not.toContain(issued.key.slice(20));
    expect(keyIdOf(`${issued.key}x`)).toBeUndefined();
    expect(sameSecret('a'.repeat(30), 'a'.repeat(30))).toBe(true);
    expect(sameSecret('a'.repeat(30), 'b'.repeat(30))).toBe(false);
  });

  it('when a client sends a path or control characters as a file name, then only a clean base name is kept', () => {
    expect(cleanFilename('C:\\Users\\x\\factura.pdf')).toBe('factura.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a\u0000b\u001fc.pdf')).toBe('abc.pdf');
    expect(cleanFilename(undefined)).toBe('upload');
    expect(cleanFilename('x'.repeat(400))).toHaveLength(255);
  });
});
