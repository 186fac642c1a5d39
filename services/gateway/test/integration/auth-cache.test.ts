import { createTenantRepository } from '@docflow/tenants';
import { createTestContext, type TestContext } from '@docflow/testing';

describe('API-key checks reused for AUTH_CACHE_MS', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('gateway-auth-cache');
  });
  afterAll(async () => {
    await ctx?.cleanup();
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('when a key is revoked through the same repository, then it is refused at once', async () => {
    const repo = createTenantRepository(ctx.db, { authCacheMs: 60_000 });
    const tenant = await repo.create({ name: 'Cached Ltd' });
    const key = await repo.createKey(tenant._id);
    expect((await repo.authenticate(key.key))?.tenant._id).toBe(tenant._id);
    await repo.revokeKey(key.keyId);
    expect(await repo.authenticate(key.key)).toBeNull();
  });

  it('when a key is revoked elsewhere, then it works until its cached check expires, and is refused after', async () => {
    const gateway = createTenantRepository(ctx.db, { authCacheMs: 1_000 });
    const elsewhere = createTenantRepository(ctx.db);
    const tenant = await elsewhere.create({ name: 'Elsewhere Ltd' });
    const key = await elsewhere.createKey(tenant._id);
    expect(await gateway.authenticate(key.key)).not.toBeNull();
    await elsewhere.revokeKey(key.keyId);
    // without a cache the revocation shows at once
    expect(await elsewhere.authenticate(key.key)).toBeNull();
    await sleep(1_100);
    expect(await gateway.authenticate(key.key)).toBeNull();
  });

  it('when a wrong key is tried, then it is never answered from the cache', async () => {
    const repo = createTenantRepository(ctx.db, { authCacheMs: 60_000 });
    const tenant = await repo.create({ name: 'Guarded Ltd' });
    const key = await repo.createKey(tenant._id);
    await repo.authenticate(key.key);
    expect(await repo.authenticate(`${key.key}x`)).toBeNull();
    expect(
      await repo.authenticate(key.key.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))),
    ).toBeNull();
  });
});
