import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '@docflow/documents';
import {
  createTestContext,
  startPipeline as startServices,
  type ServiceProcesses,
  type TestContext,
  type TestServers,
} from '@docflow/testing';

const SETTLED = ['published', 'needs_review', 'rejected', 'failed', 'cancelled'];
const RECORD_COLLECTIONS = [
  COLLECTIONS.invoices,
  COLLECTIONS.expenses,
  COLLECTIONS.bankTransactions,
  COLLECTIONS.archive,
];

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
  /** A new tenant; returns its API key. */
  createTenant(): Promise<string>;
  /** Uploads samples/ plus an antivirus test file as one batch of a new tenant. */
  uploadSamples(): Promise<UploadedBatch>;
  /**
   * Uploads files as one batch of the tenant, waits until every one settled and returns their
   * document views by file name.
   */
  settleFiles(key: string, files: { name: string; bytes: Buffer }[]): Promise<Map<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Waits until every document of the batch settled; returns the batch's progress view. */
  settle(batch: UploadedBatch, timeoutMs?: number): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Waits until every document of the batch settled, then checks that nothing was lost and that
   * each published document has exactly one set of destination records. Returns documents by name.
   */
  expectSettledOnce(batch: UploadedBatch, timeoutMs?: number): Promise<Map<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * Documents that reached their first final state, by outcome, as the gateway's tracker counted
   * them (`docflow_document_end_to_end_seconds_count`): one HTTP call, no database read.
   */
  settledByOutcome(): Promise<Record<string, number>>;
  /** A service's Prometheus text (its /metrics). */
  metrics(service: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The six services as separate processes (`startPipeline` of @docflow/testing) on this suite's own
 * vhost and database, with the checks the end-to-end suites share.
 */
export async function startPipeline(options: {
  name: string;
  servers?: TestServers | Omit<TestServers, 'SOURCE'>;
  env?: Record<string, string>;
}): Promise<Pipeline> {
  const ctx = await createTestContext(options.name, options.servers);
  const adminKey = randomBytes(24).toString('hex');
  const run = await startServices({
    env: {
      ...(options.servers?.CLAMD_URL ? { CLAMD_URL: options.servers.CLAMD_URL } : {}),
      ...ctx.env,
      SCHEDULER_ENABLED: 'false',
      ...options.env,
    },
    adminKey,
  }).catch(async (err: unknown) => {
    await ctx.cleanup();
    throw err;
  });
  const { api, output } = run;

  const uploadSamples = async (): Promise<UploadedBatch> => {
    const key = await run.createTenant();
    return { key, ...(await run.uploadSamples(key)) };
  };

  const expectSettledOnce: Pipeline['expectSettledOnce'] = async (
    { key, batchId, total },
    timeoutMs = 240_000,
  ) => {
    const progress = (await run.waitSettled(key, batchId, total, timeoutMs)).body;
    const docs = await Promise.all(
      progress.documents.map(
        async (d: { id: string }) => (await api('GET', `/v1/documents/${d.id}`, key)).body,
      ),
    );
    const byName = new Map(docs.map((d) => [d.filename, d]));
    try {
      expectOutcomes(byName, docs, total, progress);
    } catch (err) {
      // which document ended how, and why: a failure names the cause, not only the count
      (err as Error).message +=
        `\n\nthe batch's documents:\n${docs.map(describeDocument).join('\n')}`;
      throw err;
    }
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

  const metrics = async (service: string): Promise<string> => {
    const target = run.metricsTargets.find((t) => t.service === service);
    if (!target) throw new Error(`the pipeline has no ${service} metrics target`);
    const answer = await fetch(`http://${target.address}/metrics`);
    if (!answer.ok) throw new Error(`${service} /metrics answered ${answer.status}`);
    return answer.text();
  };

  const settledByOutcome = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    const line = /^docflow_document_end_to_end_seconds_count\{([^}]*)\} (\d+)$/gm;
    for (const [, labels, value] of (await metrics('gateway')).matchAll(line)) {
      const outcome = /outcome="([^"]+)"/.exec(labels!)?.[1] ?? 'unknown';
      counts[outcome] = (counts[outcome] ?? 0) + Number(value);
    }
    return counts;
  };

  return {
    ctx,
    services: run.services,
    base: run.gatewayUrl,
    adminKey,
    output,
    api,
    createTenant: () => run.createTenant(),
    uploadSamples,
    settle: async ({ key, batchId, total }, timeoutMs) =>
      (await run.waitSettled(key, batchId, total, timeoutMs)).body,
    expectSettledOnce,
    settledByOutcome,
    metrics,
    async settleFiles(key, files) {
      const form = new FormData();
      for (const { name, bytes } of files) form.append('file', new Blob([bytes]), name);
      const accepted = await api('POST', '/v1/batches', key, form);
      if (accepted.status !== 202)
        throw new Error(`batch refused: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      const progress = (
        await run.waitSettled(key, accepted.body.batchId as string, files.length, 240_000)
      ).body;
      const views = await Promise.all(
        (progress.documents as { id: string }[]).map(
          async ({ id }) => (await api('GET', `/v1/documents/${id}`, key)).body,
        ),
      );
      return new Map(views.map((view) => [view.filename as string, view]));
    },
    stop: async () => {
      await run.stop();
      await ctx.cleanup();
    },
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- document views are checked by the assertions */
/** The outcomes every sample batch must reach, whatever fault it went through. */
function expectOutcomes(
  byName: Map<string, any>,
  docs: any[],
  total: number,
  progress: { byStatus: Record<string, number> },
): void {
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
}

/** One line per document: name, status, rejection and the errors it met on the way. */
function describeDocument(doc: any): string {
  const rejection = doc.rejection ? ` (${doc.rejection.reason})` : '';
  const errors = (doc.errors ?? []).map(
    (e: { stage?: string; code?: string; message?: string }) =>
      `\n    ${e.stage}: ${e.code} ${String(e.message).slice(0, 300)}`,
  );
  return `  ${doc.filename}: ${doc.status}${rejection}${errors.join('')}`;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
