// What the demo runs today: declares the contracts' topology on the broker, sends one
// `document.received` through it, and prints each queue with its live depth and consumers, plus
// where to look. Stage services join this script as they land.
import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { MongoClient } from 'mongodb';
import { buildTopology, consumers, queuesOf } from '@docflow/contracts';
import {
  EventBus,
  createLogger,
  createMetrics,
  originEvent,
  parseConfig,
  runtimeConfigSchema,
  safeUrl,
} from '@docflow/platform';

async function main(): Promise<void> {
  const config = parseConfig(runtimeConfigSchema);
  const managementUrl = process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://guest:guest@127.0.0.1:15672';
  const client = await new MongoClient(config.MONGODB_URL).connect();
  const bus = new EventBus({
    url: config.AMQP_URL,
    service: 'demo',
    logger: createLogger({ service: 'demo', level: 'warn' }),
    metrics: createMetrics('demo'),
    db: client.db(config.MONGODB_DATABASE),
    consumer: {
      prefetch: 1,
      retryDelaysMs: config.RETRY_DELAYS_MS,
      retryJitter: 0.2,
      handlerTimeoutMs: 10_000,
    },
  });
  await bus.start();
  const documentId = randomUUID();
  await bus.publish(
    originEvent(
      'document.received',
      { blob: { bucket: 'blobs', id: documentId }, filename: 'demo.pdf', sizeBytes: 0 },
      { tenantId: 'demo', documentId },
    ),
  );
  // Passive declares answer with the exact depth and consumer count, without the management
  // API's statistics delay.
  const inspector = await connect(config.AMQP_URL);
  const channel = await inspector.createChannel();
  const topology = buildTopology();
  const lines = [
    `topology declared: ${topology.exchanges.length} exchanges, ${topology.queues.length} queues, ${topology.bindings.length} bindings`,
    '',
  ];
  lines.push('consumer     service     work queue               ready  consumers  dead letters');
  for (const consumer of consumers) {
    const q = queuesOf(consumer.name);
    const work = await channel.checkQueue(q.work);
    const dlq = await channel.checkQueue(q.deadLetter);
    lines.push(
      `${consumer.name.padEnd(12)} ${consumer.service.padEnd(11)} ${q.work.padEnd(24)} ${String(work.messageCount).padStart(5)}  ${String(work.consumerCount).padStart(9)}  ${String(dlq.messageCount).padStart(12)}`,
    );
  }
  await inspector.close();
  lines.push(
    '',
    `sent document.received for document ${documentId} (tenant "demo"): it waits in docflow.scanner until the scanner service exists`,
    '',
    'where to look:',
    `  RabbitMQ management UI  ${safeUrl(managementUrl)}  (guest / guest)`,
    `  broker                  ${safeUrl(config.AMQP_URL)}`,
    `  MongoDB-protocol server ${config.MONGODB_URL}  (${process.env.MONGODB_SERVER ?? 'external'}), database "${config.MONGODB_DATABASE}"`,
    '  contracts               docs/contracts/ (JSON Schema, AsyncAPI, topology), docs/architecture.md',
    '',
    'the servers keep running; stop them with: npm run infra -- down',
  );
  process.stdout.write(lines.join('\n') + '\n');
  await bus.close(1_000);
  await client.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
