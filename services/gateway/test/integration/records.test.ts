import { randomUUID } from 'node:crypto';
import { COLLECTIONS } from '@docflow/documents';
import { call, startHarness, type Harness } from '../support/harness';

describe('GET /v1/records (what the publisher wrote)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('gateway-records');
  });
  afterAll(() => h.stop());

  const invoice = (tenantId: string, issueDate: string, currency: string, minute: number) => ({
    _id: randomUUID(),
    tenantId,
    documentId: randomUUID(),
    docType: 'invoice',
    number: `INV-${minute}`,
    issueDate,
    currency,
    total: 100 + minute,
    revision: 1,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
  });

  it('when a tenant lists its invoices, then filters and pages apply and no other tenant shows', async () => {
    const mine = await h.tenant();
    const other = await h.tenant();
    await h.ctx.db
      .collection(COLLECTIONS.invoices)
      .insertMany([
        invoice(mine.id, '2024-03-01', 'EUR', 1),
        invoice(mine.id, '2024-03-15', 'USD', 2),
        invoice(mine.id, '2024-04-02', 'EUR', 3),
        invoice(other.id, '2024-03-10', 'EUR', 4),
      ] as never[]);

    const all = await call(h, 'GET', '/v1/records/invoices?limit=2', { key: mine.key });
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: { number: string }) => r.number)).toEqual(['INV-3', 'INV-2']);
    const next = await call(
      h,
      'GET',
      `/v1/records/invoices?limit=2&cursor=${all.body.nextCursor}`,
      { key: mine.key },
    );
    expect(next.body.items.map((r: { number: string }) => r.number)).toEqual(['INV-1']);
    expect(next.body.nextCursor).toBeNull();

    const march = await call(
      h,
      'GET',
      '/v1/records/invoices?dateFrom=2024-03-01&dateTo=2024-03-31&currency=EUR',
      { key: mine.key },
    );
    expect(march.body.items.map((r: { number: string }) => r.number)).toEqual(['INV-1']);
    expect(
      (await call(h, 'GET', '/v1/records/invoices', { key: other.key })).body.items,
    ).toHaveLength(1);
    expect((await call(h, 'GET', '/v1/records/expenses', { key: mine.key })).body.items).toEqual(
      [],
    );
  });

  it('when the kind or a filter is not valid, then 400', async () => {
    const { key } = await h.tenant();
    expect((await call(h, 'GET', '/v1/records/salaries', { key })).status).toBe(400);
    expect((await call(h, 'GET', '/v1/records/invoices?dateFrom=March', { key })).status).toBe(400);
    expect((await call(h, 'GET', '/v1/records/invoices?cursor=nope', { key })).body.error).toBe(
      'INVALID_CURSOR',
    );
  });
});
