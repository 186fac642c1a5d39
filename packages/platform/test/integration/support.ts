import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { EXCHANGES, buildTopology, type AnyEvent } from '@docflow/contracts';
import {
  EventBus,
  createLogger,
  createMetrics,
  declareTopology,
  originEvent,
  type ConsumerOptions,
} from '@docflow/platform';
import { waitFor, type TestContext } from '@docflow/testing';

export const fastRetries: ConsumerOptions = {
  prefetch: 8,
  retryDelaysMs: [200, 400, 800],
  retryJitter: 0.2,
  handlerTimeoutMs: 5_000,
};

export async function startBus(
  ctx: TestContext,
  consumer: Partial<ConsumerOptions> = {},
  metrics = createMetrics('test'),
): Promise<EventBus> {
  const bus = new EventBus({
    url: ctx.amqpUrl,
    service: 'test',
    logger: createLogger({ service: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    metrics,
    db: ctx.db,
    reconnectMaxMs: 500,
    consumer: { ...fastRetries, ...consumer },
  });
  await bus.start();
  return bus;
}

export function receivedEvent(tenantId = 'acme'): AnyEvent {
  const documentId = randomUUID();
  return originEvent(
    'document.received',
    { blob: { bucket: 'blobs', id: randomUUID() }, filename: 'invoice.pdf', sizeBytes: 1234 },
    { tenantId, documentId },
  );
}

/** An exclusive queue bound to the events exchange that records what is published. */
export class Probe {
  readonly events: AnyEvent[] = [];
  readonly raw: string[] = [];
  private constructor(
    private readonly model: ChannelModel,
    readonly channel: Channel,
  ) {}

  static async open(ctx: TestContext, routingKeys: string[]): Promise<Probe> {
    const model = await connect(ctx.amqpUrl);
    const channel = await model.createChannel();
    const probe = new Probe(model, channel);
    await declareTopology(channel, buildTopology());
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const key of routingKeys) await channel.bindQueue(queue, EXCHANGES.events.name, key);
    await channel.consume(
      queue,
      (msg) => {
        if (!msg) return;
        try {
          probe.events.push(JSON.parse(msg.content.toString()));
        } catch {
          probe.raw.push(msg.content.toString()); // the tests publish broken bodies on purpose
        }
      },
      { noAck: true },
    );
    return probe;
  }

  ofType(type: string): AnyEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  /** Takes one message from a queue (dead-letter queues in the tests). */
  get(queue: string): Promise<GetMessage | false> {
    return this.channel.get(queue, { noAck: true });
  }

  async waitForMessage(queue: string, timeoutMs = 15_000): Promise<GetMessage> {
    return waitFor(() => this.get(queue), timeoutMs, `a message on ${queue}`);
  }

  async publishRaw(routingKey: string, body: Buffer | string): Promise<void> {
    this.channel.publish(
      EXCHANGES.events.name,
      routingKey,
      Buffer.isBuffer(body) ? body : Buffer.from(body),
      { persistent: true },
    );
  }

  async close(): Promise<void> {
    await this.model.close().catch(() => undefined);
  }
}
