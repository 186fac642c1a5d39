import { spawnSync } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  SERVICE_NAMES,
  createTestContext,
  freePort,
  repoRoot,
  startPipeline,
  startServiceProcesses,
  waitFor,
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

  it('when the database cannot be reached at start, then a service waits for it, says so, and starts once it answers', async () => {
    const dbPort = await freePort();
    const opsPort = await freePort();
    const lines: string[] = [];
    const service = startServiceProcesses({
      names: ['classifier'],
      env: () => ({
        ...process.env,
        ...ctx.env,
        MONGODB_URL: `mongodb://127.0.0.1:${dbPort}`,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(opsPort),
        LOG_LEVEL: 'warn',
      }),
      onLine: (_name, line) => lines.push(line),
    });
    // the database "comes up": a TCP relay to the real server on the port the service was given
    let relay: Server | undefined;
    const sockets: Socket[] = [];
    try {
      await waitFor(
        () => lines.some((line) => line.includes('database unreachable; retrying')),
        30_000,
        'the service saying it waits for the database',
      );
      expect(service.process('classifier')?.exitCode).toBeNull();
      const target = new URL(ctx.mongoUrl);
      relay = createServer((inbound) => {
        const outbound = connect(Number(target.port), target.hostname);
        sockets.push(inbound, outbound);
        inbound.pipe(outbound).pipe(inbound);
        inbound.on('error', () => outbound.destroy());
        outbound.on('error', () => inbound.destroy());
      });
      await new Promise<void>((resolve) => relay!.listen(dbPort, '127.0.0.1', resolve));
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${opsPort}/readyz`)).ok,
        60_000,
        'the service ready once the database answers',
      );
    } finally {
      await service.stop();
      for (const socket of sockets) socket.destroy();
      relay?.close();
    }
  }, 120_000);
});
