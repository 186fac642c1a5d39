import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '@docflow/documents';
import { waitFor } from '@docflow/testing';
import type { DeliveryRow } from '../../src/adapters/delivery-log';
import type { WebhookEndpoint } from '../../src/adapters/webhook-endpoints';
import { classifiedInvoice, documentEvent, startHarness, type Harness } from '../support/harness';
import {
  startReceiver,
  startStallingReceiver,
  type Receiver,
  type StallingReceiver,
} from '../support/receiver';

const TIMEOUT_MS = 5_000;
const CONCURRENCY = 2;

describe('publisher: a stalled endpoint delays no other tenant (real servers on 127.0.0.1)', () => {
  let harness: Harness;
  let stalled: StallingReceiver;
  let fast: Receiver;

  beforeAll(async () => {
    harness = await startHarness('publisher_webhook_fairness', {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', // both receivers listen on loopback
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      WEBHOOK_LEASE_MS: '30000',
      WEBHOOK_ENDPOINT_CONCURRENCY: String(CONCURRENCY),
      WEBHOOK_MAX_ATTEMPTS: '1',
      WEBHOOK_BREAKER_VOLUME: '1000',
    });
    await harness.startPublisher();
    stalled = await startStallingReceiver();
    fast = await startReceiver();
  });

  afterAll(async () => {
    await fast?.close();
    await stalled?.close();
    await harness?.stop();
  });

  async function registerEndpoint(tenantId: string, url: string): Promise<void> {
    await harness.ctx.db.collection<WebhookEndpoint>(COLLECTIONS.webhooks).insertOne({
      _id: randomUUID(),
      tenantId,
      url,
      events: ['published'],
      secret: 'whsec_fairness_test_secret_0123456',
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  }

  const deliveriesOf = (tenantId: string) =>
    harness.ctx.db
      .collection<DeliveryRow>(COLLECTIONS.webhookDeliveries)
      .find({ tenantId })
      .toArray();

  async function createDocuments(count: number): Promise<Array<{ id: string; tenantId: string }>> {
    const first = await harness.createDocument();
    const docs = [first];
    while (docs.length < count) docs.push(await harness.createDocument(first.tenantId));
    return docs;
  }

  test("when tenant A's endpoint never answers, then tenant B's deliveries all arrive while A's time out, and A's attempts record the timeout", async () => {
    // Arrange: tenant A's endpoint stalls, tenant B's answers at once
    const docsA = await createDocuments(3);
    const docsB = await createDocuments(5);
    await registerEndpoint(docsA[0]!.tenantId, stalled.url);
    await registerEndpoint(docsB[0]!.tenantId, fast.url);

    // Act: A's deliveries take the endpoint's slots and hang, then B's documents are published
    for (const doc of docsA)
      await harness.publish(documentEvent(doc, 'document.classified', classifiedInvoice()));
    await waitFor(() => stalled.open >= CONCURRENCY, 20_000, "A's requests to hang");
    const publishedB = Date.now();
    for (const doc of docsB)
      await harness.publish(documentEvent(doc, 'document.classified', classifiedInvoice()));
    await waitFor(
      async () => {
        const rows = await deliveriesOf(docsB[0]!.tenantId);
        return rows.length === docsB.length && rows.every((r) => r.status === 'delivered');
      },
      20_000,
      "every one of B's deliveries to be delivered",
    );
    const tookB = Date.now() - publishedB;
    const rowsAWhenBDone = await deliveriesOf(docsA[0]!.tenantId);

    // Assert: B finished within one request deadline, while A's first requests were still hanging
    expect(tookB).toBeLessThan(TIMEOUT_MS);
    expect(rowsAWhenBDone.every((r) => r.history.length === 0)).toBe(true);
    expect(fast.received).toHaveLength(docsB.length);

    // Assert: each of A's deliveries ends failed with the timeout as its reason, never more than
    // the endpoint's concurrency limit in flight at once
    await waitFor(
      async () => {
        const rows = await deliveriesOf(docsA[0]!.tenantId);
        return rows.length === docsA.length && rows.every((r) => r.status === 'failed');
      },
      4 * TIMEOUT_MS,
      "A's deliveries to time out",
    );
    for (const row of await deliveriesOf(docsA[0]!.tenantId)) {
      expect(row.history).toHaveLength(1);
      expect(row.history[0]).toMatchObject({ outcome: 'failed' });
      expect(row.lastError).toMatch(
        /^WEBHOOK_TIMEOUT: no complete answer within 5000 ms \(WEBHOOK_TIMEOUT_MS\)$/,
      );
    }
    expect(stalled.received).toBe(docsA.length);
    expect(stalled.mostOpen).toBe(CONCURRENCY);
  });
});
