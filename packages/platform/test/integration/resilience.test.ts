import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { queuesOf } from '@docflow/contracts';
import { DELIVERY_LIMIT } from '@docflow/contracts';
import { EventBus, IdempotencyStore, createMetrics, next } from '@docflow/platform';
import { createTestContext, repoRoot, waitFor, type TestContext } from '@docflow/testing';
import { Probe, receivedEvent, startBus } from './support';

const scanned = (documentId: string) =>
  next('document.scanned', {
    blob: { bucket: 'blobs', id: documentId },
    detectedType: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 1,
    sha256: 'b'.repeat(64),
    antivirus: { status: 'clean' },
  });

function runCrashingConsumer(ctx: TestContext): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures/crashing-consumer.ts')],
      {
        cwd: repoRoot,
        env: { ...process.env, ...ctx.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.on('exit', (code) => resolve(code));
  });
}

describe('runtime under faults (real RabbitMQ and MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let probe: Probe;
  const buses: EventBus[] = [];

  beforeEach(async () => {
    ctx = await createTestContext('resilience');
    probe = await Probe.open(ctx, ['document.#']);
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close(1_000)));
    await probe.close();
    await ctx.cleanup();
  });

  test('when a message crashes its consumer every time, then it stops at the delivery limit and is dead-lettered', async () => {
    // Arrange
    const publisher = await startBus(ctx);
    buses.push(publisher);
    const event = receivedEvent();
    await publisher.publish(event);

    // Act: each process takes the message and dies; the broker counts the deliveries
    const exits: (number | null)[] = [];
    for (let i = 0; i < DELIVERY_LIMIT + 3; i++) {
      exits.push(await runCrashingConsumer(ctx));
      if ((await probe.channel.checkQueue(queuesOf('scanner').deadLetter)).messageCount > 0) break;
    }
    const dead = await probe.waitForMessage(queuesOf('scanner').deadLetter, 5_000);

    // Assert
    expect(exits.filter((code) => code === 3).length).toBe(DELIVERY_LIMIT + 1);
    const death = (dead.properties.headers?.['x-death'] as { reason: string; queue: string }[])[0];
    expect(death).toMatchObject({ reason: 'delivery_limit', queue: 'docflow.scanner' });
    expect(JSON.parse(dead.content.toString()).eventId).toBe(event.eventId);
  }, 90_000);

  test('when the broker closes the connections mid-stream, then the consumer reconnects and every message is processed once', async () => {
    // Arrange
    const total = 300;
    const effects = ctx.db.collection<{ _id: string }>('effects');
    let invocations = 0;
    const bus = await startBus(ctx, { prefetch: 20 });
    buses.push(bus);
    await bus.consume('scanner', {
      'document.received': async (event) => {
        invocations += 1;
        await new Promise((r) => setTimeout(r, 5));
        // an idempotent effect, as handlers must write them
        await effects.updateOne(
          { _id: event.eventId },
          { $setOnInsert: { at: new Date() } },
          { upsert: true },
        );
        return scanned(event.documentId);
      },
    });
    const events = Array.from({ length: total }, () => receivedEvent());

    // Act: publish at a steady pace and close the service's connections from the broker side
    // twice while messages flow (the probe's own connection stays open)
    const publishing = (async () => {
      for (const e of events) {
        await bus.publish(e).catch(async () => {
          await waitFor(() => bus.connection.isConnected, 20_000);
          await bus.publish(e);
        });
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await waitFor(() => invocations > total / 4, 30_000, 'first messages handled');
    const closedFirst = await ctx.management.closeConnections(ctx.vhost, 'test-');
    await waitFor(
      () => invocations > total / 2,
      30_000,
      'more messages handled after the reconnect',
    );
    const closedSecond = await ctx.management.closeConnections(ctx.vhost, 'test-');
    await publishing;
    await waitFor(
      async () => (await effects.countDocuments()) === total,
      60_000,
      `${total} effects`,
    );
    await waitFor(
      () => new Set(probe.ofType('document.scanned').map((e) => e.causationId)).size === total,
      30_000,
      'every follow-up',
    );

    // Assert
    expect(closedFirst).toBeGreaterThan(0);
    expect(closedSecond).toBeGreaterThan(0);
    expect(await effects.countDocuments()).toBe(total);
    const followUps = probe.ofType('document.scanned');
    const distinctIds = new Set(followUps.map((e) => e.eventId));
    expect(distinctIds.size).toBe(total); // one follow-up id per event, even if a re-run re-sent it
    expect(new Set(followUps.map((e) => e.causationId))).toEqual(
      new Set(events.map((e) => e.eventId)),
    );
    expect(invocations).toBeGreaterThanOrEqual(total);
  }, 120_000);

  test('when two consumers race on the same event, then exactly one runs the handler and one follow-up is published', async () => {
    // Arrange: two independent connections on the same queue
    const metrics = [createMetrics('test'), createMetrics('test')] as const;
    const a = await startBus(ctx, { prefetch: 1 }, metrics[0]);
    const b = await startBus(ctx, { prefetch: 1 }, metrics[1]);
    buses.push(a, b);
    const ran: string[] = [];
    const handler = (who: string) => ({
      'document.received': async (event: { documentId: string }) => {
        ran.push(who);
        await new Promise((r) => setTimeout(r, 300)); // long enough for the copy to arrive
        return scanned(event.documentId);
      },
    });
    await a.consume('scanner', handler('a'));
    await b.consume('scanner', handler('b'));
    const event = receivedEvent();

    // Act: the same event (same id) published twice at once
    await Promise.all([a.publish(event), b.publish(event)]);
    await waitFor(() => probe.ofType('document.scanned').length >= 1);
    // the copy that lost the claim comes back from its retry and is dropped as a duplicate
    await waitFor(
      async () => {
        const counts = await Promise.all(metrics.map((m) => m.messagesConsumed.get()));
        return counts
          .flatMap((c) => c.values)
          .some((v) => v.labels.outcome === 'duplicate' && v.value > 0);
      },
      15_000,
      'the second copy consumed as a duplicate',
    );

    // Assert
    expect(ran).toHaveLength(1);
    expect(probe.ofType('document.scanned')).toHaveLength(1);
  }, 30_000);

  test('when twenty claims race on one key, then exactly one wins (unique-key insert)', async () => {
    const stores = Array.from(
      { length: 20 },
      (_, i) => new IdempotencyStore(ctx.db, `owner-${i}`, 60_000),
    );

    const results = await Promise.all(
      stores.map((s) => s.begin('scanner:race', { retries: 0, redelivered: false })),
    );

    expect(results.filter((r) => r === 'run')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(19);
    await stores[0]!.complete('scanner:race');
    expect(await stores[1]!.begin('scanner:race', { retries: 0, redelivered: true })).toBe(
      'duplicate',
    );
  });
});
