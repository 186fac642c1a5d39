import { randomUUID } from 'node:crypto';
import { packPageWords, type PayloadOf } from '@docflow/contracts';
import {
  COLLECTIONS,
  createDocumentStore,
  createTextStore,
  newDocument,
  type Transition,
} from '@docflow/documents';
import { readServerSentEvents } from '@docflow/event-stream';
import { waitFor } from '@docflow/testing';
import { call, form, stageEvent, startHarness, type Harness } from '../support/harness';

const scanned: PayloadOf<'document.scanned'> = {
  blob: { bucket: 'blobs', id: 'x' },
  detectedType: 'pdf',
  mimeType: 'application/pdf',
  sizeBytes: 10,
  sha256: 'c'.repeat(64),
  pages: 1,
  antivirus: { status: 'clean', engine: 'ClamAV' },
};
const extracted: PayloadOf<'document.text_extracted'> = {
  detectedType: 'pdf',
  text: { store: 'collection', id: 'none' },
  totalChars: 120,
  pages: [{ page: 1, method: 'text_layer', confidence: 1, chars: 120, durationMs: 4 }],
};
const classified: PayloadOf<'document.classified'> = {
  docType: 'invoice',
  confidence: 0.96,
  modelVersion: 'base-test',
  candidates: [{ docType: 'invoice', probability: 0.96 }],
  extraction: { fields: { total: { value: 121, raw: '121,00', confidence: 0.9 } }, tables: {} },
  findings: [],
};

/** Reads an SSE stream into a list of { event, id, data } until stopped. */
function listen(h: Harness, path: string, key: string) {
  const controller = new AbortController();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SSE payloads are checked by the assertions
  const messages: { event: string; id?: string; data: any }[] = [];
  const done = (async () => {
    const response = await fetch(`${h.url}${path}`, {
      headers: { authorization: `Bearer ${key}` },
      signal: controller.signal,
    });
    for await (const m of readServerSentEvents(
      response.body as unknown as AsyncIterable<Uint8Array>,
    ))
      messages.push({ ...m, data: JSON.parse(m.data) });
  })().catch(() => undefined);
  return { messages, stop: async () => (controller.abort(), done) };
}

