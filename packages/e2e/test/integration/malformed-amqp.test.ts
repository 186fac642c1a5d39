import { randomBytes, randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import {
  EXCHANGES,
  consumers,
  queuesOf,
  type AnyEvent,
  type ConsumerName,
} from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { parseConfig, type RuntimeConfig, type Worker } from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';
import { classifierConfigSchema, startClassifier } from '@docflow/classifier';
import { gatewayConfigSchema, startGateway } from '@docflow/gateway';
import { ocrConfigSchema, startOcr } from '@docflow/ocr';
import { publisherConfigSchema, startPublisher } from '@docflow/publisher';
import { scannerConfigSchema, startScanner } from '@docflow/scanner';
import { schedulerConfigSchema, startScheduler } from '@docflow/scheduler';
import { poisonCases, validEvent, type RawMessage } from '../corpus/malformed-messages';

const ADMIN_KEY = randomBytes(24).toString('hex');
const MAX_MESSAGE_BYTES = 64 * 1024;
const FINAL = ['published', 'needs_review'];
const STAGES = consumers.map((c) => c.name);
const DOCUMENT_STAGES = ['scanner', 'ocr', 'classifier', 'publisher', 'tracker'] as const;
const RECORDS = [
  COLLECTIONS.invoices,
  COLLECTIONS.expenses,
  COLLECTIONS.bankTransactions,
  COLLECTIONS.archive,
];

const INVOICE = `Northwind Traders S.L.
NIF: B58378431
FACTURA
Nº Factura: F2024/0117
Fecha de emisión: 15/03/2024
Cliente: Telefónica Soluciones S.A.
Base imponible                       1.250,00 €
IVA 21%                                262,50 €
Total factura                        1.512,50 €
`;

/** What a valid event about a document that does not exist becomes, per consumer. */
const GHOST_DOCUMENT: Record<ConsumerName, { reason: string; errorCode: string } | null> = {
  scanner: { reason: 'permanent_error', errorCode: 'BLOB_NOT_FOUND' },
  ocr: { reason: 'permanent_error', errorCode: 'BLOB_NOT_FOUND' },
  classifier: { reason: 'permanent_error', errorCode: 'TEXT_NOT_FOUND' },
  publisher: { reason: 'permanent_error', errorCode: 'DOCUMENT_NOT_FOUND' },
  tracker: { reason: 'retries_exhausted', errorCode: 'DOCUMENT_NOT_YET_KNOWN' },
  // a request for a job no one knows is answered: its run fails (job.completed, status failed)
  jobs: null,
};

/** A dead letter as the gateway stores it (see its dead-letter store). */
interface StoredDeadLetter {
  consumer: string;
  reason: string;
  errorCode: string | null;
  lastError: string | null;
  retries: number;
  replays: number;
  eventId: string | null;
}

type Running = Pick<Worker<RuntimeConfig>, 'metrics' | 'bus' | 'stop'>;
/** Added to every message of the corpus, to find its dead letter whatever its body. */
const MARKER = 'x-corpus-marker';

describe('stage consumers under malformed AMQP messages (the six services in one process)', () => {
  let ctx: TestContext;
  let base: string;
  let amqp: ChannelModel;
  let channel: ConfirmChannel;
  let probe: Channel;
  const seen: AnyEvent[] = [];
  const stops: (() => Promise<void>)[] = [];
  const workers: Running[] = [];

  const api = async (method: string, path: string, key: string, body?: BodyInit | object) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${key}` } };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  const send = async (queue: string, message: RawMessage, marker: string) => {
    channel.sendToQueue(queue, message.content, {
      ...message.options,
      headers: { ...message.options.headers, [MARKER]: marker },
    });
    await channel.waitForConfirms();
  };
  const publish = async (event: AnyEvent) => {
    channel.publish(EXCHANGES.events.name, event.type, Buffer.from(JSON.stringify(event)), {
      persistent: true,
      contentType: 'application/json',
    });
    await channel.waitForConfirms();
  };

  /** The dead letter of `consumer` sent with `marker`, once the gateway has stored it. */
  const deadLetter = (consumer: ConsumerName, marker: string) =>
    waitFor(
      () =>
        ctx.db
          .collection<StoredDeadLetter>(COLLECTIONS.deadLetters)
          .findOne({ consumer, [`headers.${MARKER}`]: marker }),
      20_000,
      `the dead letter ${marker} of ${consumer}`,
    );
  const deadLettersOf = (eventIds: string[]) =>
    ctx.db
      .collection<StoredDeadLetter>(COLLECTIONS.deadLetters)
      .find({ eventId: { $in: eventIds } })
      .toArray();

  /** `docflow_messages_consumed_total` by consumer and outcome, over every service. */
  const consumed = async (): Promise<Record<string, number>> => {
    const texts = [
      await (await fetch(`${base}/metrics`)).text(),
      ...(await Promise.all(workers.map((w) => w.metrics.registry.metrics()))),
    ];
    const totals: Record<string, number> = {};
    for (const line of texts.join('\n').split('\n')) {
      if (!line.startsWith('docflow_messages_consumed_total{')) continue;
      const consumer = /consumer="([^"]+)"/.exec(line)?.[1];
      const outcome = /outcome="([^"]+)"/.exec(line)?.[1];
      const key = `${consumer}:${outcome}`;
      totals[key] = (totals[key] ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return totals;
  };

  /** A new tenant's text invoice, uploaded and followed to a final state; its events. */
  const flowDocument = async () => {
    const created = await api('POST', '/v1/tenants', ADMIN_KEY, { name: `amqp-${randomUUID()}` });
    const key: string = created.body.apiKey.key;
    const form = new FormData();
    form.append('file', new Blob([INVOICE], { type: 'text/plain' }), 'factura.txt');
    const accepted = await api('POST', '/v1/documents', key, form);
    expect(accepted.status).toBe(202);
    const id: string = accepted.body.documents[0].id;
    await waitFor(
      async () => FINAL.includes((await api('GET', `/v1/documents/${id}`, key)).body.status),
      60_000,
      `document ${id} settled`,
    );
    // the final event reaches the probe too (the tracker and the probe are both bound to it)
    const events = await waitFor(() => {
      const own = seen.filter((e) => e.documentId === id);
      return (
        own.some((e) => e.type === 'document.published' || e.type === 'document.needs_review') &&
        own
      );
    });
    // and the tracker has recorded every one of them (they may reach it in any order: a
    // publication's status comes from the publisher's claim, before its event is recorded)
    const view = await waitFor(
      async () => {
        const doc = (await api('GET', `/v1/documents/${id}`, key)).body;
        const recorded = new Set((doc.timeline as { event: string }[]).map((t) => t.event));
        return events.every((e) => recorded.has(e.type)) && doc;
      },
      20_000,
      `every event of document ${id} recorded`,
    );
    return { key, id, tenantId: created.body.tenant.id as string, view, events };
  };

  beforeAll(async () => {
    ctx = await createTestContext('e2e-malformed-amqp');
    const env = {
      ...ctx.env,
      LOG_LEVEL: 'silent',
      HTTP_PORT: '0',
      RETRY_DELAYS_MS: '100,200',
      RETRY_JITTER: '0',
      AMQP_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
    };
    const gateway = await startGateway(
      parseConfig(gatewayConfigSchema, {
        ...env,
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: '0',
        ADMIN_API_KEY: ADMIN_KEY,
        RABBITMQ_MANAGEMENT_URL: process.env.RABBITMQ_MANAGEMENT_URL ?? '',
        OUTBOX_INTERVAL_MS: '200',
        OUTBOX_GRACE_MS: '500',
      }),
    );
    stops.push(() => gateway.stop());
    base = `http://127.0.0.1:${gateway.port}`;
    const started: Running[] = [
      await startScanner(parseConfig(scannerConfigSchema, { ...env, SCANNER_ANTIVIRUS: 'off' })),
      await startOcr(parseConfig(ocrConfigSchema, env)),
      await startClassifier(parseConfig(classifierConfigSchema, env)),
      await startPublisher(parseConfig(publisherConfigSchema, env)),
      await startScheduler(
        parseConfig(schedulerConfigSchema, { ...env, SCHEDULER_ENABLED: 'false' }),
      ),
    ];
    workers.push(...started);
    for (const w of started) stops.unshift(() => w.stop());
    amqp = await connect(ctx.amqpUrl);
    channel = await amqp.createConfirmChannel();
    probe = await amqp.createChannel();
    const { queue } = await probe.assertQueue('', { exclusive: true, autoDelete: true });
    await probe.bindQueue(queue, EXCHANGES.events.name, '#');
    await probe.consume(
      queue,
      (msg) => msg && seen.push(JSON.parse(msg.content.toString('utf8')) as AnyEvent),
      { noAck: true },
    );
  }, 120_000);

  afterAll(async () => {
    await amqp?.close().catch(() => undefined);
    for (const stop of stops) await stop().catch(() => undefined);
    await ctx?.cleanup();
  });

  it.each(STAGES)(
    'when every malformed message lands in the %s queue, then each is dead-lettered with its reason',
    async (consumer) => {
      const run = randomUUID().slice(0, 8);
      const sent = poisonCases.map((kase, i) => {
        const marker = `poison-${consumer}-${run}-${i}`;
        return {
          kase,
          marker,
          message: kase.message({ consumer, marker, maxMessageBytes: MAX_MESSAGE_BYTES }),
        };
      });
      for (const { message, marker } of sent) await send(queuesOf(consumer).work, message, marker);

      for (const { kase, marker } of sent) {
        const letter = await deadLetter(consumer, marker);
        expect({ what: kase.what, reason: letter.reason, errorCode: letter.errorCode }).toEqual({
          what: kase.what,
          reason: kase.reason,
          errorCode: kase.errorCode,
        });
        expect(letter.lastError).toMatch(/\S/);
        expect(letter).toMatchObject({ retries: 0, replays: 0 });
      }
    },
  );

  it.each(STAGES)(
    'when %s gets a valid event about a document that does not exist, with garbage counters, then it settles it once with a reason',
    async (consumer) => {
      const marker = `ghost-${consumer}-${randomUUID().slice(0, 8)}`;
      const event = validEvent({ consumer, marker, maxMessageBytes: MAX_MESSAGE_BYTES });
      await send(
        queuesOf(consumer).work,
        {
          content: Buffer.from(JSON.stringify(event)),
          options: {
            persistent: true,
            headers: { 'x-docflow-retries': -3, 'x-docflow-replays': 1.5, 'x-death': 'no' },
          },
        },
        marker,
      );
      const expected = GHOST_DOCUMENT[consumer];
      if (!expected) {
        const completed = await waitFor(() =>
          seen.find((e) => e.type === 'job.completed' && e.causationId === event.eventId),
        );
        expect(completed.payload).toMatchObject({ status: 'failed' });
        expect(await deadLettersOf([event.eventId])).toEqual([]);
        return;
      }
      const letter = await deadLetter(consumer, marker);
      expect({ reason: letter.reason, errorCode: letter.errorCode }).toEqual(expected);
      expect(letter.eventId).toBe(event.eventId);
    },
  );

  it.each(STAGES)(
    'when garbage lands straight in the %s dead-letter queue, then the gateway stores it, lists it and replays it byte for byte',
    async (consumer) => {
      const marker = `dlq-${consumer}-${randomUUID().slice(0, 8)}`;
      const body = Buffer.concat([Buffer.from([0x00, 0xff, 0xfe]), Buffer.from(marker)]);
      await send(
        queuesOf(consumer).deadLetter,
        {
          content: body,
          options: {
            headers: {
              'x-docflow-dead-lettered-at': 'yesterday',
              'x-first-death-reason': { not: 'a string' },
              'x-docflow-replays': -1,
              'a.b': 'dotted\u0000key',
              $where: 'dollar key',
            },
          },
        },
        marker,
      );
      const stored = await deadLetter(consumer, marker);
      expect(stored).toMatchObject({ reason: 'unknown', replays: 0 });
      const listed = await api('GET', `/v1/dead-letters?stage=${consumer}&limit=500`, ADMIN_KEY);
      expect(listed.status).toBe(200);
      const id = (stored as unknown as { _id: string })._id;
      expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(id);

      const replay = await api('POST', `/v1/dead-letters/${id}/replay`, ADMIN_KEY);
      expect(replay.status).toBe(200);
      const again = await waitFor(
        () =>
          ctx.db
            .collection<StoredDeadLetter & { body: string; bodyEncoding?: string }>(
              COLLECTIONS.deadLetters,
            )
            .findOne({ consumer, replays: 1, body: body.toString('base64') }),
        20_000,
        'the replayed message dead-lettered again',
      );
      expect(again).toMatchObject({ reason: 'not_json', bodyEncoding: 'base64' });
    },
  );

  it('when the whole corpus has been consumed, then every consumer still runs and a valid document flows to a final state', async () => {
    const { view } = await flowDocument();
    expect(FINAL).toContain(view.status);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    for (const worker of workers) expect(worker.bus.consumersRunning).toBe(true);
  });

  it("when a document's events are sent again naming another tenant, then every stage refuses them and nothing reaches that tenant", async () => {
    const doc = await flowDocument();
    const ghost = `ghost-${randomUUID().slice(0, 8)}`;
    const forged = doc.events
      .filter((e) => e.type !== 'document.published')
      .map((e) => ({ ...e, eventId: randomUUID(), tenantId: ghost, correlationId: ghost }));
    for (const event of forged) await publish(event as AnyEvent);

    const refusals = await waitFor(
      async () => {
        const letters = await deadLettersOf(forged.map((e) => e.eventId));
        const consumersOf = new Set(letters.map((d) => d.consumer));
        return DOCUMENT_STAGES.every((s) => consumersOf.has(s)) && letters;
      },
      20_000,
      'every stage refused the forged events',
    );
    for (const letter of refusals)
      expect({ consumer: letter.consumer, reason: letter.reason, code: letter.errorCode }).toEqual({
        consumer: letter.consumer,
        reason: 'permanent_error',
        code: 'TENANT_MISMATCH',
      });
    for (const collection of [...RECORDS, COLLECTIONS.texts, 'webhook_deliveries'])
      expect(await ctx.db.collection(collection).countDocuments({ tenantId: ghost })).toBe(0);
    const after = (await api('GET', `/v1/documents/${doc.id}`, doc.key)).body;
    const events = (view: { timeline: { event: string; at: string }[] }) =>
      view.timeline.map((t) => `${t.event}@${t.at}`);
    expect({ status: after.status, timeline: events(after) }).toEqual({
      status: doc.view.status,
      timeline: events(doc.view),
    });
  });

  it('when valid events are delivered again, then each consumer drops them as duplicates (the tracker: its state machine), with no dead letter and no second effect', async () => {
    const doc = await flowDocument();
    const run = await api('POST', '/v1/jobs/queue-depth-sampler/runs', ADMIN_KEY, {});
    expect(run.status).toBe(202);
    const requested = await waitFor(() =>
      seen.find((e) => e.type === 'job.requested' && e.correlationId === run.body.id),
    );
    await waitFor(() =>
      seen.find((e) => e.type === 'job.completed' && e.causationId === requested.eventId),
    );
    const records = async () =>
      (
        await Promise.all(
          RECORDS.map((c) => ctx.db.collection(c).countDocuments({ documentId: doc.id })),
        )
      ).reduce((a, b) => a + b, 0);
    const [before, recordsBefore] = [await consumed(), await records()];

    const again = [...doc.events, requested];
    for (const event of again) await publish(event);

    const handledBy = (e: AnyEvent) =>
      consumers
        .filter((c) => (c.consumes as readonly string[]).includes(e.type))
        .map((c) => c.name);
    const expected: Record<string, number> = {};
    // the tracker claims nothing (its state machine ignores an applied event): it acks the
    // redelivery, and the record below shows nothing changed
    for (const event of again)
      for (const name of handledBy(event)) {
        const outcome = name === 'tracker' ? 'acked' : 'duplicate';
        expected[`${name}:${outcome}`] = (expected[`${name}:${outcome}`] ?? 0) + 1;
      }
    const versionBefore = (
      await ctx.db.collection(COLLECTIONS.documents).findOne({ _id: doc.id as never })
    )?.version;
    const after = await waitFor(
      async () => {
        const now = await consumed();
        return (
          Object.entries(expected).every(([k, n]) => (now[k] ?? 0) - (before[k] ?? 0) >= n) && now
        );
      },
      20_000,
      'every redelivery counted as a duplicate',
    );
    // each redelivery is counted once, so none of them was handled again, retried or dead-lettered;
    // the tracker's acks are a floor: it also acks whatever else reaches it meanwhile (an event
    // the outbox sweep publishes again, say), and its record's version below shows no effect
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    for (const [k, n] of Object.entries(expected))
      if (k === 'tracker:acked') expect(delta(k)).toBeGreaterThanOrEqual(n);
      else expect({ k, delta: delta(k) }).toEqual({ k, delta: n });
    expect(await deadLettersOf(again.map((e) => e.eventId))).toEqual([]);
    expect(await records()).toBe(recordsBefore);
    const recordAfter = await ctx.db
      .collection(COLLECTIONS.documents)
      .findOne({ _id: doc.id as never });
    expect(recordAfter?.version).toBe(versionBefore);
  });
});
