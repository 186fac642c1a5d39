import { connect, type ConfirmChannel } from 'amqplib';
import { EXCHANGES, buildTopology, queuesOf, type AnyEvent } from '@docflow/contracts';
import {
  EventBus,
  createLogger,
  createMetrics,
  declareTopology,
  followUpEvent,
  next,
} from '@docflow/platform';
import { advanceState, scannedPayload, seedDocuments } from './fixture';
import { sandbox, type Servers } from './sandbox';

export const PREFETCH = 16;

/** Publishes every body on a confirm channel, keeping at most `window` unconfirmed. */
async function publishAll(
  channel: ConfirmChannel,
  exchange: string,
  key: (i: number) => string,
  bodies: Buffer[],
  window = 256,
): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const settled = (): void => {
    inFlight -= 1;
    wake?.();
  };
  for (let i = 0; i < bodies.length; i++) {
    while (inFlight >= window) await new Promise<void>((r) => (wake = r));
    inFlight += 1;
    channel.publish(
      exchange,
      key(i),
      bodies[i]!,
      { persistent: true, contentType: 'application/json' },
      (err) => {
        if (err) throw err;
        settled();
      },
    );
  }
  await channel.waitForConfirms();
}

async function waitForQueueDepth(channel: ConfirmChannel, queue: string, n: number): Promise<void> {
  for (;;) {
    if ((await channel.checkQueue(queue)).messageCount >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** (a) The broker's limit: confirm-publish + consume + manual ack through one quorum queue (1 KB by default). */
export async function brokerHop(servers: Servers, n: number, messageBytes = 1024): Promise<number> {
  const box = await sandbox(servers);
  const model = await connect(box.amqpUrl);
  try {
    const pub = await model.createConfirmChannel();
    const con = await model.createChannel();
    const queue = 'bench.hop';
    await pub.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await con.prefetch(PREFETCH);
    const body = Buffer.alloc(messageBytes, 'x');
    let acked = 0;
    const done = new Promise<void>((resolve) => {
      void con.consume(queue, (msg) => {
        if (!msg) return;
        con.ack(msg);
        if (++acked === n) resolve();
      });
    });
    const start = performance.now();
    await publishAll(
      pub,
      '',
      () => queue,
      Array.from({ length: n }, () => body),
    );
    await done;
    return n / ((performance.now() - start) / 1000);
  } finally {
    await model.close();
    await box.dispose();
  }
}

/** Source of the (b) and (c) runs: N `document.received` events published while the hop runs. */
async function feed(
  amqpUrl: string,
  events: AnyEvent[],
): Promise<{ probe: ConfirmChannel; close: () => Promise<void>; publish: Promise<void> }> {
  const model = await connect(amqpUrl);
  const channel = await model.createConfirmChannel();
  await declareTopology(channel, buildTopology());
  const publish = publishAll(
    channel,
    EXCHANGES.events.name,
    (i) => events[i]!.type,
    events.map((e) => Buffer.from(JSON.stringify(e))),
  );
  return { probe: channel, publish, close: () => model.close() };
}

/** (b) The same hop through the runtime: validation, idempotency, one state update, confirmed follow-up. */
export async function runtimeHop(servers: Servers, n: number): Promise<number> {
  const box = await sandbox(servers);
  const events = await seedDocuments(box.db, n);
  const bus = new EventBus({
    url: box.amqpUrl,
    service: 'bench',
    logger: createLogger({ service: 'bench', level: 'silent' }),
    metrics: createMetrics('bench'),
    db: box.db,
    consumer: {
      prefetch: PREFETCH,
      retryDelaysMs: [1000],
      retryJitter: 0.2,
      handlerTimeoutMs: 60_000,
    },
  });
  await bus.start();
  const source = await feed(box.amqpUrl, []);
  try {
    await bus.consume('scanner', {
      'document.received': async (event) => {
        await advanceState(box.db, event.documentId);
        return next('document.scanned', scannedPayload(event.documentId));
      },
    });
    const start = performance.now();
    const run = await feed(box.amqpUrl, events);
    await run.publish;
    await waitForQueueDepth(run.probe, queuesOf('ocr').work, n);
    const rate = n / ((performance.now() - start) / 1000);
    await run.close();
    return rate;
  } finally {
    await source.close();
    await bus.close(5_000);
    await box.dispose();
  }
}

/** (c) The ceiling for (b): the raw amqplib hop plus exactly the database calls (b) makes per message. */
export async function rawHop(servers: Servers, n: number): Promise<number> {
  const box = await sandbox(servers);
  const events = await seedDocuments(box.db, n);
  const model = await connect(box.amqpUrl);
  try {
    const out = await model.createConfirmChannel();
    await declareTopology(out, buildTopology());
    const con = await model.createChannel();
    await con.prefetch(PREFETCH);
    const markers = box.db.collection<{ _id: string; at: Date }>('processed_events');
    const handlers = new Set<Promise<void>>();
    await con.consume(queuesOf('scanner').work, (msg) => {
      if (!msg) return;
      const task = (async () => {
        const event = JSON.parse(msg.content.toString()) as AnyEvent & { documentId: string };
        const key = `scanner:${event.eventId}`;
        await markers.insertOne({ _id: `${key}#r0`, at: new Date() });
        await advanceState(box.db, event.documentId);
        const follow = followUpEvent(
          'scanner',
          event,
          next('document.scanned', scannedPayload(event.documentId)),
          0,
        );
        await new Promise<void>((resolve, reject) =>
          out.publish(
            EXCHANGES.events.name,
            follow.type,
            Buffer.from(JSON.stringify(follow)),
            { persistent: true, mandatory: true, messageId: follow.eventId },
            (err) => (err ? reject(err) : resolve()),
          ),
        );
        await markers.insertOne({ _id: `${key}#done`, at: new Date() });
        con.ack(msg);
      })().finally(() => handlers.delete(task));
      handlers.add(task);
    });
    const start = performance.now();
    const run = await feed(box.amqpUrl, events);
    await run.publish;
    await waitForQueueDepth(run.probe, queuesOf('ocr').work, n);
    const rate = n / ((performance.now() - start) / 1000);
    await Promise.all([...handlers]);
    await run.close();
    return rate;
  } finally {
    await model.close();
    await box.dispose();
  }
}
