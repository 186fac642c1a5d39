import { COLLECTIONS } from '@docflow/documents';
import { waitFor } from '@docflow/testing';
import { neutralisedUploads, refusals, type CorpusContext } from '../corpus/http-cases';
import { PDF, file, multipartBody, upload } from '../corpus/multipart';
import { sendRaw, type RawResponse } from '../corpus/raw-http';
import { ADMIN_KEY, call, form, startHarness, type Harness } from '../support/harness';

const LIMITS = { maxUploadBytes: 4096, maxMetadataBytes: 512, maxFiles: 3 };

/** What a refused upload must not leave behind. */
const COUNTED = [
  COLLECTIONS.documents,
  COLLECTIONS.transitions,
  COLLECTIONS.batches,
  COLLECTIONS.idempotencyKeys,
  'blobs.files',
  'blobs.chunks',
  COLLECTIONS.webhooks,
  COLLECTIONS.tenants,
  COLLECTIONS.apiKeys,
];

/** The error body every refusal carries: a stable code and a sentence. */
function expectErrorBody(res: RawResponse): void {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.json).toEqual(
    expect.objectContaining({
      error: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/),
      message: expect.stringMatching(/\S/),
    }),
  );
}

describe('gateway under malformed HTTP (raw requests on a real socket)', () => {
  let h: Harness;
  let port: number;
  let c: CorpusContext;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        COUNTED.map(async (name) => [name, await h.ctx.db.collection(name).countDocuments()]),
      ),
    );

  beforeAll(async () => {
    h = await startHarness('gateway-malformed-http', {
      MAX_UPLOAD_BYTES: String(LIMITS.maxUploadBytes),
      MAX_METADATA_BYTES: String(LIMITS.maxMetadataBytes),
      MAX_FILES_PER_REQUEST: String(LIMITS.maxFiles),
    });
    port = h.gateway.port;
    const [caller, owner, revoked] = [await h.tenant(), await h.tenant(), await h.tenant()];
    const owned = await call(h, 'POST', '/v1/documents', {
      key: owner.key,
      body: form([{ filename: 'owned.pdf', content: PDF }]),
    });
    expect(owned.status).toBe(202);
    const revoke = await call(h, 'DELETE', `/v1/keys/${revoked.key.split('_')[1]}`, {
      key: ADMIN_KEY,
    });
    expect(revoke.status).toBe(200);
    c = {
      key: caller.key,
      revokedKey: revoked.key,
      adminKey: ADMIN_KEY,
      documentId: owned.body.documents[0].id,
      limits: LIMITS,
    };
  });
  afterAll(() => h.stop());

  it.each(refusals)(
    '$edge: when $what, then $status $error and nothing is stored',
    async (kase) => {
      if (kase.before) expect((await sendRaw(port, kase.before(c)))?.status).toBe(202);
      const before = await counts();
      const res = await sendRaw(port, kase.request(c));
      expect(res).not.toBeNull();
      expect({ status: res!.status, error: (res!.json as { error?: string })?.error }).toEqual({
        status: kase.status,
        error: kase.error,
      });
      expectErrorBody(res!);
      expect(await counts()).toEqual(before);
    },
  );

  it.each(neutralisedUploads)(
    'upload: when $what, then it is accepted under a safe filename',
    async (kase) => {
      const res = await sendRaw(port, upload(c.key, kase.parts));
      expect(res?.status).toBe(202);
      const [doc] = (res!.json as { documents: { id: string; filename: string }[] }).documents;
      const view = await call(h, 'GET', `/v1/documents/${doc!.id}`, { key: c.key });
      for (const name of [doc!.filename, view.body.filename as string]) {
        if (typeof kase.filename === 'string') expect(name).toBe(kase.filename);
        else expect(name).toMatch(kase.filename);
        expect([...name].filter((ch) => ch < ' ' || ch === '\x7f' || '/\\'.includes(ch))).toEqual(
          [],
        );
      }
    },
  );

  it('upload: when the client hangs up in the middle of a file, then nothing is stored and its Idempotency-Key is free again', async () => {
    const before = await counts();
    const parts = [file('cut.pdf', Buffer.alloc(3000, 7))];
    const full = upload(c.key, parts, { headers: [['idempotency-key', 'hang-up-1']] });
    const body = multipartBody(parts);
    const cut = await sendRaw(port, {
      ...full,
      body: body.subarray(0, 1500),
      contentLength: body.length,
      hangUp: true,
    });
    if (cut) expect(cut.status).toBeLessThan(500);
    // The server may still be reading the cut request, with its key claimed: a client told 409
    // IDEMPOTENCY_IN_PROGRESS retries, as this one does, until the key is freed.
    const retried = await waitFor(
      async () => {
        const res = await sendRaw(port, full);
        return res?.status === 409 ? null : res;
      },
      15_000,
      'the cut upload to free its Idempotency-Key',
    );
    expect(retried.status).toBe(202);
    // Only the retried upload is stored: one document, one blob, one key; nothing of the cut one.
    const after = await counts();
    for (const name of [COLLECTIONS.documents, COLLECTIONS.idempotencyKeys, 'blobs.files'])
      expect({ name, count: after[name] }).toEqual({ name, count: before[name] + 1 });
  });

  it('when the whole corpus has been sent, then the gateway is ready and a normal upload still flows', async () => {
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    const res = await call(h, 'POST', '/v1/documents', {
      key: c.key,
      body: form([{ filename: 'after.pdf', content: PDF, type: 'application/pdf' }], {
        metadata: JSON.stringify({ ref: 'after-corpus' }),
      }),
    });
    expect(res.status).toBe(202);
    const id = res.body.documents[0].id as string;
    await h.probe.find((e) => e.type === 'document.received' && e.documentId === id);
    const view = await call(h, 'GET', `/v1/documents/${id}`, { key: c.key });
    expect(view.body).toMatchObject({ status: 'received', metadata: { ref: 'after-corpus' } });
  });
});
