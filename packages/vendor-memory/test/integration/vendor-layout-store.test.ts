import { randomUUID } from 'node:crypto';
import { ensureIndexes } from '@docflow/platform';
import { createTestContext, type TestContext } from '@docflow/testing';
import {
  createVendorLayoutStore,
  learnLayout,
  vendorLayoutIndexes,
  type VendorLayoutStore,
} from '../../src';

const TEXT = 'SHOP ONE SDN BHD\nGST REG 001234567890\nBERSIH   12.50';

describe('vendor layout store (the real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let store: VendorLayoutStore;
  beforeAll(async () => {
    ctx = await createTestContext('vendor-layouts');
    await ensureIndexes(ctx.db, vendorLayoutIndexes);
    store = createVendorLayoutStore(ctx.db);
  });
  afterAll(() => ctx.cleanup());

  const layout = learnLayout('receipt', TEXT, { merchantName: 'SHOP ONE SDN BHD', total: 12.5 })!;
  const lesson = (tenantId: string, documentId = randomUUID(), version = 3) => ({
    tenantId,
    documentId,
    version,
    layout,
    learnedAt: new Date(),
  });

  it('when one review is remembered twice, then it is stored once', async () => {
    // Arrange
    const tenant = `t-${randomUUID()}`;
    const first = lesson(tenant);

    // Act
    const stored = await Promise.all([store.remember(first), store.remember({ ...first })]);

    // Assert
    expect(stored.filter(Boolean)).toHaveLength(1);
    const found = await store.recall(tenant, ['name:SHOPONESDNBHD']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      _id: `${tenant}:${first.documentId}:v3`,
      tenantId: tenant,
      layout: { docType: 'receipt', anchors: { total: [{ label: ['bersih'] }] } },
    });
  });

  it("when another tenant looks up the same vendor, then it gets nothing of this tenant's", async () => {
    // Arrange
    const owner = `t-${randomUUID()}`;
    await store.remember(lesson(owner));

    // Act
    const other = await store.recall(`t-${randomUUID()}`, ['name:SHOPONESDNBHD']);

    // Assert
    expect(other).toEqual([]);
    expect(await store.recall(owner, ['name:SHOPONESDNBHD'])).toHaveLength(1);
  });

  it('when a vendor was corrected twice, then its lessons come newest first; other keys find none', async () => {
    // Arrange
    const tenant = `t-${randomUUID()}`;
    const older = { ...lesson(tenant), learnedAt: new Date(Date.now() - 60_000) };
    const newer = lesson(tenant);
    await store.remember(older);
    await store.remember(newer);

    // Act
    const found = await store.recall(tenant, ['id:001234567890', 'name:NOTTHISONE']);

    // Assert
    expect(found.map((f) => f.documentId)).toEqual([newer.documentId, older.documentId]);
    expect(await store.recall(tenant, ['name:NOTTHISONE'])).toEqual([]);
    expect(await store.recall(tenant, [])).toEqual([]);
  });

  it('when a lesson does not fit the schema, then it is refused before it is written', async () => {
    const tenant = `t-${randomUUID()}`;
    await expect(
      store.remember({ ...lesson(tenant), layout: { ...layout, vendorKeys: [] } }),
    ).rejects.toThrow();
    expect(await store.recall(tenant, ['name:SHOPONESDNBHD'])).toEqual([]);
  });
});
