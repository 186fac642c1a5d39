import type { Counts, UsageCounters } from '../../src/adapters/usage-counters';
import { createAuthFailureLimit } from '../../src/domain/auth-failure-limit';
import type { QuotaWindow } from '../../src/domain/quota-window';

/** The shared counters' contract, in memory: every addition kept, totals summed per window. */
function memoryCounters(): UsageCounters {
  const rows: { subject: string; start: number; amounts: Counts }[] = [];
  const total = (subject: string, window: QuotaWindow, names: readonly string[]) => {
    const mine = rows.filter((r) => r.subject === subject && r.start === window.start.getTime());
    if (mine.length === 0) return undefined;
    return Object.fromEntries(
      names.map((n) => [n, mine.reduce((sum, r) => sum + (r.amounts[n] ?? 0), 0)]),
    );
  };
  return {
    async add(subject, window, amounts) {
      rows.push({ subject, start: window.start.getTime(), amounts });
      return total(subject, window, Object.keys(amounts))!;
    },
    async read(subjects, window, names) {
      const found = new Map<string, Counts>();
      for (const s of subjects) {
        const counts = total(s, window, names);
        if (counts) found.set(s, counts);
      }
      return found;
    },
  };
}

describe('auth failure limit', () => {
  const now = new Date('2026-12-07T12:00:30Z');
  const limitWith = (counters: UsageCounters) =>
    createAuthFailureLimit({ counters, limits: { max: 3, windowMs: 60_000 }, clock: () => now });

  it('when one key id fails the limit from many addresses, then a further attempt for it is refused from a fresh address, naming the key id', async () => {
    // Arrange: three failures for key id k1, each from another address
    const limit = limitWith(memoryCounters());
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      await limit.fail({ address, keyId: 'k1' });

    // Act
    const attempt = limit.check({ address: '10.0.0.9', keyId: 'k1' });

    // Assert: refused for the key id, with the window's end to retry at
    await expect(attempt).rejects.toMatchObject({
      code: 'TOO_MANY_AUTH_FAILURES',
      message: expect.stringContaining('from this key id'),
      details: { limit: 'AUTH_FAILURE_LIMIT', max: 3, retryAfterSeconds: 30 },
    });
  });

  it('when one key id has failed below the limit, then other key ids and addresses are not refused', async () => {
    // Arrange
    const limit = limitWith(memoryCounters());
    await limit.fail({ address: '10.0.0.1', keyId: 'k1' });
    await limit.fail({ address: '10.0.0.2', keyId: 'k1' });

    // Act / Assert: neither k1 (two failures) nor another key from those addresses is refused
    await expect(limit.check({ address: '10.0.0.3', keyId: 'k1' })).resolves.toBeUndefined();
    await expect(limit.check({ address: '10.0.0.1', keyId: 'k2' })).resolves.toBeUndefined();
  });

  it('when the window ends, then the key id may try again', async () => {
    // Arrange: k1 at the limit in this window
    const counters = memoryCounters();
    const limit = limitWith(counters);
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3'])
      await limit.fail({ address, keyId: 'k1' });
    const later = createAuthFailureLimit({
      counters,
      limits: { max: 3, windowMs: 60_000 },
      clock: () => new Date(now.getTime() + 60_000),
    });

    // Act / Assert
    await expect(later.check({ address: '10.0.0.9', keyId: 'k1' })).resolves.toBeUndefined();
  });
});
