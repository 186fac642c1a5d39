import { parseConfig, type Worker } from '@docflow/platform';
import { waitFor } from '@docflow/testing';
import { schedulerConfigSchema, startScheduler, type SchedulerConfig } from '@docflow/scheduler';
import {
  ADMIN_KEY,
  call,
  startHarness,
  type Harness,
} from '../../../../../services/gateway/test/support/harness';

describe('jobs through the gateway and a real scheduler', () => {
  let h: Harness;
  let scheduler: Worker<SchedulerConfig>;
  beforeAll(async () => {
    h = await startHarness('gateway-jobs');
    scheduler = await startScheduler(
      parseConfig(schedulerConfigSchema, {
        ...h.ctx.env,
        LOG_LEVEL: 'warn',
        HTTP_PORT: '0',
        SCHEDULER_ENABLED: 'false',
      }),
    );
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.stop();
  });

  it('when the catalogue is listed, then every job shows its schedule and parameter schema', async () => {
    const res = await call(h, 'GET', '/v1/jobs', { key: ADMIN_KEY });
    expect(res.status).toBe(200);
    const sweeper = res.body.items.find(
      (j: { name: string }) => j.name === 'stuck-document-sweeper',
    );
    expect(sweeper).toMatchObject({ schedule: '*/5 * * * *', lastRun: null });
    expect(sweeper.parameters.properties).toHaveProperty('maxRepublishes');
    const { key } = await h.tenant();
    expect((await call(h, 'GET', '/v1/jobs', { key })).status).toBe(401);
  });

  it('when a job is run on demand, then the scheduler runs it and the run shows its outcome', async () => {
    const started = await call(h, 'POST', '/v1/jobs/queue-depth-sampler/runs', {
      key: ADMIN_KEY,
      body: {},
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', trigger: 'on_demand' });
    const done = await waitFor(
      async () => {
        const run = await call(h, 'GET', `/v1/jobs/runs/${started.body.id}`, { key: ADMIN_KEY });
        return ['succeeded', 'failed'].includes(run.body.status) ? run.body : null;
      },
      20_000,
      'run finished',
    );
    expect(done.status).toBe('succeeded');
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    const listed = await call(h, 'GET', '/v1/jobs', { key: ADMIN_KEY });
    expect(
      listed.body.items.find((j: { name: string }) => j.name === 'queue-depth-sampler').lastRun.id,
    ).toBe(started.body.id);
  });

  it('when parameters break the job schema or the job is unknown, then 400 with the issues', async () => {
    const bad = await call(h, 'POST', '/v1/jobs/stuck-document-sweeper/runs', {
      key: ADMIN_KEY,
      body: { maxRepublishes: -1, colour: 'red' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details.issues.length).toBeGreaterThanOrEqual(2);
    expect(
      (await call(h, 'POST', '/v1/jobs/make-coffee/runs', { key: ADMIN_KEY, body: {} })).status,
    ).toBe(400);
  });
});
