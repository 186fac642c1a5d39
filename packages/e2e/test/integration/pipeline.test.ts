import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { queuesOf } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import {
  createTestContext,
  repoRoot,
  startServiceProcesses,
  waitFor,
  type ServiceProcesses,
  type TestContext,
} from '@docflow/testing';

const ADMIN_KEY = randomBytes(24).toString('hex');
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const SETTLED = ['published', 'needs_review', 'rejected', 'failed', 'cancelled'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the whole pipeline: six services as separate processes', () => {
  let ctx: TestContext;
  let services: ServiceProcesses;
  let base: string;
  const output: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('e2e-pipeline');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    services = startServiceProcesses({
      env: () => ({
        ...process.env,
        ...ctx.env,
        LOG_LEVEL: 'warn',
        HTTP_PORT: '0',
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: String(port),
        ADMIN_API_KEY: ADMIN_KEY,
        SCHEDULER_ENABLED: 'false',
      }),
      onLine: (name, line) => output.push(`[${name}] ${line}`),
    });
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 60_000, 'gateway ready');
  }, 90_000);

  afterAll(async () => {
    await services?.stop();
    await ctx?.cleanup();
  });

  const api = async (method: string, path: string, key: string, body?: BodyInit | object) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${key}` } };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  /** Uploads samples/ plus an antivirus test file as one batch of a new tenant. */
  const uploadSamples = async () => {
    const tenant = await api('POST', '/v1/tenants', ADMIN_KEY, {
      name: `E2E ${randomBytes(3).toString('hex')}`,
    });
    const key: string = tenant.body.apiKey.key;
    const dir = join(repoRoot, 'samples');
    const form = new FormData();
    const files = readdirSync(dir).sort();
    for (const name of files) form.append('file', new Blob([readFileSync(join(dir, name))]), name);
    form.append('file', new Blob([EICAR]), 'eicar.txt');
    const accepted = await api('POST', '/v1/batches', key, form);
    expect(accepted.status).toBe(202);
    return { key, batchId: accepted.body.batchId as string, total: files.length + 1 };
  };

  /** Every document settled, nothing lost, exactly one record set per published document. */
  const expectSettledOnce = async (key: string, batchId: string, total: number) => {
    const progress = await waitFor(
      async () => {
        const p = (await api('GET', `/v1/batches/${batchId}`, key)).body;
        return p.settled === total ? p : null;
      },
      240_000,
      'every document settled',
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n${output.slice(-40).join('\n')}`);
    });
    const docs = await Promise.all(
      progress.documents.map(
        async (d: { id: string }) => (await api('GET', `/v1/documents/${d.id}`, key)).body,
      ),
    );
    const byName = new Map(docs.map((d) => [d.filename, d]));
    expect(byName.get('eicar.txt')).toMatchObject({
      status: 'rejected',
      rejection: { reason: 'infected' },
    });
    expect(byName.get('truncated-invoice.pdf')).toMatchObject({
      status: 'rejected',
      rejection: { reason: 'corrupt' },
    });
    for (const doc of docs) expect(SETTLED).toContain(doc.status);
    // nothing lost: every submitted document is published, waiting for review, or rejected
    const count = (s: string) => docs.filter((d) => d.status === s).length;
    expect(count('published') + count('needs_review') + count('rejected')).toBe(total);
    expect(progress.byStatus.published).toBe(count('published'));
    // exactly one destination record set per published document, and none for the others
    for (const doc of docs) {
      const rows = await Promise.all(
        [
          COLLECTIONS.invoices,
          COLLECTIONS.expenses,
          COLLECTIONS.bankTransactions,
          COLLECTIONS.archive,
        ].map((c) => ctx.db.collection(c).countDocuments({ documentId: doc.id })),
      );
      const collections = rows.filter((n) => n > 0).length;
      if (doc.status === 'published') {
        expect(collections).toBe(1);
        expect(doc.records.length).toBe(rows.reduce((a, b) => a + b, 0));
      } else expect(collections).toBe(0);
    }
    return byName;
  };

  it('when the samples are uploaded as a batch, then every document ends in a final state with exactly one set of records', async () => {
    expect(services.skipped).toEqual([]);
    const { key, batchId, total } = await uploadSamples();
    const byName = await expectSettledOnce(key, batchId, total);
    // the infected file is out of reach
    const infected = byName.get('eicar.txt');
    const file = await fetch(`${base}/v1/documents/${infected.id}/file`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(file.status).toBe(410);
  }, 300_000);

  it.each(['scanner', 'ocr', 'classifier', 'publisher'] as const)(
    'when %s is killed with SIGKILL mid-batch and restarted, then nothing is lost or doubled',
    async (stage) => {
      const { key, batchId, total } = await uploadSamples();
      // kill it while it holds work: as soon as a document of the batch waits on it
      await waitFor(
        async () => {
          const p = (await api('GET', `/v1/batches/${batchId}`, key)).body;
          return (p.byStage[stage] ?? 0) > 0;
        },
        60_000,
        `a document at ${stage}`,
      );
      const victim = services.process(stage)!;
      const exited = new Promise((resolve) => victim.once('exit', resolve));
      victim.kill('SIGKILL');
      await exited;
      services.restart(stage);
      await expectSettledOnce(key, batchId, total);
    },
    300_000,
  );

  it('when poison messages land in every stage queue, then each is dead-lettered with its reason and the batch still completes', async () => {
    const stages = ['scanner', 'ocr', 'classifier', 'publisher', 'tracker', 'jobs'] as const;
    const model = await connect(ctx.amqpUrl);
    const channel = await model.createConfirmChannel();
    for (const stage of stages) {
      channel.sendToQueue(queuesOf(stage).work, Buffer.from('{not json'), { persistent: true });
      channel.sendToQueue(
        queuesOf(stage).work,
        Buffer.from(
          JSON.stringify({
            type: 'document.received',
            eventId: 'x',
            payload: { huge: 'y'.repeat(200_000) },
          }),
        ),
        { persistent: true },
      );
    }
    await channel.waitForConfirms();
    await model.close();

    const { key, batchId, total } = await uploadSamples();
    await expectSettledOnce(key, batchId, total);
    for (const stage of stages) {
      const letters = await waitFor(
        async () => {
          const res = await api('GET', `/v1/dead-letters?stage=${stage}`, ADMIN_KEY);
          const reasons = res.body.items.map((d: { reason: string }) => d.reason);
          return reasons.includes('not_json') &&
            reasons.some((r: string) => r === 'schema_invalid' || r === 'unknown_event_type')
            ? reasons
            : null;
        },
        30_000,
        `dead letters of ${stage}`,
      );
      expect(letters.length).toBeGreaterThanOrEqual(2);
    }
  }, 300_000);
});
