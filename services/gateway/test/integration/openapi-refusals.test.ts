import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '@docflow/documents';
import { repoRoot } from '@docflow/testing';
import { VALID_BODIES, specCases, type OpenApiDocument } from '../corpus/openapi-cases';
import { sendRaw } from '../corpus/raw-http';
import { ADMIN_KEY, startHarness, type Harness } from '../support/harness';

const spec = JSON.parse(
  readFileSync(join(repoRoot, 'docs/openapi.json'), 'utf8'),
) as OpenApiDocument;

/** What no refused request may write. */
const COUNTED = [
  COLLECTIONS.documents,
  COLLECTIONS.transitions,
  COLLECTIONS.batches,
  COLLECTIONS.idempotencyKeys,
  COLLECTIONS.webhooks,
  COLLECTIONS.tenants,
  COLLECTIONS.apiKeys,
  COLLECTIONS.jobRuns,
  COLLECTIONS.usageCounters,
  'blobs.files',
  'blobs.chunks',
];

const cases = specCases(spec, { tenant: '<tenant>', admin: ADMIN_KEY });

describe('every route of docs/openapi.json under malformed input', () => {
  let h: Harness;
  let tenantKey: string;
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        COUNTED.map(async (name) => [name, await h.ctx.db.collection(name).countDocuments()]),
      ),
    );

  beforeAll(async () => {
    h = await startHarness('gateway-openapi-refusals', { RATE_LIMIT_MAX: '100000' });
    tenantKey = (await h.tenant()).key;
  });
  afterAll(() => h.stop());

  it('when the document has a JSON operation, then the corpus has a well-formed body for it', () => {
    const json = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody && 'application/json' in op.requestBody.content)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(json.filter((route) => !(route in VALID_BODIES))).toEqual([]);
    // every route of the document has cases
    const routes = new Set(cases.map((c) => c.route));
    for (const [path, ops] of Object.entries(spec.paths))
      for (const method of Object.keys(ops))
        expect(routes).toContain(`${method.toUpperCase()} ${path}`);
  });

  it.each(cases.map((c) => [c.route, c.what, c] as const))(
    '%s: when %s, then a 4xx { error, message } and nothing is written',
    async (_route, _what, kase) => {
      const request = {
        ...kase.request,
        headers: kase.request.headers?.map(([k, v]) =>
          k === 'authorization' && v === 'Bearer <tenant>'
            ? ([k, `Bearer ${tenantKey}`] as const)
            : [k, v],
        ) as [string, string | Buffer][],
      };
      const before = await counts();
      const res = await sendRaw(h.gateway.port, request);
      expect(res).not.toBeNull();
      const { status, json } = res!;
      expect({ clientError: status >= 400 && status < 500, status, body: json }).toEqual({
        clientError: true,
        status: expect.any(Number),
        body: expect.objectContaining({
          error: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/),
          message: expect.stringMatching(/\S/),
        }),
      });
      expect(await counts()).toEqual(before);
    },
  );
});
