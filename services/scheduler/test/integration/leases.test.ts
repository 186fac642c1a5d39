import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { JobRunRecord } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import type { Lease } from '../../src/adapters/lease-store';
import { parseConfig, type Worker } from '@docflow/platform';
import { createTestContext, repoRoot, waitFor, type TestContext } from '@docflow/testing';
import { schedulerConfigSchema, startScheduler, type SchedulerConfig } from '../../src/main';
import { probeJob, type ProbeOptions, type ProbeRun } from './support/probe-job';

describe('scheduler leases', () => {
  let ctx: TestContext;
  const started: Worker<SchedulerConfig>[] = [];
  const children: ChildProcess[] = [];

  const config = (extra: Record<string, string> = {}): SchedulerConfig =>
    parseConfig(schedulerConfigSchema, {
      ...ctx.env,
      LOG_LEVEL: 'warn',
      HTTP_PORT: '0',
      SHUTDOWN_TIMEOUT_MS: '1000',
      ...extra,
    });

  const replica = async (owner: string, leaseMs: number, probe: ProbeOptions = {}) => {
    const worker = await startScheduler(config({ SCHEDULER_LEASE_MS: String(leaseMs) }), {
      owner,
      jobs: ({ mongo }) => [probeJob(mongo.db, owner, probe)],
    });
    started.push(worker);
    return worker;
  };

  const runs = () => ctx.db.collection<JobRunRecord>(COLLECTIONS.jobRuns);

  beforeEach(async () => {
    ctx = await createTestContext('scheduler-leases');
  }, 30_000);

  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const worker of started.splice(0)) await worker.stop();
    await ctx.cleanup();
  }, 30_000);

  it('when two replicas share a schedule, then every firing runs exactly once and week-old leases go', async () => {
    const leaseDocs = ctx.db.collection<Lease>(COLLECTIONS.jobLeases);
    const longAgo = new Date(Date.now() - 8 * 86_400_000);
    await leaseDocs.insertOne({
      _id: `probe@${longAgo.toISOString()}`,
      kind: 'lease',
      job: 'probe',
      runId: 'old-run',
      owner: 'gone',
      scheduledFor: longAgo,
      takenAt: longAgo,
      expiresAt: longAgo,
      releasedAt: longAgo,
    });
    // side by side, as replicas start: both ensure the same new indexes at the same moment
    await Promise.all([replica('a', 60_000), replica('b', 60_000)]);

    const firings = 5;
    await waitFor(
      async () => (await runs().countDocuments({ status: 'succeeded' })) >= firings,
      20_000,
      `${firings} runs`,
    );
    for (const worker of started.splice(0)) await worker.stop();

    const probe = await ctx.db.collection<ProbeRun>('probe_runs').find().toArray();
    const recorded = await runs().find().toArray();
    const times = recorded.map((r) => r.scheduledFor!.toISOString());
    expect(new Set(times).size).toBe(recorded.length);
    expect(probe).toHaveLength(recorded.length);
    expect(recorded.every((r) => r.status === 'succeeded')).toBe(true);
    const expiry = (await leaseDocs.listIndexes().toArray()).find((i) => i.name === 'lease_expiry');
    expect(expiry?.key).toEqual({ expiresAt: 1 });
    if (expiry?.expireAfterSeconds !== undefined) {
      // a TTL index (MongoDB): the server deletes leases a week after they expire
      expect(expiry.expireAfterSeconds).toBe(7 * 86_400);
    } else {
      // no TTL on this server (FerretDB 1.x): each firing's winner pruned them
      expect(await leaseDocs.countDocuments({ runId: 'old-run' })).toBe(0);
    }
    const leases = await leaseDocs.countDocuments({ kind: 'lease', runId: { $ne: 'old-run' } });
    expect(leases).toBe(recorded.length);
  }, 60_000);

  it('when a run outlasts its lease, then its holder renews it and no replica takes the firing over or overlaps it', async () => {
    const leaseMs = 1_500;
    await replica('a', leaseMs, { holdFirstMs: 6_000 });
    await replica('b', leaseMs, { holdFirstMs: 6_000 });

    const probes = ctx.db.collection<ProbeRun>('probe_runs');
    const first = await waitFor(
      () => probes.find().sort({ at: 1 }).limit(1).next(),
      20_000,
      'the first (long) run',
    );
    const long = await waitFor(
      async () => {
        const run = await runs().findOne({ _id: first._id });
        return run?.finishedAt ? run : null;
      },
      30_000,
      'the long run finished',
    );
    await waitFor(
      () => runs().findOne({ status: 'succeeded', scheduledFor: { $gt: long.finishedAt! } }),
      20_000,
      'a run after the long one',
    );
    for (const worker of started.splice(0)) await worker.stop();

    expect(long.status).toBe('succeeded');
    const leases = ctx.db.collection<Lease>(COLLECTIONS.jobLeases);
    const lease = await leases.findOne({ runId: long._id, kind: 'lease' });
    const originalExpiry = lease!.takenAt.getTime() + leaseMs;
    // held past its original expiry: renewed while running, released at the end
    expect(lease!.releasedAt!.getTime()).toBeGreaterThan(originalExpiry);
    expect(lease!.expiresAt.getTime()).toBeGreaterThan(originalExpiry);
    expect(await leases.countDocuments({ kind: 'takeover' })).toBe(0);
    // firings decided after the original expiry found the lease alive and skipped
    const skipped = await runs()
      .find({ status: 'skipped', requestedAt: { $gt: new Date(originalExpiry) } })
      .toArray();
    expect(skipped.filter((r) => r.requestedAt < long.finishedAt!).length).toBeGreaterThan(0);
    expect(skipped.every((r) => r.error?.code === 'JOB_OVERLAP')).toBe(true);
    // and nothing ran while the long run held the lease
    const overlapping = await probes.countDocuments({
      _id: { $ne: long._id },
      at: { $gte: long.startedAt!, $lt: long.finishedAt! },
    });
    expect(overlapping).toBe(0);
  }, 90_000);

  it('when the lease holder is killed mid-run, then its lease expires and a later firing runs', async () => {
    // node itself (not the tsx wrapper), so SIGKILL hits the process holding the lease
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'support/replica.ts')],
      {
        env: {
          ...process.env,
          ...ctx.env,
          LOG_LEVEL: 'warn',
          HTTP_PORT: '0',
          SCHEDULER_LEASE_MS: '3000',
          REPLICA_OWNER: 'doomed',
          PROBE_HANG: '1',
        },
        cwd: repoRoot,
        stdio: 'ignore',
      },
    );
    children.push(child);
    const stuck = await waitFor(
      () => runs().findOne({ owner: 'doomed', status: 'running' }),
      20_000,
      'a run held by the doomed replica',
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    await replica('survivor', 3_000);

    const later = await waitFor(
      () =>
        runs().findOne({
          owner: 'survivor',
          status: 'succeeded',
          scheduledFor: { $gt: stuck.scheduledFor! },
        }),
      20_000,
      'a run by the survivor',
    );
    expect(later.trigger).toBe('schedule');
    const killed = await waitFor(
      async () => {
        const run = await runs().findOne({ _id: stuck._id });
        return run?.status === 'failed' ? run : null;
      },
      10_000,
      'the killed run marked failed',
    );
    expect(killed.error?.code).toBe('JOB_LEASE_EXPIRED');
  }, 90_000);
});
