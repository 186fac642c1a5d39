import { randomBytes } from 'node:crypto';
import { hostileFiles, makePdf, type HostileFile } from '@docflow/fixtures';
import { READY_TIMEOUT_MS, SERVICE_NAMES } from '@docflow/testing';
import { startPipeline, type Pipeline } from '../support/pipeline';

/** Tenant B's ordinary documents: text invoices and text-layer PDFs, new bytes every call. */
async function ordinaryDocuments(): Promise<{ filename: string; bytes: Buffer }[]> {
  const files: { filename: string; bytes: Buffer }[] = [];
  for (let i = 0; i < 3; i++) {
    const number = `INV-${randomBytes(3).toString('hex')}`;
    files.push({
      filename: `invoice-${i}.txt`,
      bytes: Buffer.from(
        `INVOICE\nInvoice number: ${number}\nDate: 03/04/2024\nSeller: Acme Supplies Ltd\n` +
          `Subtotal: 100.00\nVAT 20%: 20.00\nTotal: 120.00\n`,
      ),
    });
  }
  for (let i = 0; i < 2; i++) {
    const number = `INV-${randomBytes(3).toString('hex')}`;
    files.push({
      filename: `invoice-${i}.pdf`,
      bytes: await makePdf([
        { text: `INVOICE ${number}\nDate: 03/04/2024\nSubtotal: 50.00\nVAT: 10.00\nTotal: 60.00` },
      ]),
    });
  }
  return files;
}

describe('hostile input: one tenant attacks, another keeps working', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({ name: 'e2e-hostile' });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  const upload = async (key: string, files: { filename: string; bytes: Buffer }[]) => {
    const form = new FormData();
    for (const file of files) form.append('file', new Blob([file.bytes]), file.filename);
    const accepted = await pipeline.api('POST', '/v1/batches', key, form);
    expect(accepted.status).toBe(202);
    return { key, batchId: accepted.body.batchId as string, total: files.length };
  };

  it('when tenant A uploads hostile files while tenant B uploads ordinary documents, then B settles on time and every hostile file ends with its reason', async () => {
    // Arrange: B's latency on an idle pipeline, and the service processes as they started
    const pids = new Map(SERVICE_NAMES.map((name) => [name, pipeline.services.process(name)?.pid]));
    const keyA = await pipeline.createTenant();
    const keyB = await pipeline.createTenant();
    const idle = await pipeline.settle(await upload(keyB, await ordinaryDocuments()));
    const hostile = await hostileFiles();

    // Act: the attack and B's next batch at the same time
    const attack = await upload(keyA, hostile);
    const busy = await pipeline.settle(await upload(keyB, await ordinaryDocuments()), 480_000);
    const attacked = await pipeline.settle(attack, 480_000);

    // Assert: B's documents all came through, no slower than three times the idle p95
    for (const doc of [...idle.documents, ...busy.documents])
      expect({ file: doc.filename, status: doc.status }).toEqual({
        file: doc.filename,
        status: expect.stringMatching(/^(published|needs_review)$/),
      });
    expect(busy.latencyMs.p95).toBeLessThanOrEqual(3 * idle.latencyMs.p95);
    // every hostile file ended as expected, a refusal with its reason
    const outcomes = await Promise.all(
      hostile.map(async (file: HostileFile) => {
        const doc = attacked.documents.find((d) => d.filename === file.filename)!;
        const view = (await pipeline.api('GET', `/v1/documents/${doc.id}`, keyA)).body;
        return {
          file: file.filename,
          status: view.status,
          reason: view.rejection?.reason ?? view.errors?.at(-1)?.code ?? null,
        };
      }),
    );
    expect(outcomes).toEqual(
      hostile.map((file, i) =>
        file.outcome.status === 'rejected'
          ? {
              file: file.filename,
              status: 'rejected',
              reason: expect.stringMatching(new RegExp(`^(${file.outcome.reasons.join('|')})$`)),
            }
          : {
              // harmless once parsed within budget: any final state; a failure names its cause
              file: file.filename,
              status: expect.stringMatching(/^(published|needs_review|rejected|failed)$/),
              reason: outcomes[i]!.status === 'failed' ? expect.any(String) : outcomes[i]!.reason,
            },
      ),
    );
    // no stage was killed or restarted, and nothing waits in a queue or a dead-letter queue
    expect(
      new Map(SERVICE_NAMES.map((name) => [name, pipeline.services.process(name)?.pid])),
    ).toEqual(pids);
    for (const name of SERVICE_NAMES) expect(pipeline.services.process(name)?.exitCode).toBeNull();
    const stages = (await pipeline.api('GET', '/v1/pipeline', pipeline.adminKey)).body.stages as {
      name: string;
      queue: { ready: number };
      deadLetterQueue: { ready: number };
    }[];
    expect(stages.map((s) => [s.name, s.queue.ready, s.deadLetterQueue.ready])).toEqual(
      stages.map((s) => [s.name, 0, 0]),
    );
  }, 900_000);
});
