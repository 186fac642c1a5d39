import { startHarness, type Harness } from '../support/harness';

describe('gateway: /v1/webhooks (real server, database)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('gateway_webhooks');
  });

  afterAll(async () => {
    await h?.stop();
  });

  const call = (key: string, method: string, path: string, body?: unknown) =>
    fetch(`${h.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  test('when a tenant registers an endpoint without a secret, then one is generated and shown once', async () => {
    // Arrange
    const tenant = await h.tenant();

    // Act
    const created = await call(tenant.key, 'POST', '/v1/webhooks', {
      url: 'https://hooks.example.com/docflow',
    });
    const body = (await created.json()) as Record<string, unknown>;
    const listed = (await (await call(tenant.key, 'GET', '/v1/webhooks')).json()) as {
      items: Record<string, unknown>[];
    };

    // Assert
    expect(created.status).toBe(201);
    expect(body).toMatchObject({
      url: 'https://hooks.example.com/docflow',
      events: ['published', 'needs_review'],
      active: true,
    });
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty('secret');
  });

  test('when the body is not valid, then it answers 400', async () => {
    const tenant = await h.tenant();
    for (const body of [
      { url: 'ftp://example.com/x' },
      { url: 'https://user:pw@example.com/x' },
      { url: 'https://example.com/x', events: ['deleted'] },
      { url: 'https://example.com/x', secret: 'short' },
      { url: 'https://example.com/x', secret: 'CHANGE-ME-webhook-secret-0123' },
    ]) {
      expect((await call(tenant.key, 'POST', '/v1/webhooks', body)).status).toBe(400);
    }
  });

  test('when a tenant changes and deletes its endpoint, then reads follow', async () => {
    // Arrange
    const tenant = await h.tenant();
    const { id } = (await (
      await call(tenant.key, 'POST', '/v1/webhooks', {
        url: 'https://hooks.example.com/a',
        secret: 'my-own-secret-0123456789',
      })
    ).json()) as { id: string };

    // Act
    const patched = await call(tenant.key, 'PATCH', `/v1/webhooks/${id}`, {
      events: ['needs_review'],
      active: false,
    });
    const deleted = await call(tenant.key, 'DELETE', `/v1/webhooks/${id}`);
    const after = await call(tenant.key, 'GET', `/v1/webhooks/${id}`);

    // Assert
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ events: ['needs_review'], active: false });
    expect(deleted.status).toBe(204);
    expect(after.status).toBe(404);
  });

  test("when another tenant's endpoint id is used, then it answers 404 and changes nothing", async () => {
    // Arrange
    const owner = await h.tenant();
    const other = await h.tenant();
    const { id } = (await (
      await call(owner.key, 'POST', '/v1/webhooks', { url: 'https://hooks.example.com/b' })
    ).json()) as { id: string };

    // Act
    const read = await call(other.key, 'GET', `/v1/webhooks/${id}`);
    const patch = await call(other.key, 'PATCH', `/v1/webhooks/${id}`, { active: false });
    const remove = await call(other.key, 'DELETE', `/v1/webhooks/${id}`);
    const listed = (await (await call(other.key, 'GET', '/v1/webhooks')).json()) as {
      items: unknown[];
    };

    // Assert
    expect([read.status, patch.status, remove.status]).toEqual([404, 404, 404]);
    expect(listed.items).toEqual([]);
    expect(await (await call(owner.key, 'GET', `/v1/webhooks/${id}`)).json()).toMatchObject({
      active: true,
    });
  });
});
