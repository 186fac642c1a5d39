import type { BlobRef, EventType, PayloadOf, TextRef } from '@docflow/contracts';
import { parseConfig, type Worker } from '@docflow/platform';
import { waitFor } from '@docflow/testing';
import {
  ADMIN_KEY,
  call,
  form,
  startHarness,
  stageEvent,
  type Harness,
} from '../../../../services/gateway/test/support/harness';
import { schedulerConfigSchema, startScheduler, type SchedulerConfig } from '@docflow/scheduler';

/** A job run as GET /v1/jobs/runs/:id shows it. */
export interface RunView {
  id: string;
  status: string;
  output: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
}

/** The gateway (tracker, REST API) and a scheduler without its cron loop, on one vhost + database. */
export interface Stack {
  h: Harness;
  scheduler: Worker<SchedulerConfig>;
  /** Runs a job on demand through the gateway and waits for its outcome. */
  runJob(name: string, params?: Record<string, unknown>): Promise<RunView>;
  /** Uploads one text file as a tenant; returns the document's id and blob. */
  upload(key: string, content: string): Promise<{ id: string; blob: BlobRef }>;
  /** Publishes stage events about a document as the stages would; resolves once all are applied. */
  emit(doc: { id: string; tenantId: string }, ...events: StageStep[]): Promise<void>;
  /** Waits until the tracker has moved the document to `status`. */
  settle(id: string, status: string): Promise<void>;
  stop(): Promise<void>;
}

export type StageStep = { [T in EventType]: [T, PayloadOf<T>] }[EventType];

export async function startStack(
  name: string,
  schedulerEnv: Record<string, string> = {},
): Promise<Stack> {
  const h = await startHarness(name);
  // one after the other: FerretDB drops a connection when two clients create one database's
  // collections at the same moment
  const scheduler = await startScheduler(
    parseConfig(schedulerConfigSchema, {
      ...h.ctx.env,
      LOG_LEVEL: 'warn',
      HTTP_PORT: '0',
      SCHEDULER_ENABLED: 'false',
      ...schedulerEnv,
    }),
  );
  const documents = h.ctx.db.collection<{
    _id: string;
    status: string;
    blob: BlobRef;
    appliedEvents: string[];
  }>('documents');
  return {
    h,
    scheduler,
    async runJob(job, params = {}) {
      const started = await call(h, 'POST', `/v1/jobs/${job}/runs`, {
        key: ADMIN_KEY,
        body: params,
      });
      if (started.status !== 202)
        throw new Error(`run of ${job} refused: ${JSON.stringify(started.body)}`);
      return waitFor(
        async () => {
          const run = await call(h, 'GET', `/v1/jobs/runs/${started.body.id}`, { key: ADMIN_KEY });
          return ['succeeded', 'failed'].includes(run.body.status) ? (run.body as RunView) : null;
        },
        30_000,
        `${job} run finished`,
      );
    },
    async upload(key, content) {
      const res = await call(h, 'POST', '/v1/documents', {
        key,
        body: form([{ filename: 'note.txt', content, type: 'text/plain' }]),
      });
      if (res.status !== 202) throw new Error(`upload refused: ${JSON.stringify(res.body)}`);
      const id = res.body.documents[0].id as string;
      const record = await waitFor(() => documents.findOne({ _id: id }), 10_000, 'the record');
      return { id, blob: record.blob };
    },
    async emit(doc, ...steps) {
      const ids: string[] = [];
      for (const [type, payload] of steps) {
        const event = stageEvent({ id: doc.id, tenantId: doc.tenantId }, type, payload);
        ids.push(event.eventId);
        await h.publish(event);
      }
      // every event applied (in whatever order the tracker took them): no later write is pending
      await waitFor(
        async () => {
          const record = await documents.findOne({ _id: doc.id });
          return ids.every((id) => record?.appliedEvents.includes(id));
        },
        15_000,
        `events of ${doc.id} applied`,
      );
    },
    async settle(id, status) {
      await waitFor(
        async () => (await documents.findOne({ _id: id }))?.status === status,
        15_000,
        `document ${id} ${status}`,
      );
    },
    async stop() {
      await scheduler.stop();
      await h.stop();
    },
  };
}

/** Stage payloads of a small text document. */
export const steps = {
  scanned: (blob: BlobRef, sizeBytes: number): StageStep => [
    'document.scanned',
    {
      blob,
      detectedType: 'text',
      mimeType: 'text/plain',
      sizeBytes,
      sha256: 'a'.repeat(64),
      antivirus: { status: 'clean', engine: 'ClamAV' },
    },
  ],
  textExtracted: (text: TextRef, totalChars: number): StageStep => [
    'document.text_extracted',
    {
      detectedType: 'text',
      text,
      totalChars,
      pages: [{ page: 1, method: 'plain', confidence: 1, chars: totalChars, durationMs: 1 }],
    },
  ],
  classified: (total = 121): StageStep => [
    'document.classified',
    {
      docType: 'invoice',
      confidence: 0.97,
      modelVersion: 'test-model',
      candidates: [{ docType: 'invoice', probability: 0.97 }],
      extraction: {
        fields: {
          invoiceNumber: { value: 'F-2026-0042', confidence: 0.95 },
          issueDate: { value: '2026-03-14', confidence: 0.95 },
          currency: { value: 'EUR', confidence: 0.95 },
          total: { value: total, confidence: 0.95 },
        },
        tables: {},
      },
      findings: [],
    },
  ],
  published: (recordId: string): StageStep => [
    'document.published',
    { docType: 'invoice', records: [{ collection: 'invoices', id: recordId }], revision: 1 },
  ],
  failed: (stage: 'ocr' | 'classifier'): StageStep => [
    'document.failed',
    {
      stage,
      error: { code: 'ENGINE_CRASHED', message: 'the engine exited', transient: false },
      retries: 5,
    },
  ],
  infected: (quarantined: BlobRef): StageStep => [
    'document.rejected',
    {
      stage: 'scanner',
      reason: 'infected',
      message: 'malware found: Eicar-Test-Signature',
      details: { signature: 'Eicar-Test-Signature', quarantined },
    },
  ],
};

export { ADMIN_KEY, call };
