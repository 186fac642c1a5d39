import { randomUUID } from 'node:crypto';
import { connect, type ChannelModel } from 'amqplib';
import {
  EXCHANGES,
  buildTopology,
  type AnyEvent,
  type EventType,
  type PayloadOf,
} from '@docflow/contracts';
import { createDocumentStore, newDocument, type DocumentStore } from '@docflow/documents';
import { declareTopology, parseConfig } from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';
import { publisherConfigSchema } from '../../src/config';
import { startPublisher, type Publisher } from '../../src/main';

export interface Harness {
  ctx: TestContext;
  documents: DocumentStore;
  /** Every event on the exchange since the harness started. */
  events: AnyEvent[];
  startPublisher(): Promise<Publisher>;
  /** A new document (record and transition) of a new tenant, as the gateway would create it. */
  createDocument(tenantId?: string): Promise<{ id: string; tenantId: string }>;
  /** Publishes an event on the exchange, as the classifier (or the gateway's outbox) would. */
  publish(event: AnyEvent): Promise<void>;
  waitForEvent(predicate: (e: AnyEvent) => boolean, what: string): Promise<AnyEvent>;
  /** Messages of `type` the publishers finished with (handled, duplicate or dropped), in total. */
  handled(type: EventType): Promise<number>;
  stop(): Promise<void>;
}

const FINISHED = new Set(['acked', 'duplicate', 'dropped']);

export async function startHarness(
  name: string,
  env: Record<string, string> = {},
): Promise<Harness> {
  const ctx = await createTestContext(name);
  const amqp: ChannelModel = await connect(ctx.amqpUrl);
  const channel = await amqp.createConfirmChannel();
  await declareTopology(channel, buildTopology());
  const events: AnyEvent[] = [];
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, EXCHANGES.events.name, '#');
  await channel.consume(queue, (msg) => msg && events.push(JSON.parse(msg.content.toString())), {
    noAck: true,
  });
  const publishers: Publisher[] = [];
  const documents = createDocumentStore(ctx.db);
  return {
    ctx,
    documents,
    events,
    async startPublisher() {
      const config = parseConfig(publisherConfigSchema, {
        ...ctx.env,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        RETRY_DELAYS_MS: '100,200,400',
        ...env,
      });
      const publisher = await startPublisher(config);
      publishers.push(publisher);
      return publisher;
    },
    async createDocument(tenantId = `t-${randomUUID().slice(0, 8)}`) {
      const id = randomUUID();
      const { record, received } = newDocument(
        {
          id,
          tenantId,
          filename: 'scan.pdf',
          sizeBytes: 10,
          sha256: 'a'.repeat(64),
          blob: { bucket: 'blobs', id: randomUUID() },
        },
        new Date(),
      );
      await documents.create([record], new Map([[id, [received]]]));
      return { id, tenantId };
    },
    async publish(event) {
      channel.publish(EXCHANGES.events.name, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        messageId: event.eventId,
      });
      await channel.waitForConfirms();
    },
    waitForEvent: (predicate, what) => waitFor(() => events.find(predicate), 20_000, what),
    async handled(type) {
      let total = 0;
      for (const publisher of publishers) {
        const { values } = await publisher.metrics.messagesConsumed.get();
        for (const { labels, value } of values)
          if (labels.event_type === type && FINISHED.has(String(labels.outcome))) total += value;
      }
      return total;
    },
    async stop() {
      for (const publisher of publishers) await publisher.stop();
      await amqp.close().catch(() => undefined);
      await ctx.cleanup();
    },
  };
}

export { documentEvent } from '@docflow/testing';

const field = (value: string | number) => ({ value, confidence: 0.95 });

/** A classified invoice as the classifier emits it. */
export function classifiedInvoice(total = 1512.5): PayloadOf<'document.classified'> {
  return {
    docType: 'invoice',
    confidence: 0.97,
    modelVersion: 'base-20240101-abcdef012345',
    candidates: [{ docType: 'invoice', probability: 0.97 }],
    extraction: {
      fields: {
        invoiceNumber: field('F2024/0117'),
        issueDate: field('2024-03-15'),
        currency: field('EUR'),
        subtotal: field(1250),
        taxAmount: field(262.5),
        total: field(total),
      },
      tables: {},
    },
    findings: [],
  };
}
