import { queuesOf, type AnyEvent } from '@docflow/contracts';
import { randomUUID } from 'node:crypto';
import {
  EventBus,
  HEADERS,
  next,
  originEvent,
  permanentError,
  transientError,
} from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';
import { Probe, receivedEvent, startBus } from './support';

const scannedPayload = (event: AnyEvent) =>
  next('document.scanned', {
    blob: { bucket: 'blobs', id: String(event.documentId) },
    detectedType: 'pdf',
    mimeType: 'application/pdf',
    sizeBytes: 1234,
    sha256: 'a'.repeat(64),
    antivirus: { status: 'clean' },
  });

describe('stage consumer (real RabbitMQ and MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let bus: EventBus | undefined;
  let probe: Probe;
  const queues = queuesOf('scanner');

  beforeEach(async () => {
    ctx = await createTestContext('consumer');
    probe = await Probe.open(ctx, ['document.#']);
  });

  afterEach(async () => {
    await bus?.close(1_000);
    bus = undefined;
    await probe.close();
    await ctx.cleanup();
  });

  test('when an event is published, then it is handled exactly once, acked, and its follow-up published', async () => {
    // Arrange
    const calls: string[] = [];
    bus = await startBus(ctx);
    await bus.consume('scanner', {
      'document.received': async (event) => {
        calls.push(event.eventId);
        return scannedPayload(event);
      },
    });
    const event = receivedEvent();

    // Act
    await bus.publish(event);
    const [scanned] = await waitFor(
      () => probe.ofType('document.scanned').length > 0 && probe.ofType('document.scanned'),
    );

    // Assert
    expect(calls).toEqual([event.eventId]);
    expect(scanned).toMatchObject({
      causationId: event.eventId,
      documentId: event.documentId,
      tenantId: 'acme',
      correlationId: event.correlationId,
    });
    await bus.close(1_000);
    bus = undefined;
    const check = await probe.channel.checkQueue(queues.work);
    expect(check.messageCount).toBe(0); // acked: nothing came back when the consumer closed
  });

  test('when a handler fails transiently, then it is retried with growing delays and then succeeds', async () => {
    // Arrange
    const attempts: number[] = [];
    bus = await startBus(ctx);
    await bus.consume('scanner', {
      'document.received': async (event) => {
        attempts.push(Date.now());
        if (attempts.length <= 3) throw transientError('STORAGE_BUSY', `busy (${attempts.length})`);
        return scannedPayload(event);
      },
    });

    // Act
    await bus.publish(receivedEvent());
    await waitFor(() => probe.ofType('document.scanned').length === 1, 15_000);

    // Assert: delays of 200, 400, 800 ms ±20 % — each gap longer than the one before
    expect(attempts).toHaveLength(4);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[1]!);
    expect(probe.ofType('document.failed')).toHaveLength(0);
  });

  test('when transient failures outlast the retries, then the message is dead-lettered as retries_exhausted', async () => {
    bus = await startBus(ctx, { retryDelaysMs: [50, 100] });
    let calls = 0;
    await bus.consume('scanner', {
      'document.received': async () => {
        calls += 1;
        throw transientError('STORAGE_BUSY', 'still busy');
      },
    });
    const event = receivedEvent();

    await bus.publish(event);
    const dead = await probe.waitForMessage(queues.deadLetter);

    expect(calls).toBe(3);
    expect(dead.properties.headers?.[HEADERS.reason]).toBe('retries_exhausted');
    expect(dead.properties.headers?.[HEADERS.retries]).toBe(2);
    expect(JSON.parse(dead.content.toString()).eventId).toBe(event.eventId);
  });

  test('when a server the handler needs stays away past the retry levels, then the message keeps retrying on the last delay and completes once it is back', async () => {
    bus = await startBus(ctx, { retryDelaysMs: [50, 100], retryJitter: 0, outageRetryMs: 30_000 });
    let calls = 0;
    await bus.consume('scanner', {
      'document.received': async (event) => {
        calls += 1;
        // away for 6 tries: two levels, then four more on the last level
        if (calls <= 6) throw transientError('CLAMD_UNAVAILABLE', 'refused', { outage: true });
        return [scannedPayload(event)];
      },
    });
    const event = receivedEvent();

    await bus.publish(event);
    await waitFor(() => probe.ofType('document.scanned').length === 1, 20_000, 'scanned');

    expect(calls).toBe(7);
    expect(probe.ofType('document.failed')).toEqual([]);
    expect((await probe.channel.checkQueue(queues.deadLetter)).messageCount).toBe(0);
  });

  test('when the outage outlasts RETRY_OUTAGE_MS, then the message is dead-lettered as retries_exhausted, its first outage failure in a header', async () => {
    bus = await startBus(ctx, { retryDelaysMs: [50, 100], retryJitter: 0, outageRetryMs: 600 });
    let calls = 0;
    await bus.consume('scanner', {
      'document.received': async () => {
        calls += 1;
        throw transientError('CLAMD_UNAVAILABLE', 'refused', { outage: true });
      },
    });
    const started = Date.now();
    await bus.publish(receivedEvent());
    const dead = await probe.waitForMessage(queues.deadLetter);

    // 50 + 100 ms of levels, then 100 ms steps until 600 ms after the first failure
    expect(calls).toBeGreaterThan(4);
    expect(dead.properties.headers?.[HEADERS.reason]).toBe('retries_exhausted');
    expect(dead.properties.headers?.[HEADERS.retries]).toBe(calls - 1);
    const since = dead.properties.headers?.[HEADERS.outageSince] as number;
    expect(since).toBeGreaterThanOrEqual(started);
    expect(Date.now() - since).toBeGreaterThanOrEqual(600);
    expect(probe.ofType('document.failed')).toHaveLength(1);
  });

  test('when a handler fails permanently, then the message lands in the dead-letter queue with the reason and the document is marked failed', async () => {
    // Arrange
    let calls = 0;
    bus = await startBus(ctx);
    await bus.consume('scanner', {
      'document.received': async () => {
        calls += 1;
        throw permanentError('FILE_UNREADABLE', 'the blob is gone');
      },
    });
    const event = receivedEvent();

    // Act
    await bus.publish(event);
    const dead = await probe.waitForMessage(queues.deadLetter);

    // Assert
    expect(calls).toBe(1);
    const headers = dead.properties.headers ?? {};
    expect(headers[HEADERS.reason]).toBe('permanent_error');
    expect(headers[HEADERS.errorCode]).toBe('FILE_UNREADABLE');
    expect(headers[HEADERS.lastError]).toBe('the blob is gone');
    expect(headers[HEADERS.consumer]).toBe('scanner');
    expect(JSON.parse(dead.content.toString())).toEqual(event); // body kept as it was
    const [failed] = await waitFor(
      () => probe.ofType('document.failed').length > 0 && probe.ofType('document.failed'),
    );
    expect(failed).toMatchObject({
      documentId: event.documentId,
      payload: { stage: 'scanner', error: { code: 'FILE_UNREADABLE' } },
    });
  });

  test('when a message does not match its schema, then it is dead-lettered at once with the validation issues', async () => {
    // Arrange
    let calls = 0;
    bus = await startBus(ctx);
    await bus.consume('scanner', { 'document.received': async () => void (calls += 1) });
    const invalid = { ...receivedEvent(), payload: { filename: '' } };

    // Act
    await probe.publishRaw('document.received', JSON.stringify(invalid));
    await probe.publishRaw('document.received', '{not json');
    const first = await probe.waitForMessage(queues.deadLetter);
    const second = await probe.waitForMessage(queues.deadLetter);

    // Assert
    const byReason = Object.fromEntries(
      [first, second].map((m) => [m.properties.headers?.[HEADERS.reason], m]),
    );
    expect(Object.keys(byReason).sort()).toEqual(['not_json', 'schema_invalid']);
    const issues = JSON.parse(
      String(byReason.schema_invalid!.properties.headers?.[HEADERS.details]),
    );
    expect(issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['payload.blob', 'payload.filename', 'payload.sizeBytes']),
    );
    expect(byReason.not_json!.content.toString()).toBe('{not json');
    expect(calls).toBe(0);
    await bus.close(1_000);
    bus = undefined;
    expect((await probe.channel.checkQueue(queues.work)).messageCount).toBe(0); // acked, not held
  });

  test('when a publish has no queue bound for it, then it fails as unroutable instead of vanishing', async () => {
    bus = await startBus(ctx);
    // job.completed: only the tracker consumes it (the probe listens to document.# alone)
    const event = originEvent(
      'job.completed',
      {
        runId: randomUUID(),
        job: 'retention',
        status: 'succeeded',
        startedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
      },
      { tenantId: 'system' },
    );
    await expect(bus.publish(event)).resolves.toBeUndefined(); // routable while the queue exists
    await ctx.management.request(
      'DELETE',
      `/queues/${encodeURIComponent(ctx.vhost)}/${encodeURIComponent('docflow.tracker')}`,
    );

    await expect(bus.publish(event)).rejects.toMatchObject({ code: 'PUBLISH_UNROUTABLE' });
  });

  test('when the service shuts down mid-handler, then the handler finishes, its follow-up is published and the message is acked', async () => {
    // Arrange
    let started = false;
    let finished = false;
    bus = await startBus(ctx);
    await bus.consume('scanner', {
      'document.received': async (event) => {
        started = true;
        await new Promise((r) => setTimeout(r, 800));
        finished = true;
        return scannedPayload(event);
      },
    });
    await bus.publish(receivedEvent());
    await waitFor(() => started);

    // Act
    await bus.close(5_000);
    bus = undefined;

    // Assert
    expect(finished).toBe(true);
    await waitFor(() => probe.ofType('document.scanned').length === 1);
    expect((await probe.channel.checkQueue(queues.work)).messageCount).toBe(0);
  });
});
