import { randomUUID } from 'node:crypto';
import { ADMIN_KEY, call, form, startHarness, type Harness } from '../support/harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('gateway API edges (real HTTP, broker and database)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('gateway-edges', { MAX_UPLOAD_BYTES: '2048' });
  });
  afterAll(() => h.stop());

  it('when no key, a malformed key or a revoked key is sent, then 401 with the error body', async () => {
    const { key } = await h.tenant();
    expect((await call(h, 'GET', '/v1/documents')).status).toBe(401);
    const bad = await call(h, 'GET', '/v1/documents', { key: 'dfk_nope' });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ error: 'UNAUTHORIZED', message: expect.any(String) });
    const keyId = key.split('_')[1]!;
    const revoked = await call(h, 'DELETE', `/v1/keys/${keyId}`, { key: ADMIN_KEY });
    expect(revoked.status).toBe(200);
    expect((await call(h, 'GET', '/v1/documents', { key })).status).toBe(401);
  });

  it('when the key comes as X-API-Key, then it is accepted too', async () => {
    const { key } = await h.tenant();
    const res = await call(h, 'GET', '/v1/documents', { headers: { 'x-api-key': key } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  it('when a file is uploaded, then 202 with ids and status URLs, and the original streams back', async () => {
    const { key } = await h.tenant();
    const res = await call(h, 'POST', '/v1/documents', {
      key,
      body: form([{ filename: 'dir/../factura 1.pdf', content: PDF, type: 'application/pdf' }], {
        metadata: JSON.stringify({ source: 'email', ref: 42 }),
      }),
    });
    expect(res.status).toBe(202);
    const [doc] = res.body.documents;
    expect(doc).toMatchObject({
      filename: 'factura 1.pdf',
      sizeBytes: PDF.length,
      status: 'received',
    });
    expect(doc.statusUrl).toBe(`${h.url}/v1/documents/${doc.id}`);
    const view = await call(h, 'GET', `/v1/documents/${doc.id}`, { key });
    expect(view.body).toMatchObject({
      status: 'received',
      stage: 'scanner',
      metadata: { source: 'email', ref: 42 },
    });
    const file = await fetch(`${h.url}/v1/documents/${doc.id}/file`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    const received = await h.probe.find(
      (e) => e.type === 'document.received' && e.documentId === doc.id,
      'document.received',
    );
    expect(received.tenantId).toBeDefined();
  });

  it.each([
    ['no file', () => form([], { metadata: '{}' }), 400, 'NO_FILE'],
    ['an empty file', () => form([{ filename: 'a.pdf', content: '' }]), 400, 'FILE_EMPTY'],
    [
      'an oversize file',
      () => form([{ filename: 'big.pdf', content: Buffer.alloc(5000, 1) }]),
      413,
      'FILE_TOO_LARGE',
    ],
    [
      'an unknown field',
      () => form([{ filename: 'a.pdf', content: PDF }], { color: 'red' }),
      400,
      'UNKNOWN_FIELD',
    ],
    [
      'a file in an unknown field',
      () => form([{ name: 'attachment', filename: 'a.pdf', content: PDF }]),
      400,
      'UNKNOWN_FIELD',
    ],
    [
      'metadata that is not JSON',
      () => form([{ filename: 'a.pdf', content: PDF }], { metadata: '{oops' }),
      400,
      'INVALID_METADATA',
    ],
    [
      'metadata that is not an object',
      () => form([{ filename: 'a.pdf', content: PDF }], { metadata: '[1,2]' }),
      400,
      'INVALID_METADATA',
    ],
  ])(
    'when the upload has %s, then it is refused and nothing is stored',
    async (_what, body, status, error) => {
      const { id, key } = await h.tenant();
      const res = await call(h, 'POST', '/v1/documents', { key, body: body() });
      expect(res.status).toBe(status);
      expect(res.body.error).toBe(error);
      expect((await call(h, 'GET', '/v1/documents', { key })).body.items).toEqual([]);
      const stray = await h.ctx.db
        .collection('blobs.files')
        .countDocuments({ 'metadata.tenantId': id });
      expect(stray).toBe(0);
    },
  );

  it('when the body is JSON instead of multipart, then 415', async () => {
    const { key } = await h.tenant();
    const res = await call(h, 'POST', '/v1/documents', { key, body: { file: 'x' } });
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('NOT_MULTIPART');
  });

  it('when the same Idempotency-Key is sent twice, then the second answer is the first, with no second document', async () => {
    const { key } = await h.tenant();
    const headers = { 'idempotency-key': `upload-${randomUUID()}` };
    const first = await call(h, 'POST', '/v1/documents', {
      key,
      headers,
      body: form([{ filename: 'a.pdf', content: PDF }]),
    });
    const second = await call(h, 'POST', '/v1/documents', {
      key,
      headers,
      body: form([{ filename: 'a.pdf', content: PDF }]),
    });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.documents[0].id).toBe(first.body.documents[0].id);
    expect((await call(h, 'GET', '/v1/documents', { key })).body.items).toHaveLength(1);
  });

  it('when another tenant asks for a document by id, then 404 and no data', async () => {
    const owner = await h.tenant();
    const other = await h.tenant();
    const up = await call(h, 'POST', '/v1/documents', {
      key: owner.key,
      body: form([{ filename: 'a.pdf', content: PDF }]),
    });
    const id = up.body.documents[0].id;
    for (const path of [
      `/v1/documents/${id}`,
      `/v1/documents/${id}/file`,
      `/v1/documents/${id}/text`,
    ]) {
      const res = await call(h, 'GET', path, { key: other.key });
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('a.pdf');
    }
    expect(
      (await call(h, 'POST', `/v1/documents/${id}/cancel`, { key: other.key, body: {} })).status,
    ).toBe(404);
    expect((await call(h, 'GET', '/v1/documents', { key: other.key })).body.items).toEqual([]);
  });

  it('when an id is unknown or malformed, then 404 or 400', async () => {
    const { key } = await h.tenant();
    expect((await call(h, 'GET', `/v1/documents/${randomUUID()}`, { key })).body.error).toBe(
      'DOCUMENT_NOT_FOUND',
    );
    const bad = await call(h, 'GET', '/v1/documents/not-a-uuid', { key });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toBeDefined();
    expect((await call(h, 'GET', `/v1/batches/${randomUUID()}`, { key })).status).toBe(404);
    expect((await call(h, 'GET', '/v1/no-such-route', { key })).status).toBe(404);
  });

  it('when listing with filters and cursors, then pages follow each other without overlap and a bad cursor is 400', async () => {
    const { key } = await h.tenant();
    for (let i = 0; i < 5; i++)
      await call(h, 'POST', '/v1/documents', {
        key,
        body: form([{ filename: `f${i}.pdf`, content: PDF }]),
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(
        h,
        'GET',
        `/v1/documents?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { key },
      );
      seen.push(...page.body.items.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call(h, 'GET', '/v1/documents?status=published', { key })).body.items).toEqual(
      [],
    );
    expect(
      (await call(h, 'GET', '/v1/documents?status=received', { key })).body.items,
    ).toHaveLength(5);
    const bad = await call(h, 'GET', '/v1/documents?cursor=garbage', { key });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('INVALID_CURSOR');
    expect((await call(h, 'GET', '/v1/documents?status=bogus', { key })).status).toBe(400);
  });

  it("when counts are asked with filters, then they count each status of only the tenant's matching documents", async () => {
    const { key } = await h.tenant();
    const other = await h.tenant();
    const batch = await call(h, 'POST', '/v1/batches', {
      key,
      body: form([
        { filename: 'a.pdf', content: PDF },
        { filename: 'b.pdf', content: PDF },
      ]),
    });
    expect(batch.status).toBe(202);
    await call(h, 'POST', '/v1/documents', {
      key,
      body: form([{ filename: 'c.pdf', content: PDF }]),
    });
    await call(h, 'POST', '/v1/documents', {
      key: other.key,
      body: form([{ filename: 'd.pdf', content: PDF }]),
    });
    const single = (await call(h, 'GET', '/v1/documents?limit=1', { key })).body.items[0];
    await call(h, 'POST', `/v1/documents/${single.id}/cancel`, { key, body: {} });

    const all = await call(h, 'GET', '/v1/documents/counts', { key });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.byStatus).toMatchObject({ received: 2, cancelled: 1, needs_review: 0 });
    expect(Object.keys(all.body.byStatus)).toHaveLength(9);
    const inBatch = await call(h, 'GET', `/v1/documents/counts?batchId=${batch.body.batchId}`, {
      key,
    });
    expect(inBatch.body).toMatchObject({ total: 2, byStatus: { received: 2, cancelled: 0 } });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const later = await call(h, 'GET', `/v1/documents/counts?createdFrom=${future}`, { key });
    expect(later.body.total).toBe(0);
    expect((await call(h, 'GET', '/v1/documents/counts?docType=bogus', { key })).status).toBe(400);
    expect((await call(h, 'GET', '/v1/documents/counts', { key: ADMIN_KEY })).status).toBe(403);
  });

  it('when a tenant goes over its rate limit, then 429 with the error body', async () => {
    const { key } = await h.tenant({ rateLimit: 3 });
    const statuses: number[] = [];
    let last = await call(h, 'GET', '/v1/documents', { key });
    statuses.push(last.status);
    for (let i = 0; i < 4; i++) {
      last = await call(h, 'GET', '/v1/documents', { key });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last.body.error).toBe('RATE_LIMITED');
    // another tenant is not affected
    const other = await h.tenant();
    expect((await call(h, 'GET', '/v1/documents', { key: other.key })).status).toBe(200);
  });

  it('when the admin creates a tenant, then its key (shown once) works and the admin key cannot read documents', async () => {
    const created = await call(h, 'POST', '/v1/tenants', {
      key: ADMIN_KEY,
      body: { name: 'Globex' },
    });
    expect(created.status).toBe(201);
    const key = created.body.apiKey.key;
    expect((await call(h, 'GET', '/v1/documents', { key })).status).toBe(200);
    expect((await call(h, 'GET', '/v1/documents', { key: ADMIN_KEY })).status).toBe(403);
    const keys = await call(h, 'GET', `/v1/tenants/${created.body.tenant.id}/keys`, {
      key: ADMIN_KEY,
    });
    expect(JSON.stringify(keys.body)).not.toContain(key);
    expect((await call(h, 'POST', '/v1/tenants', { key, body: { name: 'x' } })).status).toBe(401);
  });
});
