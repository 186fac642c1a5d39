import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { queuesOf } from '@docflow/contracts';
import { COLLECTIONS, type DocumentRecord } from '@docflow/documents';
import { parseConfig } from '@docflow/platform';
import { repoRoot, waitFor } from '@docflow/testing';
import { publisherConfigSchema, startPublisher, type Publisher } from '@docflow/publisher';
import { call, startStack, steps, type Stack } from '../../support/jobs-stack';

const STALL_MS = 1_000;

describe('stuck-document sweeper (real broker, database, gateway and publisher)', () => {
  let stack: Stack;
  let publisher: Publisher | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    stack = await startStack('scheduler-sweeper', { SWEEPER_STALL_MS: String(STALL_MS) });
  }, 60_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await publisher?.stop();
    await stack.stop();
  });

  const documents = () => stack.h.ctx.db.collection<DocumentRecord>(COLLECTIONS.documents);
  const stalled = (id: string) =>
    waitFor(
      async () => {
        const doc = await documents().findOne({ _id: id });
        return doc && Date.now() - doc.updatedAt.getTime() > STALL_MS;
      },
      10_000,
      `document ${id} without progress for ${STALL_MS} ms`,
    );

  /** Starts the lossy consumer on a stage's work queue; resolves with its lines. */
  const lossyStage = async (stage: 'publisher') => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../../support/lossy-stage.ts')],
      {
        env: { ...process.env, AMQP_URL: stack.h.ctx.amqpUrl, STAGE_QUEUE: queuesOf(stage).work },
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
    await waitFor(() => lines.includes('ready'), 20_000, 'the lossy stage ready');
    return { child, lines };
  };

  it('when the stage consumer died after taking the message, then the sweeper re-publishes it and the restarted stage brings the document to its final state', async () => {
    const tenant = await stack.h.tenant();
    const content = 'Invoice F-2026-0042, total 121.00 EUR';
    const { id, blob } = await stack.upload(tenant.key, content);
    const doc = { id, tenantId: tenant.id };
    await stack.emit(
      doc,
      steps.scanned(blob, content.length),
      steps.textExtracted({ store: 'collection', id }, content.length),
    );

    // the publisher takes the classified document and is killed before doing anything
    const lossy = await lossyStage('publisher');
    await stack.emit(doc, steps.classified());
    await waitFor(() => lossy.lines.includes(`took ${id}`), 15_000, 'the message taken');
    const exited = new Promise((resolve) => lossy.child.once('exit', resolve));
    lossy.child.kill('SIGKILL');
    await exited;

    // the restarted publisher has nothing to do: the message is gone
    publisher = await startPublisher(
      parseConfig(publisherConfigSchema, {
        ...stack.h.ctx.env,
        HTTP_PORT: '0',
        LOG_LEVEL: 'warn',
      }),
    );
    await stalled(id);
    expect((await documents().findOne({ _id: id }))?.status).toBe('classified');

    const sweep = await stack.runJob('stuck-document-sweeper', {});
    expect(sweep.status).toBe('succeeded');
    expect(sweep.output).toMatchObject({ republished: 1, failed: 0 });

    await stack.settle(id, 'published');
    const invoices = await stack.h.ctx.db
      .collection(COLLECTIONS.invoices)
      .countDocuments({ documentId: id });
    expect(invoices).toBe(1);
    const view = await call(stack.h, 'GET', `/v1/documents/${id}`, { key: tenant.key });
    expect(view.body.records).toHaveLength(1);
  }, 90_000);

  it('when no stage takes the re-published message, then after the cap the document is marked failed with the reason', async () => {
    const tenant = await stack.h.tenant();
    const { id, blob } = await stack.upload(tenant.key, 'a scan nobody reads');
    // no OCR service runs: the scanned document waits in the ocr queue forever
    await stack.emit({ id, tenantId: tenant.id }, steps.scanned(blob, 19));
    await stalled(id);

    const first = await stack.runJob('stuck-document-sweeper', { maxRepublishes: 1 });
    expect(first.output).toMatchObject({ republished: 1, failed: 0 });
    expect((await documents().findOne({ _id: id }))?.status).toBe('scanned');

    const second = await stack.runJob('stuck-document-sweeper', { maxRepublishes: 1 });
    expect(second.output).toMatchObject({ republished: 0, failed: 1 });
    await stack.settle(id, 'failed');
    const view = await call(stack.h, 'GET', `/v1/documents/${id}`, { key: tenant.key });
    expect(view.body.status).toBe('failed');
    expect(view.body.errors.at(-1)).toMatchObject({
      stage: 'ocr',
      code: 'DOCUMENT_STALLED',
      message: 'no progress in ocr after 1 re-publishes of its input',
    });
  }, 60_000);

  it('when a gateway died mid-upload, then the sweeper removes what it stored and leaves the files of real documents', async () => {
    const tenant = await stack.h.tenant();
    const uploads = stack.h.ctx.db.collection<{ _id: string; startedAt: Date }>(
      COLLECTIONS.uploads,
    );
    // a real upload: the gateway journalled it under the document's id
    const { id } = await stack.upload(tenant.key, 'an upload that became a document');
    expect(await uploads.findOne({ _id: id })).toMatchObject({ tenantId: tenant.id });
    // an upload whose gateway was killed after two chunks (no file entry, no document)
    const lost = 'lost-upload-0001';
    await uploads.insertOne({ _id: lost, tenantId: tenant.id, startedAt: new Date() } as never);
    await stack.h.ctx.db
      .collection('blobs.chunks')
      .insertMany([0, 1].map((n) => ({ files_id: lost, n, data: Buffer.alloc(16) })));
    // both started longer ago than ABANDONED_UPLOAD_MS
    await uploads.updateMany(
      { _id: { $in: [id, lost] } },
      { $set: { startedAt: new Date(Date.now() - 3 * 3_600_000) } },
    );

    const sweep = await stack.runJob('stuck-document-sweeper', {});
    expect(sweep.output).toMatchObject({ abandonedUploads: 1 });
    expect(await stack.h.ctx.db.collection('blobs.chunks').countDocuments({ files_id: lost })).toBe(
      0,
    );
    expect(
      await stack.h.ctx.db.collection('blobs.files').countDocuments({ _id: id as never }),
    ).toBe(1);
    expect(await uploads.countDocuments({ _id: { $in: [id, lost] } })).toBe(0);
  }, 60_000);
});
