import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '@docflow/documents';
import { waitFor } from '@docflow/testing';
import type { DeliveryRow } from '../../src/adapters/delivery-log';
import type { WebhookEndpoint, WebhookEventName } from '../../src/adapters/webhook-endpoints';
import { verifySignature } from '../../src/domain/webhook-signature';
import type { Publisher } from '../../src/main';
import { classifiedInvoice, documentEvent, startHarness, type Harness } from '../support/harness';
import { startReceiver, type Receiver } from '../support/receiver';

const SECRET = 'whsec_integration_test_secret_0123';

describe('publisher: webhook deliveries (real RabbitMQ, MongoDB-protocol server, local receiver)', () => {
  let harness: Harness;
  let publisher: Publisher;
  let receiver: Receiver;

  beforeAll(async () => {
    harness = await startHarness('publisher_webhooks', {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', // the receiver listens on loopback
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_BACKOFF_BASE_MS: '50',
      WEBHOOK_BACKOFF_MAX_MS: '400',
      WEBHOOK_BREAKER_RESET_MS: '300',
      WEBHOOK_BREAKER_VOLUME: '3',
      WEBHOOK_BREAKER_ERROR_PERCENT: '50',
      WEBHOOK_MAX_ATTEMPTS: '1000',
    });
    publisher = await harness.startPublisher();
  });

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await receiver?.close();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function registerEndpoint(tenantId: string, events: WebhookEventName[]): Promise<string> {
    const endpoint: WebhookEndpoint = {
      _id: randomUUID(),
      tenantId,
      url: receiver.url,
      events,
      secret: SECRET,
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await harness.ctx.db.collection<WebhookEndpoint>(COLLECTIONS.webhooks).insertOne(endpoint);
    return endpoint._id;
  }

  const deliveries = (documentId: string) =>
    harness.ctx.db
      .collection<DeliveryRow>(COLLECTIONS.webhookDeliveries)
      .find({ documentId })
      .toArray();

  test('when a document is published and needs review, then the receiver gets both with a signature it can verify', async () => {
    // Arrange
    const doc = await harness.createDocument();
    await registerEndpoint(doc.tenantId, ['published', 'needs_review']);
    const review = documentEvent(doc, 'document.needs_review', {
      reason: 'low_confidence',
      docType: 'invoice',
      confidence: 0.41,
      modelVersion: 'base-20240101-abcdef012345',
      candidates: [{ docType: 'invoice', probability: 0.41 }],
      extraction: { fields: {}, tables: {} },
      findings: [],
    });

    // Act
    await harness.publish(review);
    await harness.publish(documentEvent(doc, 'document.classified', classifiedInvoice()));
    await waitFor(() => receiver.received.length >= 2, 20_000, 'two deliveries');

    // Assert
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies.map((b) => b.event).sort()).toEqual([
      'document.needs_review',
      'document.published',
    ]);
    for (const { headers, body } of receiver.received) {
      expect(verifySignature(SECRET, headers['docflow-signature'] as string, body)).toBe(true);
      expect(
        verifySignature('wrong-secret-0123456789', headers['docflow-signature'] as string, body),
      ).toBe(false);
      expect(headers['docflow-delivery']).toBe((JSON.parse(body) as { id: string }).id);
    }
    expect(bodies.find((b) => b.event === 'document.published')).toMatchObject({
      tenantId: doc.tenantId,
      documentId: doc.id,
      data: { docType: 'invoice', revision: 1, records: [{ collection: 'invoices', id: doc.id }] },
    });
    await waitFor(
      async () => (await deliveries(doc.id)).every((d) => d.status === 'delivered'),
      20_000,
      'the delivery log to show both delivered',
    );
    const log = await deliveries(doc.id);
    expect(log).toHaveLength(2);
    expect(log.map((d) => d.history.at(-1)?.statusCode)).toEqual([200, 200]);
  });

  test('when an endpoint is subscribed to needs_review only, then published documents are not sent to it', async () => {
    // Arrange
    const doc = await harness.createDocument();
    await registerEndpoint(doc.tenantId, ['needs_review']);
    const before = await harness.handled('document.classified');

    // Act
    await harness.publish(documentEvent(doc, 'document.classified', classifiedInvoice()));
    await waitFor(async () => (await harness.handled('document.classified')) > before, 20_000);

    // Assert
    expect(await deliveries(doc.id)).toEqual([]);
  });

  test('when a needs_review event arrives for a cancelled document, then no delivery is enqueued', async () => {
    // Arrange
    const doc = await harness.createDocument();
    await registerEndpoint(doc.tenantId, ['needs_review']);
    await harness.documents.execute(doc.id, { kind: 'cancel', by: 'tester' });
    const before = await harness.handled('document.needs_review');

    // Act
    await harness.publish(
      documentEvent(doc, 'document.needs_review', {
        reason: 'low_confidence',
        confidence: 0.41,
        modelVersion: 'base-20240101-abcdef012345',
        candidates: [{ docType: 'invoice', probability: 0.41 }],
        extraction: { fields: {}, tables: {} },
        findings: [],
      }),
    );
    await waitFor(async () => (await harness.handled('document.needs_review')) > before, 20_000);

    // Assert
    expect(await deliveries(doc.id)).toEqual([]);
  });

  test('when the receiver keeps failing, then its breaker opens, and after it recovers every delivery arrives', async () => {
    // Arrange: one tenant, one endpoint, a receiver that answers 503
    const first = await harness.createDocument();
    const endpointId = await registerEndpoint(first.tenantId, ['published']);
    receiver.setStatus(503);
    const docs = [first];
    for (let i = 0; i < 5; i++) docs.push(await harness.createDocument(first.tenantId));

    // Act: publish while the receiver fails, wait for the breaker to open, then let it recover
    for (const doc of docs)
      await harness.publish(documentEvent(doc, 'document.classified', classifiedInvoice()));
    await waitFor(
      async () => (await breakerEvents(publisher, endpointId, 'open')) > 0,
      20_000,
      'the endpoint breaker to open',
    );
    receiver.setStatus(200);

    // Assert: every document's delivery arrives (none lost) and the breaker closed again
    await waitFor(
      async () => {
        const rows = await Promise.all(docs.map((d) => deliveries(d.id)));
        return rows.every((r) => r.length === 1 && r[0]!.status === 'delivered');
      },
      30_000,
      'every delivery to be delivered',
    );
    expect(await breakerEvents(publisher, endpointId, 'close')).toBeGreaterThan(0);
    const delivered = new Set(
      receiver.received
        .filter((r) => r.answered === 200)
        .map((r) => (JSON.parse(r.body) as { documentId: string }).documentId),
    );
    expect([...delivered].sort()).toEqual(docs.map((d) => d.id).sort());
    expect(receiver.received.some((r) => r.answered === 503)).toBe(true);
    for (const { headers, body } of receiver.received)
      expect(verifySignature(SECRET, headers['docflow-signature'] as string, body)).toBe(true);
  });
});

async function breakerEvents(
  publisher: Publisher,
  endpointId: string,
  event: string,
): Promise<number> {
  const { values } = await publisher.metrics.breakerEvents.get();
  return values
    .filter((v) => v.labels.breaker === `webhook:${endpointId}` && v.labels.event === event)
    .reduce((sum, v) => sum + v.value, 0);
}
