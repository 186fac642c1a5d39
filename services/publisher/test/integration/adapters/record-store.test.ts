import { randomUUID } from 'node:crypto';
import type { DocType, ExtractedField, PayloadOf } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { createTestContext, type TestContext } from '@docflow/testing';
import {
  createRecordStore,
  type AssignResult,
  type RecordStore,
  type RevisionRow,
} from '../../../src/adapters/record-store';
import { mapRecords } from '../../../src/domain/map-records';

const f = (value: ExtractedField['value']): ExtractedField => ({ value, confidence: 0.9 });

type Payload = PayloadOf<'document.classified'>;

function classification(
  docType: DocType,
  fields: Record<string, ExtractedField>,
  tables: Record<string, Record<string, ExtractedField>[]> = {},
): Payload {
  return {
    docType,
    confidence: 0.9,
    modelVersion: 'base-20240101-abcdef012345',
    candidates: [{ docType, probability: 0.9 }],
    extraction: { fields, tables },
    findings: [],
  };
}

const invoice = () => classification('invoice', { invoiceNumber: f('F-1'), total: f(121) });
const receipt = () => classification('receipt', { merchantName: f('Fuel & Co'), total: f(50) });
const contract = () => classification('contract', { title: f('Lease') });
const statement = (lines: number) =>
  classification(
    'bank_statement',
    { bankName: f('Northshire') },
    {
      transactions: Array.from({ length: lines }, (_, i) => ({
        description: f(`line ${i}`),
        amount: f(-(i + 1)),
      })),
    },
  );

interface Classified {
  eventId: string;
  occurredAt: Date;
  payload: Payload;
}

const classified = (payload: Payload, occurredAt = new Date()): Classified => ({
  eventId: randomUUID(),
  occurredAt,
  payload,
});

const DESTINATIONS = [
  COLLECTIONS.invoices,
  COLLECTIONS.expenses,
  COLLECTIONS.bankTransactions,
  COLLECTIONS.archive,
];

describe('record store: revisions and the records of the latest one (real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let store: RecordStore;
  const tenantId = 'acme';

  beforeAll(async () => {
    ctx = await createTestContext('publisher_record_store');
    store = createRecordStore(ctx.db);
  });

  afterAll(async () => {
    await ctx?.cleanup();
  });

  const assign = (documentId: string, event: Classified, on = store): Promise<AssignResult> =>
    on.assignRevision({
      tenantId,
      documentId,
      docType: event.payload.docType,
      eventId: event.eventId,
      occurredAt: event.occurredAt,
      records: mapRecords({ tenantId, documentId, eventId: event.eventId, payload: event.payload }),
    });

  /** What the handler does with a classification: a revision, then the latest one's records. */
  const publish = async (documentId: string, event: Classified, on = store) => {
    const assigned = await assign(documentId, event, on);
    if (assigned.outcome === 'assigned') await on.writeLatest(documentId, assigned.latest);
    return assigned;
  };

  const assigned = (result: AssignResult) => {
    if (result.outcome !== 'assigned') throw new Error('expected an assigned revision');
    return result;
  };

  /** Every destination row of the document as `[collection, _id, revision]`, sorted. */
  const recordsOf = async (documentId: string) => {
    const rows = await Promise.all(
      DESTINATIONS.map(async (name) =>
        (
          await ctx.db
            .collection<{ _id: string; revision: number }>(name)
            .find({ documentId })
            .toArray()
        ).map((row) => [name, row._id, row.revision] as const),
      ),
    );
    return rows.flat().sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`));
  };

  /** The rows the revision's refs name, in `recordsOf`'s shape. */
  const expectedRows = (row: RevisionRow) =>
    row.refs
      .map((ref) => [destinationOf(ref.collection), ref.id, row.revision] as const)
      .sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`));

  test('when revision 2 changes the document type, then the record revision 1 wrote in the other collection is removed', async () => {
    // Arrange
    const documentId = randomUUID();
    await publish(documentId, classified(invoice()));

    // Act
    await publish(documentId, classified(receipt()));

    // Assert
    expect(await recordsOf(documentId)).toEqual([[COLLECTIONS.expenses, documentId, 2]]);
  });

  test('when revision 2 has fewer bank transactions, then the rows revision 1 had beyond them are removed', async () => {
    // Arrange
    const documentId = randomUUID();
    await publish(documentId, classified(statement(3)));

    // Act
    await publish(documentId, classified(statement(1)));

    // Assert
    expect(await recordsOf(documentId)).toEqual([
      [COLLECTIONS.bankTransactions, `${documentId}:0`, 2],
    ]);
  });

  test('when the writer of revision 1 finishes after the writer of revision 2, then only revision 2 records remain', async () => {
    // Arrange: both revisions taken, neither written
    const documentId = randomUUID();
    const first = assigned(await assign(documentId, classified(invoice())));
    const second = assigned(await assign(documentId, classified(receipt())));

    // Act: the newer writer first, then the slow older one with what it saw
    await store.writeLatest(documentId, second.latest);
    await store.writeLatest(documentId, first.latest);

    // Assert
    expect([first.revision.revision, second.revision.revision]).toEqual([1, 2]);
    expect(await recordsOf(documentId)).toEqual([[COLLECTIONS.expenses, documentId, 2]]);
  });

  test('when writers of different classifications of one document race, then exactly one record set remains, the latest revision', async () => {
    // Arrange: two stores, as in two publisher replicas; four classifications per document, each
    // a different destination, all at the same instant so none is stale
    const other = createRecordStore(ctx.db);
    const at = new Date();
    const documents = Array.from({ length: 6 }, () => randomUUID());
    const events = () =>
      [invoice(), receipt(), statement(3), contract()].map((p) => classified(p, at));

    // Act
    await Promise.all(
      documents.flatMap((documentId) =>
        events().map((event, i) => publish(documentId, event, i % 2 === 0 ? store : other)),
      ),
    );

    // Assert
    for (const documentId of documents) {
      const kept = await store.revisions(documentId);
      expect(kept.map((r) => r.revision)).toEqual([1, 2, 3, 4]);
      expect(await recordsOf(documentId)).toEqual(expectedRows(kept.at(-1)!));
    }
  });

  test.each([
    ['its first revision', 0],
    ['a later revision', 1],
  ])(
    'when runs of one classification race for %s, then it gets one revision and one record set',
    async (_what, earlier) => {
      // Arrange
      const documentId = randomUUID();
      for (let i = 0; i < earlier; i++) await publish(documentId, classified(statement(3)));
      const event = classified(receipt());

      // Act
      const results = await Promise.all(
        Array.from({ length: 5 }, () => publish(documentId, event)),
      );

      // Assert
      const numbers = new Set(results.map((r) => assigned(r).revision.revision));
      expect([...numbers]).toEqual([earlier + 1]);
      const kept = await store.revisions(documentId);
      expect(kept.filter((r) => r.sourceEventId === event.eventId)).toHaveLength(1);
      expect(kept).toHaveLength(earlier + 1);
      expect(await recordsOf(documentId)).toEqual([
        [COLLECTIONS.expenses, documentId, earlier + 1],
      ]);
    },
  );
});

function destinationOf(collection: RevisionRow['refs'][number]['collection']): string {
  return {
    invoices: COLLECTIONS.invoices,
    expenses: COLLECTIONS.expenses,
    bank_transactions: COLLECTIONS.bankTransactions,
    archive: COLLECTIONS.archive,
  }[collection];
}
