import { createLogger } from '@docflow/platform';
import type { Lease } from '../../src/adapters/lease-store';
import { keepLease } from '../../src/runner/lease-keeper';

const lease: Lease = {
  _id: 'probe@2026-03-14T00:00:00.000Z',
  kind: 'lease',
  job: 'probe',
  runId: 'r1',
  owner: 'a',
  scheduledFor: new Date('2026-03-14T00:00:00.000Z'),
  takenAt: new Date('2026-03-14T00:00:00.000Z'),
  expiresAt: new Date('2026-03-14T00:00:00.030Z'),
};
const logger = createLogger({ service: 'test', level: 'silent' });

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('lease keeper', () => {
  it('when the run is alive, then the expiry moves a lease time past each renewal', async () => {
    const renewals: Date[] = [];
    const now = new Date('2026-03-14T00:00:01.000Z');
    const keeper = keepLease(lease, {
      leases: { renew: (_id, expiresAt) => (renewals.push(expiresAt), Promise.resolve(true)) },
      leaseMs: 30,
      logger,
      clock: () => now,
    });
    await until(() => renewals.length >= 2);
    await keeper.stop();
    const count = renewals.length;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(renewals.every((d) => d.getTime() === now.getTime() + 30)).toBe(true);
    expect(renewals).toHaveLength(count); // none after stop
    expect(keeper.signal.aborted).toBe(false);
  });

  it('when a renewal finds the lease taken over, then the run is aborted with JOB_LEASE_LOST', async () => {
    let calls = 0;
    let lost = 0;
    const keeper = keepLease(lease, {
      leases: { renew: () => Promise.resolve(++calls < 2) },
      leaseMs: 30,
      logger,
      onLost: () => lost++,
    });
    await until(() => keeper.signal.aborted);
    await keeper.stop();

    expect((keeper.signal.reason as { code: string }).code).toBe('JOB_LEASE_LOST');
    expect(lost).toBe(1);
    expect(calls).toBe(2);
  });

  it('when a renewal fails, then the keeper tries again instead of giving the lease up', async () => {
    let calls = 0;
    const keeper = keepLease(lease, {
      leases: {
        renew: () => (++calls === 1 ? Promise.reject(new Error('db down')) : Promise.resolve(true)),
      },
      leaseMs: 30,
      logger,
    });
    await until(() => calls >= 3);
    await keeper.stop();
    expect(keeper.signal.aborted).toBe(false);
  });
});
