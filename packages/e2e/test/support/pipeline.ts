import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { COLLECTIONS } from '@docflow/documents';
import {
  createTestContext,
  repoRoot,
  startServiceProcesses,
  waitFor,
  type ServiceProcesses,
  type TestContext,
  type TestServers,
} from '@docflow/testing';

export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const SETTLED = ['published', 'needs_review', 'rejected', 'failed', 'cancelled'];
const RECORD_COLLECTIONS = [
  COLLECTIONS.invoices,
  COLLECTIONS.expenses,
  COLLECTIONS.bankTransactions,
  COLLECTIONS.archive,
];

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

export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface UploadedBatch {
  key: string;
  batchId: string;
  total: number;
}

export interface Pipeline {
  ctx: TestContext;
  services: ServiceProcesses;
  base: string;
  adminKey: string;
  /** Every line the services printed, prefixed by service name. */
  output: string[];
  api(method: string, path: string, key: string, body?: BodyInit | object): Promise<ApiResponse>;
  /** Uploads samples/ plus an antivirus test file as one batch of a new tenant. */
  uploadSamples(): Promise<UploadedBatch>;
  /**
   * Waits until every document of the batch settled, then checks that nothing was lost and that
   * each published document has exactly one set of destination records. Returns documents by name.
   */
  expectSettledOnce(batch: UploadedBatch, timeoutMs?: number): Promise<Map<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stop(): Promise<void>;
}

/** The six services as separate processes, on this suite's own vhost and database. */
export async function startPipeline(options: {
  name: string;
  servers?: TestServers | Omit<TestServers, 'SOURCE'>;
  env?: Record<string, string>;
}): Promise<Pipeline> {
  const ctx = await createTestContext(options.name, options.servers);
  const adminKey = randomBytes(24).toString('hex');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const services = startServiceProcesses({
    env: () => ({
      ...process.env,
      ...(options.servers?.CLAMD_URL ? { CLAMD_URL: options.servers.CLAMD_URL } : {}),
      ...ctx.env,
      LOG_LEVEL: 'warn',
      HTTP_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      ADMIN_API_KEY: adminKey,
      SCHEDULER_ENABLED: 'false',
      ...options.env,
    }),
    onLine: (name, line) => output.push(`[${name}] ${line}`),
  });
  await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 60_000, 'gateway ready');

  const api: Pipeline['api'] = async (method, path, key, body) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${key}` } };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, body: await response.json() };
  };

  const uploadSamples = async (): Promise<UploadedBatch> => {
    const tenant = await api('POST', '/v1/tenants', adminKey, {
      name: `E2E ${randomBytes(3).toString('hex')}`,
    });
    const key: string = tenant.body.apiKey.key;
    const dir = join(repoRoot, 'samples');
    const form = new FormData();
    const files = readdirSync(dir).sort();
    for (const name of files) form.append('file', new Blob([readFileSync(join(dir, name))]), name);
    form.append('file', new Blob([EICAR]), 'eicar.txt');
    const accepted = await api('POST', '/v1/batches', key, form);
    if (accepted.status !== 202)
      throw new Error(`batch upload answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
    return { key, batchId: accepted.body.batchId as string, total: files.length + 1 };
  };

  const expectSettledOnce: Pipeline['expectSettledOnce'] = async (
    { key, batchId, total },
    timeoutMs = 240_000,
  ) => {
    const progress = await waitFor(
      async () => {
        const p = (await api('GET', `/v1/batches/${batchId}`, key)).body;
        return p.settled === total ? p : null;
      },
      timeoutMs,
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
        RECORD_COLLECTIONS.map((c) => ctx.db.collection(c).countDocuments({ documentId: doc.id })),
      );
      const collections = rows.filter((n) => n > 0).length;
      if (doc.status === 'published') {
        expect(collections).toBe(1);
        expect(doc.records.length).toBe(rows.reduce((a, b) => a + b, 0));
      } else expect(collections).toBe(0);
    }
    return byName;
  };

  return {
    ctx,
    services,
    base,
    adminKey,
    output,
    api,
    uploadSamples,
    expectSettledOnce,
    stop: async () => {
      await services.stop();
      await ctx.cleanup();
    },
  };
}
