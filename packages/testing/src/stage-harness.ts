import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { connect, type ChannelModel } from 'amqplib';
import { buildTopology, EXCHANGES, type AnyEvent, type EventType } from '@docflow/contracts';
import { createBlobStore, type BlobStore } from '@docflow/documents';
import {
  createLogger,
  createMetrics,
  declareTopology,
  EventBus,
  originEvent,
} from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from './test-context';

/**
 * A stage's test bench: a suite's own vhost and database, a publisher, a probe on every document
 * event, and the blobs. The scanner's and OCR's component tests drive their stage through it.
 */
export interface StageHarness {
  ctx: TestContext;
  blobs: BlobStore;
  events: AnyEvent[];
  /** Uploads bytes as the gateway would and publishes document.received; returns that event. */
  receive(
    file: { bytes: Buffer; filename: string; declaredContentType?: string },
    tenantId?: string,
  ): Promise<AnyEvent>;
  publish(event: AnyEvent): Promise<void>;
  /** The first event of one of `types` for the document. */
  outcome(documentId: string, types: EventType[], timeoutMs?: number): Promise<AnyEvent>;
  close(): Promise<void>;
}

export async function openStageHarness(name: string): Promise<StageHarness> {
  const ctx = await createTestContext(name);
  const events: AnyEvent[] = [];
  const model: ChannelModel = await connect(ctx.amqpUrl);
  const channel = await model.createChannel();
  await declareTopology(channel, buildTopology());
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, EXCHANGES.events.name, 'document.#');
  await channel.consume(
    queue,
    (msg) => msg && events.push(JSON.parse(msg.content.toString()) as AnyEvent),
    {
      noAck: true,
    },
  );
  const logger = createLogger({ service: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const bus = new EventBus({
    url: ctx.amqpUrl,
    service: 'test',
    logger,
    metrics: createMetrics('test'),
    db: ctx.db,
    reconnectMaxMs: 500,
    consumer: { prefetch: 1, retryDelaysMs: [200], retryJitter: 0, handlerTimeoutMs: 5_000 },
  });
  await bus.start();
  const blobs = createBlobStore(ctx.db);

  const publish = (event: AnyEvent) => bus.publish(event);
  return {
    ctx,
    blobs,
    events,
    publish,
    async receive(file, tenantId = `tenant-${randomUUID().slice(0, 8)}`) {
      const documentId = randomUUID();
      const stored = await blobs.upload(Readable.from([file.bytes]), {
        filename: file.filename,
        maxBytes: 100 * 1024 * 1024,
        id: documentId,
        ...(file.declaredContentType ? { contentType: file.declaredContentType } : {}),
      });
      const event = originEvent(
        'document.received',
        {
          blob: stored.ref,
          filename: file.filename,
          sizeBytes: stored.sizeBytes,
          ...(file.declaredContentType ? { declaredContentType: file.declaredContentType } : {}),
        },
        { tenantId, documentId },
      );
      await publish(event);
      return event;
    },
    outcome: (documentId, types, timeoutMs = 60_000) =>
      waitFor(
        () => events.find((e) => e.documentId === documentId && types.includes(e.type)),
        timeoutMs,
        `${types.join(' or ')} of document ${documentId}`,
      ),
    async close() {
      await bus.close(1_000).catch(() => undefined);
      await model.close().catch(() => undefined);
      await ctx.cleanup();
    },
  };
}
