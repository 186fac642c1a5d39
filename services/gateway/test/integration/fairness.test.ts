import { COLLECTIONS } from '@docflow/documents';
import { waitFor } from '@docflow/testing';
import { PDF } from '../corpus/multipart';
import { call, form, startHarness, type Harness } from '../support/harness';

/** A day-long window: a test never straddles two windows but at midnight UTC. */
const DAY_MS = 86_400_000;
const LIMITS = {
  TENANT_QUOTA_DOCUMENTS: '3',
  TENANT_QUOTA_BYTES: '100000',
  TENANT_QUOTA_WINDOW_MS: String(DAY_MS),
  AUTH_FAILURE_LIMIT: '4',
  AUTH_FAILURE_WINDOW_MS: String(DAY_MS),
  SSE_MAX_CONNECTIONS_PER_TENANT: '2',
};

const pdf = (name: string, size = PDF.length) =>
  form([
    {
      filename: name,
      content: Buffer.concat([PDF, Buffer.alloc(Math.max(0, size - PDF.length), 32)]),
      type: 'application/pdf',
    },
  ]);

/** Retry-After must be whole seconds up to the end of the (day-long) window. */
function expectRetryAfter(headers: Headers): void {
  const value = Number(headers.get('retry-after'));
  expect(Number.isInteger(value) && value >= 1 && value <= DAY_MS / 1000).toBe(true);
}

describe('gateway fairness across two replicas on one database', () => {
  let h: Harness;
  /** The second replica, reached through the same helpers. */
  let other: Harness;
  const stored = async () => ({
    documents: await h.ctx.db.collection(COLLECTIONS.documents).countDocuments(),
    blobs: await h.ctx.db.collection('blobs.files').countDocuments(),
    chunks: await h.ctx.db.collection('blobs.chunks').countDocuments(),
  });

  beforeAll(async () => {
    h = await startHarness('gateway-fairness', LIMITS);
    other = { ...h, url: (await h.replica()).url };
  });
  afterAll(() => h.stop());

  it('when a tenant has used its document quota on both replicas, then the next upload answers 429 with Retry-After and stores nothing', async () => {
    const tenant = await h.tenant();
    const neighbour = await h.tenant();
    for (const [gateway, name] of [
      [h, 'a.pdf'],
      [other, 'b.pdf'],
      [h, 'c.pdf'],
    ] as const)
      expect(
        (await call(gateway, 'POST', '/v1/documents', { key: tenant.key, body: pdf(name) })).status,
      ).toBe(202);
    const before = await stored();

    const refused = await call(other, 'POST', '/v1/documents', {
      key: tenant.key,
      body: pdf('d.pdf'),
    });

    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: 'QUOTA_EXCEEDED',
      message: expect.stringContaining('TENANT_QUOTA_DOCUMENTS'),
      details: { limit: 'TENANT_QUOTA_DOCUMENTS', max: 3 },
    });
    expectRetryAfter(refused.headers);
    expect(await stored()).toEqual(before);
    const fine = await call(h, 'POST', '/v1/documents', { key: neighbour.key, body: pdf('n.pdf') });
    expect(fine.status).toBe(202);
  });

  it('when an upload would take a tenant past its byte quota, then it answers 429, and the file it stored is removed', async () => {
    const tenant = await h.tenant();
    const first = await call(h, 'POST', '/v1/documents', {
      key: tenant.key,
      body: pdf('big-1.pdf', 60_000),
    });
    expect(first.status).toBe(202);
    const before = await stored();

    const refused = await call(other, 'POST', '/v1/batches', {
      key: tenant.key,
      body: pdf('big-2.pdf', 60_000),
    });

    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      error: 'QUOTA_EXCEEDED',
      details: { limit: 'TENANT_QUOTA_BYTES' },
    });
    expectRetryAfter(refused.headers);
    expect(await stored()).toEqual(before);
    expect(
      await h.ctx.db.collection(COLLECTIONS.batches).countDocuments({ tenantId: tenant.id }),
    ).toBe(0);
  });

  it('when uploads race on both replicas for the last places, then no more are accepted than the quota and each refusal stored nothing', async () => {
    const tenant = await h.tenant();
    const before = await stored();

    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(i % 2 ? other : h, 'POST', '/v1/documents', {
          key: tenant.key,
          body: pdf(`race-${i}.pdf`),
        }),
      ),
    );

    const accepted = answers.filter((a) => a.status === 202).length;
    expect(answers.every((a) => a.status === 202 || a.status === 429)).toBe(true);
    expect(accepted).toBeLessThanOrEqual(3);
    const after = await stored();
    expect(after.documents - before.documents).toBe(accepted);
    expect(after.blobs - before.blobs).toBe(accepted);
  });

  it('when a tenant holds as many event streams as allowed, then the next answers 429 until one closes', async () => {
    const tenant = await h.tenant();
    const open = async () => {
      const abort = new AbortController();
      const res = await fetch(`${h.url}/v1/events`, {
        headers: { authorization: `Bearer ${tenant.key}` },
        signal: abort.signal,
      });
      return { res, close: () => abort.abort() };
    };
    const first = await open();
    const second = await open();
    expect([first.res.status, second.res.status]).toEqual([200, 200]);

    const third = await open();

    expect(third.res.status).toBe(429);
    expect(await third.res.json()).toMatchObject({
      error: 'TOO_MANY_STREAMS',
      message: expect.stringContaining('SSE_MAX_CONNECTIONS_PER_TENANT'),
    });
    first.close();
    const again = await waitFor(
      async () => {
        const attempt = await open();
        if (attempt.res.status === 200) return attempt;
        await attempt.res.body?.cancel();
        return undefined;
      },
      10_000,
      'a stream once one closed',
    );
    second.close();
    again.close();
  });

  // last: it blocks this test process's address for the rest of the window
  it('when keys fail the check AUTH_FAILURE_LIMIT times on either replica, then the address gets 429 with Retry-After, a good key included', async () => {
    const tenant = await h.tenant();
    const wrong = `${tenant.key.slice(0, -1)}${tenant.key.endsWith('A') ? 'B' : 'A'}`;
    for (const gateway of [h, other, h, other]) {
      const res = await call(gateway, 'GET', '/v1/documents', { key: wrong });
      expect(res.status).toBe(401);
    }

    const refused = await call(h, 'GET', '/v1/documents', { key: tenant.key });
    const elsewhere = await call(other, 'GET', '/v1/documents', { key: wrong });

    for (const res of [refused, elsewhere]) {
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({
        error: 'TOO_MANY_AUTH_FAILURES',
        message: expect.stringContaining('AUTH_FAILURE_LIMIT'),
      });
      expectRetryAfter(res.headers);
    }
  });
});
