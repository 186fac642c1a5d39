import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  SERVICE_NAMES,
  createTestContext,
  repoRoot,
  startPipeline,
  type TestContext,
} from '@docflow/testing';

describe('starting the six services', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext('pipeline-start');
  });

  afterAll(() => ctx.cleanup());

  it.each(SERVICE_NAMES)(
    'when %s is given an invalid setting, then it exits 78 with the problem and no stack trace',
    (name) => {
      const run = spawnSync(
        process.execPath,
        [join(repoRoot, 'services', name, 'dist', 'main.js')],
        {
          env: { ...process.env, ...ctx.env, AMQP_PREFETCH: 'lots' },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(run.status).toBe(78);
      expect(run.stderr).toContain('invalid configuration:\n  - AMQP_PREFETCH:');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('when a service exits before it is ready, then the start fails at once, naming it and showing its output', async () => {
    const start = startPipeline({
      env: { ...ctx.env, SCHEDULER_ENABLED: 'false' },
      adminKey: 'a'.repeat(32),
      extraEnv: (name): Record<string, string> => (name === 'ocr' ? { AMQP_PREFETCH: 'lots' } : {}),
    });
    // without the early exit this waits out the readiness deadline (READY_TIMEOUT_MS, 3 min)
    await expect(start).rejects.toThrow(
      /ocr exited before it was ready \(78\)[\s\S]*AMQP_PREFETCH/,
    );
  }, 60_000);
});
