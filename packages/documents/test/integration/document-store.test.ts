import type { AnyEvent } from '@docflow/contracts';
import { createLogger, permanentError, transientError } from '@docflow/platform';
import { createTestContext, type TestContext } from '@docflow/testing';
import {
  COLLECTIONS,
  createDocumentStore,
  createOutboxRelay,
  newDocument,
  type DocumentStore,
  type Transition,
} from '../../src';
import { aDocument, anEvent, payloads } from '../support/builders';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('document store (real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let store: DocumentStore;

  beforeAll(async () => {
    ctx = await createTestContext('document-store');
    store = createDocumentStore(ctx.db);
  });
  afterAll(() => ctx.cleanup());

  it('when two writers race on one document, then exactly one wins each version and none goes back', async () => {
    const doc = aDocument();
    await store.create([doc], new Map());
    const scanned = anEvent(doc, 'document.scanned', payloads.scanned, { seconds: 2 });
    const extracted = anEvent(doc, 'document.text_extracted', payloads.textExtracted, {
      seconds: 4,
    });
    // two "replicas" with their own clients apply different events at the same moment
    const other = createDocumentStore(ctx.db);
    const results = await Promise.all([
      store.execute(doc._id, { kind: 'event', event: extracted }),
      other.execute(doc._id, { kind: 'event', event: scanned }),
    ]);
    expect(results.map((r) => r.transition?.version).sort()).toEqual([2, 3]);
    const final = await store.getById(doc._id);
    expect(final?.status).toBe('text_extracted');
    expect(final?.version).toBe(3);
    expect(final?.appliedEvents).toEqual(
      expect.arrayContaining([scanned.eventId, extracted.eventId]),
    );
    const versions = await ctx.db
      .collection(COLLECTIONS.transitions)
      .find({ documentId: doc._id })
      .toArray();
    expect(versions.map((v) => v._id).sort()).toEqual([1, 2, 3].map((v) => `${doc._id}:${v}`));
  });

  it('when many writers race to cancel and to claim publication, then exactly one of them wins', async () => {
    const doc = aDocument();
    await store.create([doc], new Map());
    const stores = Array.from({ length: 6 }, () => createDocumentStore(ctx.db));
    const results = await Promise.all(
      stores.map((s, i) =>
        s.execute(
          doc._id,
          i % 2 === 0
            ? { kind: 'cancel', by: `u${i}` }
            : { kind: 'claim_publication', by: `p${i}` },
        ),
      ),
    );
    const winners = results.filter((r) => r.decision.outcome === 'applied');
    expect(winners).toHaveLength(1);
    const final = await store.getById(doc._id);
    // cancelled and claimed never both hold
    expect(Boolean(final?.publication) && final?.status === 'cancelled').toBe(false);
  });

  it('when another tenant asks for a document, then it is not found', async () => {
    const doc = aDocument({ tenantId: 'acme' });
    await store.create([doc], new Map());
    expect(await store.get('globex', doc._id)).toBeNull();
    await expect(
      store.execute(doc._id, { kind: 'cancel', by: 'x' }, { tenantId: 'globex' }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
  });

  it('when the writer dies after the outbox write, then the sweep creates the record and publishes its event', async () => {
    const { record, received } = newDocument(
      {
        id: aDocument()._id,
        tenantId: 'acme',
        filename: 'a.pdf',
        sizeBytes: 3,
        sha256: 'b'.repeat(64),
        blob: { bucket: 'blobs', id: 'x' },
      },
      new Date(Date.now() - 60_000),
    );
    // what create() writes first, and nothing after: the process died here
    const orphan: Transition = {
      _id: `${record._id}:1`,
      documentId: record._id,
      version: 1,
      at: new Date(Date.now() - 60_000),
      command: 'create',
      record,
      events: [received],
      outboxPending: true,
    };
    await ctx.db.collection<Transition>(COLLECTIONS.transitions).insertOne(orphan);
    expect(await store.getById(record._id)).toBeNull();

    const published: AnyEvent[] = [];
    const relay = createOutboxRelay({
      store,
      publish: async (event) => {
        published.push(event);
      },
      logger,
      graceMs: 10_000,
      intervalMs: 60_000,
    });
    expect(await relay.drainOnce()).toBeGreaterThanOrEqual(1);
    expect(published.map((e) => e.eventId)).toContain(received.eventId);
    expect((await store.getById(record._id))?.status).toBe('received');
    // drained transitions are not sent again
    published.length = 0;
    await relay.drainOnce();
    expect(published.map((e) => e.eventId)).not.toContain(received.eventId);
  });

  it('when one pending event is refused for good, then the sweep sets it aside and publishes the rest; when the broker is away, it stops and keeps them all', async () => {
    const orphans = ['refused', 'fine'].map((name, i) => {
      const { record, received } = newDocument(
        {
          id: aDocument()._id,
          tenantId: 'acme',
          filename: `${name}.pdf`,
          sizeBytes: 3,
          sha256: 'c'.repeat(64),
          blob: { bucket: 'blobs', id: name },
        },
        new Date(Date.now() - 60_000),
      );
      // the refused one is older, so a sweep that stopped at it would never reach the other
      const transition: Transition = {
        _id: `${record._id}:1`,
        documentId: record._id,
        version: 1,
        at: new Date(Date.now() - 120_000 + i * 1_000),
        command: 'create',
        record,
        events: [received],
        outboxPending: true,
      };
      return transition;
    });
    const [refused, fine] = orphans as [Transition, Transition];
    const transitions = ctx.db.collection<Transition>(COLLECTIONS.transitions);
    await transitions.insertMany(orphans);

    let brokerAway = true;
    const published: string[] = [];
    const relay = createOutboxRelay({
      store,
      publish: async (event) => {
        if (brokerAway) throw transientError('BROKER_UNAVAILABLE', 'no publish channel');
        if (event.eventId === refused.events[0]!.eventId)
          throw permanentError('MESSAGE_INVALID', 'refusing to publish an invalid event');
        published.push(event.eventId);
      },
      logger,
      graceMs: 10_000,
      intervalMs: 60_000,
    });

    await expect(relay.drainOnce()).rejects.toMatchObject({ code: 'BROKER_UNAVAILABLE' });
    const whileAway = await transitions.find({ _id: { $in: [refused._id, fine._id] } }).toArray();
    expect(whileAway.map((t) => [t._id, t.outboxPending, t.outboxAttempts])).toEqual(
      expect.arrayContaining([
        [refused._id, true, undefined],
        [fine._id, true, undefined],
      ]),
    );

    brokerAway = false;
    await relay.drainOnce();
    expect(published).toContain(fine.events[0]!.eventId);
    expect(published).not.toContain(refused.events[0]!.eventId);
    const setAside = await transitions.findOne({ _id: refused._id });
    expect(setAside).toMatchObject({ outboxPending: true, outboxAttempts: 1 });
    expect(setAside?.outboxError).toMatch(/^MESSAGE_INVALID: /);
    expect(setAside!.outboxRetryAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await transitions.findOne({ _id: fine._id }))?.outboxPending).toBeUndefined();

    // set aside: not tried again before its time
    published.length = 0;
    const pendingNow = await store.pendingOutbox(new Date(), 1_000);
    expect(pendingNow.map((t) => t._id)).not.toContain(refused._id);
    const later = new Date(setAside!.outboxRetryAt!.getTime() + 1);
    expect((await store.pendingOutbox(later, 1_000, later)).map((t) => t._id)).toContain(
      refused._id,
    );
  });

  it('when the writer dies between a transition and the record update, then the next writer rolls it forward', async () => {
    const doc = aDocument();
    await store.create([doc], new Map());
    const scanned = anEvent(doc, 'document.scanned', payloads.scanned);
    const applied = await store.execute(doc._id, { kind: 'event', event: scanned });
    // undo the projection, as if the process died right after inserting the transition
    await ctx.db
      .collection(COLLECTIONS.documents)
      .updateOne({ _id: doc._id as never }, { $set: { version: 1, status: 'received' } });
    await ctx.db
      .collection(COLLECTIONS.transitions)
      .updateOne({ _id: applied.transition!._id as never }, { $set: { at: new Date(0) } });

    const extracted = anEvent(doc, 'document.text_extracted', payloads.textExtracted, {
      seconds: 3,
    });
    await store.execute(doc._id, { kind: 'event', event: extracted });
    const final = await store.getById(doc._id);
    expect(final?.version).toBe(3);
    expect(final?.status).toBe('text_extracted');
    expect(final?.scan?.sha256).toBe(payloads.scanned.sha256);
  });
});
