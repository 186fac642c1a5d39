import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { EXCHANGES, buildTopology, queuesOf, type AnyEvent } from '@docflow/contracts';
import { createTextStore } from '@docflow/documents';
import { HEADERS, declareTopology, originEvent, parseConfig, type Worker } from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';
import { classifierConfigSchema, type ClassifierConfig } from '../../src/config';
import { startClassifier } from '../../src/main';

const LINE = 'Consultoría técnica         10        85,00       850,00\n';

describe('classifier budget (real RabbitMQ and MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let worker: Worker<ClassifierConfig>;
  let amqp: ChannelModel;
  let channel: Channel;
  const events: AnyEvent[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('classifier-budget');
    amqp = await connect(ctx.amqpUrl);
    channel = await amqp.createChannel();
    await declareTopology(channel, buildTopology());
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const key of ['document.classified', 'document.needs_review', 'document.failed']) {
      await channel.bindQueue(queue, EXCHANGES.events.name, key);
    }
    await channel.consume(queue, (msg) => msg && events.push(JSON.parse(msg.content.toString())), {
      noAck: true,
    });
    // a budget no real document fits in, and a cap that cuts long texts
    const config = parseConfig(classifierConfigSchema, {
      ...ctx.env,
      HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
      CLASSIFIER_BUDGET_MS: '10',
      CLASSIFIER_MAX_TEXT_CHARS: '200000',
    });
    worker = await startClassifier(config);
  });

  afterAll(async () => {
    await worker?.stop();
    await amqp?.close().catch(() => undefined);
    await ctx?.cleanup();
  });

  async function submit(text: string): Promise<{ documentId: string; result: AnyEvent }> {
    const tenantId = `tenant-${randomUUID().slice(0, 8)}`;
    const documentId = randomUUID();
    const ref = await createTextStore(ctx.db).save({
      tenantId,
      documentId,
      pages: [{ page: 1, text }],
    });
    const event = originEvent(
      'document.text_extracted',
      {
        detectedType: 'text',
        text: ref,
        totalChars: text.length,
        pages: [{ page: 1, method: 'plain', confidence: 1, chars: text.length, durationMs: 1 }],
      },
      { tenantId, documentId },
    );
    await worker.bus.publish(event);
    const result = await waitFor(
      () => events.find((e) => e.documentId === documentId),
      30_000,
      'the classifier result',
    );
    return { documentId, result };
  }

  test('when a document takes longer than CLASSIFIER_BUDGET_MS, then it fails for good with BUDGET_EXCEEDED naming the limit, and is not retried', async () => {
    // Arrange: a quarter of a million characters of line items (hundreds of ms to read)
    const text = `FACTURA\n${LINE.repeat(5_000)}Total factura   1.512,50 €\n`;

    // Act
    const { documentId, result } = await submit(text);

    // Assert
    expect(result.type).toBe('document.failed');
    expect(result.payload).toMatchObject({
      stage: 'classifier',
      retries: 0,
      error: {
        code: 'BUDGET_EXCEEDED',
        transient: false,
        message:
          'processing.budget_exceeded: classifier: classification took longer than 10 ms (CLASSIFIER_BUDGET_MS)',
      },
    });
    const dead = await waitFor(
      async () => {
        const msg = await channel.get(queuesOf('classifier').deadLetter, { noAck: true });
        return msg && JSON.parse(msg.content.toString()).documentId === documentId
          ? msg
          : undefined;
      },
      10_000,
      'the dead-lettered message',
    );
    const headers = (dead as GetMessage).properties.headers ?? {};
    expect(headers[HEADERS.reason]).toBe('permanent_error');
    expect(headers[HEADERS.retries]).toBe(0);
    expect(headers[HEADERS.errorCode]).toBe('BUDGET_EXCEEDED');
  });
});
