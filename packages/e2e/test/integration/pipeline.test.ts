import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { queuesOf } from '@docflow/contracts';
import { READY_TIMEOUT_MS, waitFor } from '@docflow/testing';
import { startPipeline, type Pipeline } from '../support/pipeline';

describe('the whole pipeline: six services as separate processes', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({ name: 'e2e-pipeline' });
  }, READY_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('when the samples are uploaded as a batch, then every document ends in a final state with exactly one set of records', async () => {
    expect(pipeline.services.skipped).toEqual([]);
    const batch = await pipeline.uploadSamples();
    const byName = await pipeline.expectSettledOnce(batch);
    // the infected file is out of reach
    const infected = byName.get('eicar.txt');
    const file = await fetch(`${pipeline.base}/v1/documents/${infected.id}/file`, {
      headers: { authorization: `Bearer ${batch.key}` },
    });
    expect(file.status).toBe(410);
  }, 300_000);

  it('when an invoice PDF went through the pipeline, then its text answers its words and boxes the total where the page prints it', async () => {
    const key = await pipeline.createTenant();
    const form = new FormData();
    const pdf = readFileSync(join(__dirname, '../../../../samples/us-invoice.pdf'));
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'us-invoice.pdf');
    const id = (await pipeline.api('POST', '/v1/documents', key, form)).body.documents[0].id;
    await waitFor(
      async () =>
        ['published', 'needs_review'].includes(
          (await pipeline.api('GET', `/v1/documents/${id}`, key)).body.status,
        ),
      120_000,
      'us-invoice.pdf classified',
    );

    const text = (await pipeline.api('GET', `/v1/documents/${id}/text?include=words`, key)).body;

    const total = text.fields.find((f: { field: string }) => f.field === 'total');
    // the page prints "Amount Due  $4,275.88" at 420.8..472.1 × 329.5..336.9 pt of 595 × 842 pt
    expect(total.words.map((i: number) => text.pages[0].words[i].text)).toEqual(['$4,275.88']);
    expect(total.page).toBe(1);
    expect(total.box.x0).toBeCloseTo(420.8 / 595.28, 2);
    expect(total.box.y0).toBeCloseTo(329.5 / 841.89, 2);
    expect(text.pages[0].size).toEqual({ width: 595.28, height: 841.89, unit: 'pt' });
  }, 180_000);

  it.each(['scanner', 'ocr', 'classifier', 'publisher'] as const)(
    'when %s is killed with SIGKILL mid-batch and restarted, then nothing is lost or doubled',
    async (stage) => {
      const batch = await pipeline.uploadSamples();
      // kill it while it holds work: as soon as a document of the batch waits on it
      await waitFor(
        async () => {
          const p = (await pipeline.api('GET', `/v1/batches/${batch.batchId}`, batch.key)).body;
          return (p.byStage[stage] ?? 0) > 0;
        },
        60_000,
        `a document at ${stage}`,
      );
      const victim = pipeline.services.process(stage)!;
      const exited = new Promise((resolve) => victim.once('exit', resolve));
      victim.kill('SIGKILL');
      await exited;
      pipeline.services.restart(stage);
      await pipeline.expectSettledOnce(batch);
    },
    300_000,
  );

  it('when the gateway (uploads, API and the tracker) is killed with SIGKILL mid-batch and restarted, then nothing is lost or doubled', async () => {
    const batch = await pipeline.uploadSamples();
    // the tracker has the batch's events to record as soon as the upload is accepted
    const victim = pipeline.services.process('gateway')!;
    const exited = new Promise((resolve) => victim.once('exit', resolve));
    victim.kill('SIGKILL');
    await exited;
    pipeline.services.restart('gateway');
    await pipeline.expectSettledOnce(batch);
  }, 300_000);

  it('when poison messages land in every stage queue, then each is dead-lettered with its reason and the batch still completes', async () => {
    const stages = ['scanner', 'ocr', 'classifier', 'publisher', 'tracker', 'jobs'] as const;
    const model = await connect(pipeline.ctx.amqpUrl);
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

    await pipeline.expectSettledOnce(await pipeline.uploadSamples());
    for (const stage of stages) {
      const letters = await waitFor(
        async () => {
          const res = await pipeline.api(
            'GET',
            `/v1/dead-letters?stage=${stage}`,
            pipeline.adminKey,
          );
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