describe('document lifecycle through the gateway (events as the stages publish them)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('gateway-lifecycle');
  });
  afterAll(() => h.stop());

  async function upload(key: string, n = 1, batch = false) {
    const res = await call(h, 'POST', batch ? '/v1/batches' : '/v1/documents', {
      key,
      body: form(
        Array.from({ length: n }, (_, i) => ({
          filename: `doc-${i}.pdf`,
          content: `%PDF-1.4 ${i} ${randomUUID()}`,
        })),
      ),
    });
    expect(res.status).toBe(202);
    return res.body as { batchId?: string; documents: { id: string }[] };
  }
  const statusOf = async (key: string, id: string) =>
    (await call(h, 'GET', `/v1/documents/${id}`, { key })).body;

  it('when the stages report, then status, timeline, batch progress and the SSE stream follow', async () => {
    const { id: tenantId, key } = await h.tenant();
    const batch = await upload(key, 2, true);
    const [first, second] = batch.documents.map((d) => ({ id: d.id, tenantId }));
    const sse = listen(h, `/v1/events?batchId=${batch.batchId}`, key);
    await waitFor(() => sse.messages.find((m) => m.event === 'snapshot'), 10_000, 'snapshot');
    expect(sse.messages[0]!.data.batch.total).toBe(2);

    for (const [type, payload] of [
      ['document.scanned', scanned],
      ['document.text_extracted', extracted],
      ['document.classified', classified],
      [
        'document.published',
        { docType: 'invoice', records: [{ collection: 'invoices', id: 'r1' }], revision: 1 },
      ],
    ] as const)
      await h.publish(stageEvent(first!, type, payload as never));
    await h.publish(
      stageEvent(second!, 'document.rejected', {
        stage: 'scanner',
        reason: 'infected',
        message: 'Eicar-Test-Signature',
      }),
    );

    const view = await waitFor(
      async () => {
        const v = await statusOf(key, first!.id);
        // the tracker handles events concurrently: wait until all five are applied
        return v.status === 'published' && v.timeline.length === 5 ? v : null;
      },
      15_000,
      'published',
    );
    expect(view.stage).toBeNull();
    expect(view.records).toEqual([{ collection: 'invoices', id: 'r1' }]);
    expect(view.result).toMatchObject({ docType: 'invoice', confidence: 0.96 });
    expect(view.timeline.map((t: { event: string }) => t.event)).toEqual([
      'document.received',
      'document.scanned',
      'document.text_extracted',
      'document.classified',
      'document.published',
    ]);
    expect(view.timeline.every((t: { durationMs: number }) => t.durationMs >= 0)).toBe(true);

    const progress = await waitFor(
      async () => {
        const p = (await call(h, 'GET', `/v1/batches/${batch.batchId}`, { key })).body;
        return p.settled === 2 ? p : null;
      },
      15_000,
      'batch settled',
    );
    expect(progress).toMatchObject({
      total: 2,
      percentDone: 100,
      byStatus: { published: 1, rejected: 1 },
    });
    expect(progress.finishedAt).not.toBeNull();
    expect(progress.latencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(progress.latencyMs.p95).toBeGreaterThanOrEqual(progress.latencyMs.p50);

    await waitFor(
      () => sse.messages.some((m) => m.event === 'document.published'),
      10_000,
      'SSE published',
    );
    await waitFor(
      () => sse.messages.some((m) => m.event === 'document.rejected'),
      10_000,
      'SSE rejected',
    );
    const live = sse.messages.filter((m) => m.event !== 'snapshot');
    expect(live.every((m) => m.id && batch.documents.some((d) => d.id === m.data.documentId))).toBe(
      true,
    );
    expect(live.find((m) => m.event === 'document.rejected')!.data).toMatchObject({
      status: 'rejected',
      summary: { reason: 'infected' },
    });
    await sse.stop();

    // a reconnecting client gets the current state first
    const again = listen(h, `/v1/events?documentId=${first!.id}`, key);
    const snap = await waitFor(
      () => again.messages.find((m) => m.event === 'snapshot'),
      10_000,
      'snapshot',
    );
    expect(snap.data.document.status).toBe('published');
    await again.stop();
  });

  it('when an event is redelivered or arrives late, then the document does not move back', async () => {
    const { id: tenantId, key } = await h.tenant();
    const [doc] = (await upload(key)).documents.map((d) => ({ id: d.id, tenantId }));
    const late = stageEvent(doc!, 'document.scanned', scanned);
    await h.publish(stageEvent(doc!, 'document.text_extracted', extracted));
    await waitFor(
      async () => (await statusOf(key, doc!.id)).status === 'text_extracted',
      15_000,
      'text_extracted',
    );
    await h.publish(late);
    await h.publish(late);
    await waitFor(
      async () => (await statusOf(key, doc!.id)).timeline.length === 3,
      15_000,
      'late event kept',
    );
    const view = await statusOf(key, doc!.id);
    expect(view.status).toBe('text_extracted');
    expect(
      view.timeline.find((t: { event: string }) => t.event === 'document.scanned').applied,
    ).toBe(false);
  });

  it('when a document is cancelled, then it answers cancelled, announces it, and a published one cannot be', async () => {
    const { id: tenantId, key } = await h.tenant();
    const [a, b] = (await upload(key, 2)).documents.map((d) => ({ id: d.id, tenantId }));
    const cancelled = await call(h, 'POST', `/v1/documents/${a!.id}/cancel`, {
      key,
      body: { reason: 'wrong file' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'wrong file' },
    });
    await h.probe.find(
      (e) => e.type === 'document.cancelled' && e.documentId === a!.id,
      'document.cancelled',
    );
    // a later stage event does not revive it
    await h.publish(stageEvent(a!, 'document.scanned', scanned));
    await h.probe.find((e) => e.type === 'document.scanned' && e.documentId === a!.id);
    // the tracker records the late event on the timeline without applying it
    const late = await waitFor(
      async () => {
        const view = await statusOf(key, a!.id);
        const entry = view.timeline.find((t: { event: string }) => t.event === 'document.scanned');
        return entry ? { view, entry } : null;
      },
      10_000,
      'the late document.scanned on the timeline',
    );
    expect(late.entry.applied).toBe(false);
    expect(late.view.status).toBe('cancelled');

    await h.publish(
      stageEvent(b!, 'document.published', {
        docType: 'invoice',
        records: [{ collection: 'invoices', id: 'r2' }],
        revision: 1,
      }),
    );
    await waitFor(
      async () => (await statusOf(key, b!.id)).status === 'published',
      15_000,
      'published',
    );
    const refused = await call(h, 'POST', `/v1/documents/${b!.id}/cancel`, { key, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('DOCUMENT_NOT_CANCELLABLE');
  });

  it('when a failed document is retried, then its failed stage input is re-published as a new attempt', async () => {
    const { id: tenantId, key } = await h.tenant();
    const [doc] = (await upload(key)).documents.map((d) => ({ id: d.id, tenantId }));
    const input = stageEvent(doc!, 'document.scanned', scanned);
    await h.publish(input);
    await h.publish(
      stageEvent(doc!, 'document.failed', {
        stage: 'ocr',
        error: { code: 'OCR_CRASHED', message: 'engine died', transient: true },
        retries: 5,
      }),
    );
    await waitFor(async () => (await statusOf(key, doc!.id)).status === 'failed', 15_000, 'failed');
    expect((await statusOf(key, doc!.id)).errors[0]).toMatchObject({
      stage: 'ocr',
      code: 'OCR_CRASHED',
    });
    expect(
      (
        await call(h, 'POST', `/v1/documents/${doc!.id}/review`, {
          key,
          body: { docType: 'invoice' },
        })
      ).status,
    ).toBe(409);

    const retried = await call(h, 'POST', `/v1/documents/${doc!.id}/retry`, { key });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'scanned', stage: 'ocr', attempt: 2 });
    const again = await h.probe.find(
      (e) => e.type === 'document.scanned' && e.documentId === doc!.id && e.attempt === 2,
      'retried input',
    );
    expect(again.causationId).toBe(input.eventId);
    expect((await call(h, 'POST', `/v1/documents/${doc!.id}/retry`, { key })).status).toBe(409);
  });

  it('when a document needing review is corrected, then the correction is published and kept for training', async () => {
    const { id: tenantId, key } = await h.tenant();
    const [doc] = (await upload(key)).documents.map((d) => ({ id: d.id, tenantId }));
    await h.publish(
      stageEvent(doc!, 'document.needs_review', {
        ...classified,
        reason: 'low_confidence',
        confidence: 0.41,
      }),
    );
    await waitFor(
      async () => (await statusOf(key, doc!.id)).status === 'needs_review',
      15_000,
      'needs_review',
    );
    const reviewed = await call(h, 'POST', `/v1/documents/${doc!.id}/review`, {
      key,
      body: { docType: 'receipt', fields: { total: 12.5, merchant: 'Café Sol' } },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: 'classified',
      result: { docType: 'receipt', modelVersion: 'review' },
    });
    const correction = await h.probe.find(
      (e) => e.type === 'document.classified' && e.documentId === doc!.id,
      'correction',
    );
    expect(correction.payload).toMatchObject({
      docType: 'receipt',
      extraction: { fields: { total: { value: 12.5 } } },
    });
    const example = await h.ctx.db
      .collection(COLLECTIONS.trainingExamples)
      .findOne({ documentId: doc!.id });
    expect(example).toMatchObject({ tenantId, docType: 'receipt' });
    const bad = await call(h, 'POST', `/v1/documents/${doc!.id}/review`, {
      key,
      body: { docType: 'poem' },
    });
    expect(bad.status).toBe(400);
  });

  it("when a reviewer corrects a receipt, then its vendor's layout is remembered once, under the tenant", async () => {
    // Arrange
    const { id: tenantId, key } = await h.tenant();
    const [doc] = (await upload(key)).documents.map((d) => ({ id: d.id, tenantId }));
    const text = [
      'KEDAI RUNCIT SENTOSA SDN BHD',
      'RESIT 00012    03.02.2019 10:42',
      'JUMLAH                     24.40',
      'BERSIH                     26.84',
      'TUNAI                      50.00',
    ].join('\n');
    const ref = await createTextStore(h.ctx.db).save({
      tenantId,
      documentId: doc!.id,
      pages: [{ page: 1, text }],
    });
    await h.publish(stageEvent(doc!, 'document.text_extracted', { ...extracted, text: ref }));
    await h.publish(
      stageEvent(doc!, 'document.needs_review', {
        ...classified,
        docType: 'receipt',
        reason: 'validation_failed',
        confidence: 0.8,
      }),
    );
    await waitFor(
      async () => (await statusOf(key, doc!.id)).status === 'needs_review',
      15_000,
      'needs_review',
    );

    // Act
    const reviewed = await call(h, 'POST', `/v1/documents/${doc!.id}/review`, {
      key,
      body: {
        docType: 'receipt',
        fields: { merchantName: 'KEDAI RUNCIT SENTOSA SDN BHD', date: '2019-02-03', total: 26.84 },
      },
    });

    // Assert
    expect(reviewed.status).toBe(200);
    const lessons = await h.ctx.db
      .collection(COLLECTIONS.vendorLayouts)
      .find({ documentId: doc!.id })
      .toArray();
    expect(lessons).toHaveLength(1);
    expect(lessons[0]).toMatchObject({
      _id: expect.stringMatching(new RegExp(`^${tenantId}:${doc!.id}:v\\d+$`)),
      tenantId,
      layout: {
        docType: 'receipt',
        vendorKeys: ['name:KEDAIRUNCITSENTOSASDNBHD'],
        constants: { merchantName: 'KEDAI RUNCIT SENTOSA SDN BHD' },
        anchors: {
          total: [{ kind: 'amount', label: ['bersih'] }],
          date: [{ kind: 'date', label: ['resit'], reading: 'dmy' }],
        },
      },
    });
  });

  it('when the gateway died after writing a document but before publishing, then the sweep publishes it', async () => {
    const { id: tenantId, key } = await h.tenant();
    const { record, received } = newDocument(
      {
        id: randomUUID(),
        tenantId,
        filename: 'orphan.pdf',
        sizeBytes: 3,
        sha256: 'd'.repeat(64),
        blob: { bucket: 'blobs', id: 'orphan' },
      },
      new Date(),
    );
    // what the intake writes before publishing, and nothing after (the process died)
    const written: Transition[] = await createDocumentStore(h.ctx.db).create(
      [record],
      new Map([[record._id, [received]]]),
    );
    expect(written).toHaveLength(1);
    const published = await h.probe.find(
      (e) => e.eventId === received.eventId,
      'swept document.received',
    );
    expect(published.documentId).toBe(record._id);
    expect((await statusOf(key, record._id)).status).toBe('received');
  });

  it('when text was extracted, then GET /text answers it page by page, and 404 before', async () => {
    const { id: tenantId, key } = await h.tenant();
    const [doc] = (await upload(key)).documents.map((d) => ({ id: d.id, tenantId }));
    expect((await call(h, 'GET', `/v1/documents/${doc!.id}/text`, { key })).body.error).toBe(
      'TEXT_NOT_FOUND',
    );
    const pages = [
      { page: 1, text: 'FACTURA Nº 2024-117' },
      { page: 2, text: 'Total a pagar: 1.234,56 €' },
    ];
    const ref = await createTextStore(h.ctx.db).save({ tenantId, documentId: doc!.id, pages });
    await h.publish(stageEvent(doc!, 'document.text_extracted', { ...extracted, text: ref }));
    await waitFor(
      async () => (await statusOf(key, doc!.id)).status === 'text_extracted',
      15_000,
      'text_extracted',
    );
    const text = await call(h, 'GET', `/v1/documents/${doc!.id}/text`, { key });
    expect(text.status).toBe(200);
    expect(text.body.pages).toEqual(pages);
  });

  it("when words were kept and fields classified, then GET /text?include=words answers each page's words and the words each field covers", async () => {
    const { id: tenantId, key } = await h.tenant();
    const [doc] = (await upload(key)).documents.map((d) => ({ id: d.id, tenantId }));
    const pages = [
      { page: 1, text: 'FACTURA 2024-117' },
      { page: 2, text: 'Total: 1.234,56 EUR' },
    ];
    const size = { width: 600, height: 800, unit: 'pt' as const };
    const words = [
      packPageWords(1, size, [
        { x0: 60, y0: 80, x1: 180, y1: 96, confidence: 1, start: 0, end: 7 },
        { x0: 190, y0: 80, x1: 270, y1: 96, confidence: 1, start: 8, end: 16 },
      ]),
      packPageWords(2, size, [
        { x0: 60, y0: 400, x1: 120, y1: 416, confidence: 0.5, start: 0, end: 6 },
        { x0: 420, y0: 400, x1: 510, y1: 416, confidence: 0.875, start: 7, end: 15 },
        { x0: 520, y0: 400, x1: 560, y1: 416, confidence: 0.9, start: 16, end: 19 },
      ]),
    ];
    const ref = await createTextStore(h.ctx.db).save({
      tenantId,
      documentId: doc!.id,
      pages,
      words,
    });
    // the total's span: "1.234,56" in the document text (pages joined by a form feed)
    const totalAt = pages[0]!.text.length + 1 + 7;
    await h.publish(stageEvent(doc!, 'document.text_extracted', { ...extracted, text: ref }));
    await h.publish(
      stageEvent(doc!, 'document.classified', {
        ...classified,
        extraction: {
          fields: {
            total: {
              value: 1234.56,
              raw: '1.234,56',
              confidence: 0.9,
              span: { start: totalAt, end: totalAt + 8, page: 2 },
            },
            number: { value: '2024-117', confidence: 0.9, span: { start: 8, end: 16, page: 1 } },
            currency: { value: 'EUR', confidence: 0.9 },
          },
          tables: {},
        },
      }),
    );
    await waitFor(
      async () => (await statusOf(key, doc!.id)).status === 'classified',
      15_000,
      'classified',
    );

    const plain = await call(h, 'GET', `/v1/documents/${doc!.id}/text`, { key });
    const text = await call(h, 'GET', `/v1/documents/${doc!.id}/text?include=words`, { key });
    const refused = await call(h, 'GET', `/v1/documents/${doc!.id}/text?include=boxes`, { key });

    expect(plain.body).toEqual({ documentId: doc!.id, totalChars: 36, pages });
    expect(text.status).toBe(200);
    expect(text.body.pages[0]).toMatchObject({ page: 1, text: pages[0]!.text, size });
    expect(text.body.pages[1].words[1]).toEqual({
      page: 2,
      text: '1.234,56',
      box: { x0: 0.7, y0: 0.5, x1: 0.85, y1: 0.52 },
      confidence: 0.88,
      start: totalAt,
      end: totalAt + 8,
    });
    expect(text.body.fields).toEqual([
      { field: 'total', page: 2, box: { x0: 0.7, y0: 0.5, x1: 0.85, y1: 0.52 }, words: [1] },
      { field: 'number', page: 1, box: { x0: 0.3167, y0: 0.1, x1: 0.45, y1: 0.12 }, words: [1] },
    ]);
    expect(refused.status).toBe(400);
  });

  it('when a batch has failed documents, then batch retry retries only those and batch cancel skips finished ones', async () => {
    const { id: tenantId, key } = await h.tenant();
    const batch = await upload(key, 3, true);
    const [a, b, c] = batch.documents.map((d) => ({ id: d.id, tenantId }));
    await h.publish(
      stageEvent(a!, 'document.failed', {
        stage: 'scanner',
        error: { code: 'CLAMD_DOWN', message: 'down', transient: true },
        retries: 5,
      }),
    );
    await h.publish(
      stageEvent(b!, 'document.published', {
        docType: 'invoice',
        records: [{ collection: 'invoices', id: 'r3' }],
        revision: 1,
      }),
    );
    await waitFor(
      async () =>
        (await statusOf(key, a!.id)).status === 'failed' &&
        (await statusOf(key, b!.id)).status === 'published',
      15_000,
      'settled',
    );
    const retry = await call(h, 'POST', `/v1/batches/${batch.batchId}/retry`, { key });
    expect(retry.body.affected).toEqual([a!.id]);
    const cancel = await call(h, 'POST', `/v1/batches/${batch.batchId}/cancel`, { key });
    expect(cancel.body.affected.sort()).toEqual([a!.id, c!.id].sort());
    expect(cancel.body.skipped.map((s: { id: string }) => s.id)).toEqual([b!.id]);
  });
});
