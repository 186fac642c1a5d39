import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { BlobRef } from '@docflow/contracts';
import {
  BUCKETS,
  COLLECTIONS,
  createBlobStore,
  createTextStore,
  type DocumentRecord,
} from '@docflow/documents';
import { createLogger } from '@docflow/platform';
import { createJobMetrics } from '../../../../../services/scheduler/src/adapters/job-metrics';
import {
  createPurgeStore,
  type PurgeStore,
} from '../../../../../services/scheduler/src/adapters/purge-store';
import { createRetentionJob } from '../../../../../services/scheduler/src/jobs/retention';
import { call, startStack, steps, type Stack } from '../../support/jobs-stack';

const DAY_MS = 86_400_000;

describe('retention job (real broker, database and gateway)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('scheduler-retention', {
      RETENTION_DEFAULT_DAYS: '90',
      RETENTION_BATCH: '1',
    });
  }, 60_000);
  afterAll(() => stack.stop());

  const db = () => stack.h.ctx.db;
  const documents = () => db().collection<DocumentRecord>(COLLECTIONS.documents);
  const blobExists = (ref: BlobRef) => createBlobStore(db()).exists(ref);
  const textExists = async (id: string) =>
    (await db()
      .collection(COLLECTIONS.texts)
      .countDocuments({ _id: id as never })) > 0;
  const age = (id: string, days: number) =>
    documents().updateOne(
      { _id: id },
      { $set: { createdAt: new Date(Date.now() - days * DAY_MS) } },
    );

  /** A document uploaded `days` ago that went through the pipeline to `end`. */
  const seed = async (
    tenant: { id: string; key: string },
    days: number,
    end: 'published' | 'failed' | 'scanned' | 'infected',
  ) => {
    const content = `document of ${days} days, ${end} ${randomUUID()}`;
    const { id, blob } = await stack.upload(tenant.key, content);
    const doc = { id, tenantId: tenant.id };
    const texts = createTextStore(db());
    if (end === 'infected') {
      const quarantined = await createBlobStore(db()).quarantine(blob);
      await stack.emit(doc, steps.infected(quarantined));
      await stack.settle(id, 'rejected');
    } else if (end === 'scanned') {
      await stack.emit(doc, steps.scanned(blob, content.length));
      await stack.settle(id, 'scanned');
    } else {
      const text = await texts.save({
        tenantId: tenant.id,
        documentId: id,
        pages: [{ page: 1, text: content }],
      });
      const recordId = randomUUID();
      await stack.emit(
        doc,
        steps.scanned(blob, content.length),
        steps.textExtracted(text, content.length),
        ...(end === 'published'
          ? [steps.classified(), steps.published(recordId)]
          : [steps.failed('classifier')]),
      );
      await stack.settle(id, end);
      if (end === 'published')
        await db()
          .collection(COLLECTIONS.invoices)
          .insertOne({ _id: recordId as never, documentId: id, tenantId: tenant.id });
    }
    await age(id, days);
    return { id, blob, bytes: Buffer.byteLength(content) };
  };

  it('when documents outlive their tenant policy, then files and text go, records stay, the API answers 410, and a second run frees nothing', async () => {
    const acme = await stack.h.tenant({ retentionDays: 30 });
    const globex = await stack.h.tenant(); // no policy: RETENTION_DEFAULT_DAYS (90)
    const oldPublished = await seed(acme, 45, 'published');
    const youngPublished = await seed(acme, 5, 'published');
    const oldRunning = await seed(acme, 45, 'scanned');
    const oldInfected = await seed(acme, 45, 'infected');
    const veryOldFailed = await seed(globex, 100, 'failed');
    const oldFailed = await seed(globex, 45, 'failed');
    const freed = [oldPublished, oldInfected, veryOldFailed];
    const kept = [youngPublished, oldRunning, oldFailed];
    const blobBytes = freed.reduce((sum, d) => sum + d.bytes, 0);

    const dry = await stack.runJob('retention', { dryRun: true });
    expect(dry.status).toBe('succeeded');
    expect(dry.output).toMatchObject({ dryRun: true, documents: 3, blobs: 3, blobBytes });
    expect(await blobExists(oldPublished.blob)).toBe(true);

    const run = await stack.runJob('retention', {});
    expect(run.status).toBe('succeeded');
    expect(run.output).toMatchObject({ dryRun: false, documents: 3, blobs: 3, blobBytes });
    const textBytes = run.output!.textBytes as number;
    expect(textBytes).toBeGreaterThan(0);
    expect(run.output!.bytes).toBe(blobBytes + textBytes);
    expect(dry.output!.bytes).toBe(run.output!.bytes);

    for (const doc of freed) {
      expect(await blobExists(doc.blob)).toBe(false);
      expect(await blobExists({ bucket: BUCKETS.quarantine, id: doc.blob.id })).toBe(false);
      expect(await textExists(doc.id)).toBe(false);
      expect((await documents().findOne({ _id: doc.id }))?.purgedAt).toBeInstanceOf(Date);
    }
    for (const doc of kept) {
      expect(await blobExists(doc.blob)).toBe(true);
      expect((await documents().findOne({ _id: doc.id }))?.purgedAt).toBeUndefined();
    }
    expect(await textExists(youngPublished.id)).toBe(true);

    // the record and the destination record stay; the file and text answer 410
    const view = await call(stack.h, 'GET', `/v1/documents/${oldPublished.id}`, { key: acme.key });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'published', records: [{ collection: 'invoices' }] });
    expect(Date.parse(view.body.purgedAt)).toBeGreaterThan(0);
    const youngView = await call(stack.h, 'GET', `/v1/documents/${youngPublished.id}`, {
      key: acme.key,
    });
    expect(youngView.body.purgedAt).toBeNull();
    expect(
      await db().collection(COLLECTIONS.invoices).countDocuments({ documentId: oldPublished.id }),
    ).toBe(1);
    const file = await call(stack.h, 'GET', `/v1/documents/${oldPublished.id}/file`, {
      key: acme.key,
    });
    expect(file.status).toBe(410);
    expect(file.body.error).toBe('BLOB_NOT_FOUND');
    expect(file.body.message).toMatch(/retention policy/);
    const text = await call(stack.h, 'GET', `/v1/documents/${oldPublished.id}/text`, {
      key: acme.key,
    });
    expect(text.status).toBe(410);
    expect(text.body.error).toBe('TEXT_PURGED');
    const young = await call(stack.h, 'GET', `/v1/documents/${youngPublished.id}/file`, {
      key: acme.key,
    });
    expect(young.status).toBe(200);
    const retry = await call(stack.h, 'POST', `/v1/documents/${veryOldFailed.id}/retry`, {
      key: globex.key,
    });
    expect(retry.status).toBe(409);
    expect(retry.body.message).toMatch(/retention/);

    const again = await stack.runJob('retention', {});
    expect(again.output).toMatchObject({ documents: 0, blobs: 0, bytes: 0, resumed: 0 });
  }, 120_000);

  it('when a run dies between claiming and deleting, then the next run finishes the purge without counting it twice', async () => {
    const initech = await stack.h.tenant({ retentionDays: 10 });
    const first = await seed(initech, 20, 'published');
    const second = await seed(initech, 21, 'published');
    const real = createPurgeStore(db(), {
      blobs: createBlobStore(db()),
      texts: createTextStore(db()),
    });
    const job = (store: PurgeStore) =>
      createRetentionJob({
        store,
        metrics: createJobMetrics(new Registry()),
        defaultDays: 0,
        batch: 10,
      });
    const ctx = (runId: string) => ({
      runId,
      logger: createLogger({ service: 'test', level: 'silent' }),
      signal: new AbortController().signal,
      at: new Date(),
    });
    const crashing: PurgeStore = {
      ...real,
      remove: () => Promise.reject(new Error('process killed')),
    };

    await expect(job(crashing).run({ tenantId: initech.id }, ctx('crashed'))).rejects.toThrow(
      'process killed',
    );
    // the oldest document was claimed, nothing deleted, nothing marked
    expect(await blobExists(second.blob)).toBe(true);
    expect((await documents().findOne({ _id: second.id }))?.purgedAt).toBeUndefined();

    const limited = await job(real).run({ tenantId: initech.id, limit: 1 }, ctx('resumed'));
    expect(limited).toMatchObject({ documents: 0, resumed: 1, limitReached: true });
    expect(await blobExists(second.blob)).toBe(false);
    expect(await blobExists(first.blob)).toBe(true);

    const rest = await job(real).run({ tenantId: initech.id }, ctx('rest'));
    expect(rest).toMatchObject({ documents: 1, blobs: 1, blobBytes: first.bytes, resumed: 0 });
    const purges = await db()
      .collection(COLLECTIONS.purges)
      .find({ tenantId: initech.id })
      .toArray();
    expect(purges.map((p) => [p._id, p.runId]).sort()).toEqual(
      [
        [second.id, 'crashed'],
        [first.id, 'rest'],
      ].sort(),
    );
  }, 60_000);
});
