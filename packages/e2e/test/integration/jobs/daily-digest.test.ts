import { randomUUID } from 'node:crypto';
import { digestId, type DigestRecord, type EventType, type PayloadOf } from '@docflow/contracts';
import { COLLECTIONS, createDocumentStore, newDocument } from '@docflow/documents';
import { documentEvent } from '@docflow/testing';
import { previousUtcDay } from '../../../../../services/scheduler/src/domain/daily-digest';
import { call, startStack, steps, type Stack, type StageStep } from '../../support/jobs-stack';

const DAY = '2026-03-14';
const at = (iso: string) => new Date(`${DAY}T${iso}Z`);

describe('daily digest job and GET /v1/reports/digest (real broker, database and gateway)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('scheduler-digest');
  }, 60_000);
  afterAll(() => stack.stop());

  /**
   * A document uploaded at `createdAt` whose stage events are applied `afterMs` later, through the
   * document store with a fixed clock (so its end-to-end latency is exactly `afterMs`).
   */
  const seed = async (
    tenantId: string,
    createdAt: Date,
    afterMs: number,
    ...events: StageStep[]
  ) => {
    let now = createdAt;
    const store = createDocumentStore(stack.h.ctx.db, () => now);
    const id = randomUUID();
    const { record } = newDocument(
      {
        id,
        tenantId,
        filename: 'scan.pdf',
        sizeBytes: 10,
        sha256: 'a'.repeat(64),
        blob: { bucket: 'blobs', id: randomUUID() },
      },
      createdAt,
    );
    await store.create([record], new Map());
    now = new Date(createdAt.getTime() + afterMs);
    for (const [type, payload] of events)
      await store.execute(id, {
        kind: 'event',
        event: documentEvent({ id, tenantId }, type as EventType, payload as PayloadOf<EventType>),
      });
    return id;
  };

  const blob = { bucket: 'blobs', id: 'b' };
  const text = steps.textExtracted({ store: 'collection', id: 't' }, 100);
  const receipt: StageStep = [
    'document.classified',
    { ...(steps.classified()[1] as PayloadOf<'document.classified'>), docType: 'receipt' },
  ];
  const review: StageStep = [
    'document.needs_review',
    {
      reason: 'low_confidence',
      docType: 'receipt',
      confidence: 0.4,
      modelVersion: 'test-model',
      candidates: [{ docType: 'receipt', probability: 0.4 }],
      extraction: { fields: {}, tables: {} },
      findings: [],
    },
  ];
  const rejected: StageStep = [
    'document.rejected',
    { stage: 'scanner', reason: 'corrupt', message: 'truncated PDF' },
  ];
  const published = (...before: StageStep[]): StageStep[] => [
    steps.scanned(blob, 10),
    text,
    ...before,
    steps.published(randomUUID()),
  ];

  it('when documents of a day are seeded, then the digest counts them by type and outcome with failure rate and latency percentiles, and the route serves it', async () => {
    const acme = await stack.h.tenant();
    const globex = await stack.h.tenant();
    const quiet = await stack.h.tenant();
    await seed(acme.id, at('08:00:00.000'), 1_000, ...published(steps.classified()));
    await seed(acme.id, at('09:00:00.000'), 2_000, ...published(steps.classified()));
    await seed(acme.id, at('10:00:00.000'), 3_000, ...published(receipt));
    await seed(acme.id, at('11:00:00.000'), 4_000, steps.scanned(blob, 10), text, review);
    await seed(acme.id, at('12:00:00.000'), 10_000, steps.scanned(blob, 10), steps.failed('ocr'));
    await seed(acme.id, at('13:00:00.000'), 500, rejected);
    const running = await seed(acme.id, at('23:59:59.999'), 100, steps.scanned(blob, 10));
    // the days around it and another tenant's document stay out of acme's digest
    await seed(acme.id, new Date('2026-03-13T23:59:59.999Z'), 100, rejected);
    await seed(acme.id, new Date('2026-03-15T00:00:00.000Z'), 100, rejected);
    await seed(globex.id, at('12:00:00.000'), 700, rejected);

    const run = await stack.runJob('daily-digest', { date: DAY });
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ date: DAY, tenants: 3, documents: 8 });

    const res = await call(stack.h, 'GET', `/v1/reports/digest?date=${DAY}`, { key: acme.key });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      date: DAY,
      documents: 7,
      byOutcome: {
        published: 3,
        needs_review: 1,
        rejected: 1,
        failed: 1,
        cancelled: 0,
        in_progress: 1,
      },
      failureRate: 0.1429,
      // [500, 1000, 2000, 3000, 4000, 10000] ms, nearest rank
      latencyMs: { p50: 2_000, p95: 10_000, settled: 6 },
    });
    expect(res.body.byType.invoice).toMatchObject({ published: 2, failed: 0 });
    expect(res.body.byType.receipt).toMatchObject({ published: 1, needs_review: 1 });
    expect(res.body.byType.unclassified).toMatchObject({
      failed: 1,
      rejected: 1,
      in_progress: 1,
    });
    const other = await call(stack.h, 'GET', `/v1/reports/digest?date=${DAY}`, {
      key: globex.key,
    });
    expect(other.body).toMatchObject({ documents: 1, byOutcome: { rejected: 1 } });
    const empty = await call(stack.h, 'GET', `/v1/reports/digest?date=${DAY}`, { key: quiet.key });
    expect(empty.body).toMatchObject({ documents: 0, failureRate: null });

    // a re-run replaces the day's digest
    const store = createDocumentStore(stack.h.ctx.db);
    for (const step of [text, steps.classified(), steps.published(randomUUID())])
      await store.execute(running, {
        kind: 'event',
        event: documentEvent({ id: running, tenantId: acme.id }, step[0], step[1] as never),
      });
    const rerun = await stack.runJob('daily-digest', { date: DAY, tenantId: acme.id });
    expect(rerun.output).toEqual({ date: DAY, tenants: 1, documents: 7 });
    const digests = stack.h.ctx.db.collection<DigestRecord>(COLLECTIONS.digests);
    const stored = await digests.find({ tenantId: acme.id, date: DAY }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!._id).toBe(digestId(acme.id, DAY));
    expect(stored[0]!.byOutcome).toMatchObject({ published: 4, in_progress: 0 });
  }, 120_000);

  it('when the date is missing, malformed or never digested, then 400 with the issues or 404 with a clear message', async () => {
    const tenant = await stack.h.tenant();
    const bad = await call(stack.h, 'GET', '/v1/reports/digest?date=2026-02-30', {
      key: tenant.key,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details.issues.length).toBeGreaterThan(0);
    for (const query of ['?date=14-03-2026', '']) {
      const res = await call(stack.h, 'GET', `/v1/reports/digest${query}`, { key: tenant.key });
      expect(res.status).toBe(400);
    }

    const missing = await call(stack.h, 'GET', '/v1/reports/digest?date=2020-01-01', {
      key: tenant.key,
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'DIGEST_NOT_FOUND' });
    expect(missing.body.message).toContain('2020-01-01');

    expect((await call(stack.h, 'GET', '/v1/reports/digest?date=2020-01-01')).status).toBe(401);
  });

  it('when the job runs without a date, then it digests the UTC day before the run', async () => {
    const tenant = await stack.h.tenant();
    const run = await stack.runJob('daily-digest', { tenantId: tenant.id });
    const yesterday = previousUtcDay(new Date());
    expect(run.output).toMatchObject({ date: yesterday, tenants: 1 });
    const res = await call(stack.h, 'GET', `/v1/reports/digest?date=${yesterday}`, {
      key: tenant.key,
    });
    expect(res.status).toBe(200);
    expect(res.body.documents).toBe(0);
  });
});
