import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '@docflow/documents';
import { createTestContext, type TestContext } from '@docflow/testing';
import {
  createWebhookEndpoints,
  type WebhookEndpoint,
  type WebhookEventName,
} from '../../../src/adapters/webhook-endpoints';

describe('webhook endpoints: who is subscribed (real MongoDB-protocol server)', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext('publisher_webhook_endpoints');
  });

  afterAll(async () => {
    await ctx?.cleanup();
  });

  const register = async (
    tenantId: string,
    events: WebhookEventName[],
    active = true,
  ): Promise<string> => {
    const endpoint: WebhookEndpoint = {
      _id: randomUUID(),
      tenantId,
      url: 'https://hooks.example.com/docflow',
      events,
      secret: 'whsec_endpoint_test_secret_0123',
      active,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await ctx.db.collection<WebhookEndpoint>(COLLECTIONS.webhooks).insertOne(endpoint);
    return endpoint._id;
  };

  const ids = (endpoints: { _id: string }[]) => endpoints.map((e) => e._id).sort();

  test('when a tenant has endpoints for several events, then each event gets its active subscribers only, without secrets', async () => {
    // Arrange
    const tenantId = randomUUID();
    const both = await register(tenantId, ['published', 'needs_review']);
    const review = await register(tenantId, ['needs_review']);
    await register(tenantId, ['published'], false);
    await register(randomUUID(), ['published']);
    const endpoints = createWebhookEndpoints(ctx.db, { cacheMs: 5_000 });

    // Act
    const published = await endpoints.subscribedTo(tenantId, 'document.published');
    const needsReview = await endpoints.subscribedTo(tenantId, 'document.needs_review');

    // Assert
    expect(ids(published)).toEqual([both]);
    expect(ids(needsReview)).toEqual([both, review].sort());
    expect(published[0]).not.toHaveProperty('secret');
  });

  test('when an endpoint is registered while the tenant is cached, then it is subscribed once the cache time has passed', async () => {
    // Arrange
    let now = 1_000_000;
    const tenantId = randomUUID();
    const first = await register(tenantId, ['published']);
    const endpoints = createWebhookEndpoints(ctx.db, { cacheMs: 5_000, now: () => now });
    await endpoints.subscribedTo(tenantId, 'document.published');
    const second = await register(tenantId, ['published']);

    // Act
    now += 4_999;
    const within = await endpoints.subscribedTo(tenantId, 'document.published');
    now += 1;
    const after = await endpoints.subscribedTo(tenantId, 'document.published');

    // Assert
    expect(ids(within)).toEqual([first]);
    expect(ids(after)).toEqual([first, second].sort());
  });

  test('when the cache time is 0, then a newly registered endpoint is subscribed at once', async () => {
    // Arrange
    const tenantId = randomUUID();
    const endpoints = createWebhookEndpoints(ctx.db, { cacheMs: 0 });
    expect(await endpoints.subscribedTo(tenantId, 'document.published')).toEqual([]);

    // Act
    const id = await register(tenantId, ['published']);

    // Assert
    expect(ids(await endpoints.subscribedTo(tenantId, 'document.published'))).toEqual([id]);
  });
});
