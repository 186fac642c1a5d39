import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { JobRunRecord } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { parseConfig, type Worker } from '@docflow/platform';
import { createTestContext, repoRoot, waitFor, type TestContext } from '@docflow/testing';
import { schedulerConfigSchema, startScheduler, type SchedulerConfig } from '../../src/main';
import { probeJob, type ProbeRun } from './support/probe-job';

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

  const replica = async (owner: string, leaseMs: number, hang: boolean) => {
    const worker = await startScheduler(config({ SCHEDULER_LEASE_MS: String(leaseMs) }), {
      owner,
      jobs: ({ mongo }) => [probeJob(mongo.db, owner, { hang })],
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

  it('when two replicas share a schedule, then every firing runs exactly once', async () => {
    // one after the other: FerretDB drops a connection when two clients create one database's
    // collections at the same moment
    await replica('a', 60_000, false);
    await replica('b', 60_000, false);

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
    const leases = await ctx.db.collection(COLLECTIONS.jobLeases).countDocuments({ kind: 'lease' });
    expect(leases).toBe(recorded.length);
  }, 60_000);

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

    await replica('survivor', 3_000, false);

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
