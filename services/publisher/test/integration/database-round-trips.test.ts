import type { CommandStartedEvent } from 'mongodb';
import type { AnyEvent } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { waitFor } from '@docflow/testing';
import type { RevisionRow } from '../../src/adapters/record-store';
import type { Publisher } from '../../src/main';
import { classifiedInvoice, documentEvent, startHarness, type Harness } from '../support/harness';

/** The server URL with command monitoring on, so every round trip the publisher makes is seen. */
function monitored(url: string): string {
  if (url.includes('?')) return `${url}&monitorCommands=true`;
  const hosts = url.replace(/^mongodb(\+srv)?:\/\//, '');
  return `${url}${hosts.includes('/') ? '' : '/'}?monitorCommands=true`;
}

/** `<command> <collection>` of every command the client starts while `run` runs. */
async function commandsDuring(publisher: Publisher, run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (e: CommandStartedEvent) => {
    const target = e.command[e.commandName] as unknown;
    seen.push(typeof target === 'string' ? `${e.commandName} ${target}` : e.commandName);
  };
  publisher.mongo.client.on('commandStarted', listener);
  try {
    await run();
  } finally {
    publisher.mongo.client.off('commandStarted', listener);
  }
  return seen;
}

/** Commands per document, by kind, sorted (e.g. `{ 'find record_revisions': 1, … }`). */
function perDocument(commands: string[], documents: number): Record<string, number> {
  const counts = new Map<string, number>();
  for (const command of commands) counts.set(command, (counts.get(command) ?? 0) + 1);
  return Object.fromEntries(
    [...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => [k, n / documents]),
  );
}

describe('publisher: database round trips per document (real MongoDB-protocol server)', () => {
  const DOCUMENTS = 10;
  let harness: Harness;
  let publisher: Publisher;

  beforeAll(async () => {
    harness = await startHarness('publisher_round_trips', {
      MONGODB_URL: monitored(process.env.MONGODB_URL!),
      // no dispatcher rounds while counting; a cache that outlives the run, so the count is exact
      WEBHOOK_POLL_INTERVAL_MS: '3600000',
      WEBHOOK_ENDPOINTS_CACHE_MS: '60000',
    });
    publisher = await harness.startPublisher();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** The latest revision of each document. */
  const revisionsOf = async (ids: string[]) => {
    const rows = harness.ctx.db.collection<RevisionRow>(COLLECTIONS.recordRevisions);
    return Promise.all(
      ids.map(
        async (documentId) =>
          (await rows.findOne({ documentId }, { sort: { revision: -1 } }))?.revision,
      ),
    );
  };

  /** Publishes the event and waits until the publisher has acked it (its done marker written). */
  const publishAndWait = async (event: AnyEvent) => {
    const before = await harness.handled('document.classified');
    await harness.publish(event);
    await waitFor(
      async () => (await harness.handled('document.classified')) > before,
      20_000,
      'the event handled',
    );
  };

  test('when documents of one tenant are published for the first time, then each costs 9 round trips and the tenant one read of its webhook endpoints', async () => {
    // Arrange
    const first = await harness.createDocument();
    const docs = [first];
    for (let i = 1; i < DOCUMENTS; i++) docs.push(await harness.createDocument(first.tenantId));

    // Act: one at a time, so no race adds retries to the count
    const commands = await commandsDuring(publisher, async () => {
      for (const doc of docs)
        await publishAndWait(documentEvent(doc, 'document.classified', classifiedInvoice()));
    });

    // Assert
    expect(await revisionsOf(docs.map((d) => d.id))).toEqual(docs.map(() => 1));
    expect(perDocument(commands, DOCUMENTS)).toEqual({
      'find documents': 1, // the claim reads the record
      'find record_revisions': 2, // before the revision insert; the check after writing
      'find webhooks': 1 / DOCUMENTS,
      'insert document_transitions': 1, // the claim
      'insert processed_events': 2, // the runtime's idempotency claim and done marker
      'insert record_revisions': 1,
      'update documents': 1, // the claim's projection
      'update invoices': 1, // the record
    });
  });

  test('when a review corrects a published document, then its revision costs 14 round trips, the check for a racing run and the clean-up of earlier records included', async () => {
    // Arrange: published once
    const doc = await harness.createDocument();
    const classified = documentEvent(doc, 'document.classified', classifiedInvoice());
    await harness.documents.execute(doc.id, { kind: 'event', event: classified }); // as the tracker would
    await publishAndWait(classified);
    const review = await harness.documents.execute(doc.id, {
      kind: 'review',
      by: 'reviewer@acme',
      docType: 'invoice',
      fields: classifiedInvoice(1512.55).extraction.fields,
    });

    // Act
    const commands = await commandsDuring(publisher, async () => {
      for (const event of review.transition!.events) await publishAndWait(event);
    });

    // Assert
    expect(await revisionsOf([doc.id])).toEqual([2]);
    expect(perDocument(commands, 1)).toEqual({
      'delete archive': 1,
      'delete bank_transactions': 1,
      'delete expenses': 1,
      'delete invoices': 1,
      'find documents': 1,
      // before the insert; whether a concurrent run of the same event took a lower revision; the
      // check after writing
      'find record_revisions': 3,
      'insert document_transitions': 1,
      'insert processed_events': 2,
      'insert record_revisions': 1,
      'update documents': 1,
      'update invoices': 1,
    });
  });
});
