import { COLLECTIONS } from '@docflow/documents';
import { waitFor } from '@docflow/testing';
import type { RevisionRow } from '../../../src/adapters/record-store';
import {
  classifiedInvoice,
  documentEvent,
  startHarness,
  type Harness,
} from '../../support/harness';

describe('publisher: document.classified (real RabbitMQ and MongoDB-protocol server)', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness('publisher_records');
    // two consumers on the same queue: redeliveries may land on either, concurrently
    await harness.startPublisher();
    await harness.startPublisher();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const invoices = () => harness.ctx.db.collection(COLLECTIONS.invoices);
  const revisions = () => harness.ctx.db.collection<RevisionRow>(COLLECTIONS.recordRevisions);

  test('when the same classified event is delivered several times to two consumers, then exactly one record and one revision exist', async () => {
    // Arrange
    const doc = await harness.createDocument();
    const event = documentEvent(doc, 'document.classified', classifiedInvoice());

    const before = await harness.handled('document.classified');

    // Act
    await Promise.all([harness.publish(event), harness.publish(event), harness.publish(event)]);
    const published = await harness.waitForEvent(
      (e) => e.type === 'document.published' && e.documentId === doc.id,
      'document.published',
    );
    await waitFor(
      async () => (await harness.handled('document.classified')) >= before + 3,
      20_000,
      'all three deliveries handled',
    );

    // Assert
    expect(published.payload).toEqual({
      docType: 'invoice',
      records: [{ collection: 'invoices', id: doc.id }],
      revision: 1,
    });
    expect(await invoices().countDocuments({ documentId: doc.id })).toBe(1);
    expect(await revisions().countDocuments({ documentId: doc.id })).toBe(1);
    const record = await invoices().findOne({ documentId: doc.id });
    expect(record).toMatchObject({
      tenantId: doc.tenantId,
      number: 'F2024/0117',
      total: 1512.5,
      revision: 1,
      provenance: { modelVersion: 'base-20240101-abcdef012345', confidence: 0.97, reviewed: false },
    });
    const publishedIds = new Set(
      harness.events
        .filter((e) => e.type === 'document.published' && e.documentId === doc.id)
        .map((e) => e.eventId),
    );
    expect(publishedIds.size).toBe(1);
  });

  test('when a review corrects a published document, then the record is updated and the earlier revision is kept', async () => {
    // Arrange: published once from the model's classification
    const doc = await harness.createDocument();
    const classified = documentEvent(doc, 'document.classified', classifiedInvoice(1512.5));
    await harness.documents.execute(doc.id, { kind: 'event', event: classified }); // as the tracker would
    await harness.publish(classified);
    await waitFor(
      async () => (await invoices().findOne({ documentId: doc.id }))?.revision === 1,
      20_000,
      'revision 1',
    );

    // Act: a person corrects the total; the gateway's review publishes a new document.classified
    const review = await harness.documents.execute(doc.id, {
      kind: 'review',
      by: 'reviewer@acme',
      docType: 'invoice',
      fields: {
        ...classifiedInvoice().extraction.fields,
        total: { value: 1512.55, confidence: 1 },
      },
    });
    for (const event of review.transition!.events) await harness.publish(event);
    const second = await harness.waitForEvent(
      (e) =>
        e.type === 'document.published' &&
        e.documentId === doc.id &&
        (e.payload as { revision: number }).revision === 2,
      'document.published revision 2',
    );

    // Assert
    expect(second.payload).toMatchObject({ records: [{ collection: 'invoices', id: doc.id }] });
    expect(await invoices().countDocuments({ documentId: doc.id })).toBe(1);
    expect(await invoices().findOne({ documentId: doc.id })).toMatchObject({
      total: 1512.55,
      revision: 2,
      provenance: { modelVersion: 'review', confidence: 1, reviewed: true },
    });
    const kept = await revisions().find({ documentId: doc.id }).sort({ revision: 1 }).toArray();
    expect(kept.map((r) => [r.revision, r.records[0]!.record.provenance.modelVersion])).toEqual([
      [1, 'base-20240101-abcdef012345'],
      [2, 'review'],
    ]);
    expect(kept[0]!.records[0]!.record).toMatchObject({ total: 1512.5 });
  });

  test('when a review turns a published invoice into a receipt, then the invoice record is removed and the expense written', async () => {
    // Arrange: published once as an invoice
    const doc = await harness.createDocument();
    const classified = documentEvent(doc, 'document.classified', classifiedInvoice());
    await harness.documents.execute(doc.id, { kind: 'event', event: classified }); // as the tracker would
    await harness.publish(classified);
    await waitFor(
      async () => (await invoices().findOne({ documentId: doc.id }))?.revision === 1,
      20_000,
      'revision 1',
    );

    // Act
    const review = await harness.documents.execute(doc.id, {
      kind: 'review',
      by: 'reviewer@acme',
      docType: 'receipt',
      fields: {
        merchantName: { value: 'Fuel & Co', confidence: 1 },
        total: { value: 50, confidence: 1 },
      },
    });
    for (const event of review.transition!.events) await harness.publish(event);
    const second = await harness.waitForEvent(
      (e) =>
        e.type === 'document.published' &&
        e.documentId === doc.id &&
        (e.payload as { revision: number }).revision === 2,
      'document.published revision 2',
    );

    // Assert
    expect(second.payload).toMatchObject({
      docType: 'receipt',
      records: [{ collection: 'expenses', id: doc.id }],
    });
    expect(await invoices().countDocuments({ documentId: doc.id })).toBe(0);
    expect(
      await harness.ctx.db.collection(COLLECTIONS.expenses).findOne({ documentId: doc.id }),
    ).toMatchObject({ merchant: 'Fuel & Co', total: 50, revision: 2 });
  });

  test('when a classified event names another tenant than its document, then it is refused as TENANT_MISMATCH and nothing is written', async () => {
    // Arrange
    const doc = await harness.createDocument();
    const forged = documentEvent(
      { id: doc.id, tenantId: `ghost-${doc.tenantId}` },
      'document.classified',
      classifiedInvoice(),
    );

    // Act
    await harness.publish(forged);
    const failed = await harness.waitForEvent(
      (e) => e.type === 'document.failed' && e.causationId === forged.eventId,
      'document.failed',
    );

    // Assert
    expect(failed.payload).toMatchObject({
      stage: 'publisher',
      error: { code: 'TENANT_MISMATCH', transient: false },
    });
    expect((await harness.documents.getById(doc.id))?.publication).toBeUndefined();
    expect(await revisions().countDocuments({ documentId: doc.id })).toBe(0);
    expect(await invoices().countDocuments({ documentId: doc.id })).toBe(0);
  });

  test.each(['cancelled', 'rejected'] as const)(
    'when the document was %s before publication, then no record and no event are written',
    async (status) => {
      // Arrange
      const doc = await harness.createDocument();
      if (status === 'cancelled')
        await harness.documents.execute(doc.id, { kind: 'cancel', by: 'tester' });
      else
        await harness.documents.execute(doc.id, {
          kind: 'event',
          event: documentEvent(doc, 'document.rejected', {
            stage: 'scanner',
            reason: 'infected',
            message: 'EICAR test signature',
          }),
        });
      const event = documentEvent(doc, 'document.classified', classifiedInvoice());
      const before = await harness.handled('document.classified');

      // Act
      await harness.publish(event);
      await waitFor(
        async () => (await harness.handled('document.classified')) > before,
        20_000,
        'the event handled',
      );

      // Assert
      expect(await invoices().countDocuments({ documentId: doc.id })).toBe(0);
      expect(
        harness.events.filter((e) => e.documentId === doc.id && e.type === 'document.published'),
      ).toEqual([]);
      expect(await revisions().countDocuments({ documentId: doc.id })).toBe(0);
    },
  );
});
