import type { IndexDescription } from 'mongodb';
import { SCHEMA_LOCKS, connectMongo, ensureIndexes, type MongoHandle } from '@docflow/platform';
import { createTestContext, type TestContext } from '@docflow/testing';

// the shape services declare: unique compound keys and plain ones, several per collection
const indexes = (round: number): Record<string, IndexDescription[]> => ({
  [`records_${round}`]: [
    { key: { documentId: 1, version: 1 }, name: 'document_version', unique: true },
    { key: { tenantId: 1, createdAt: -1 }, name: 'tenant_created' },
  ],
  [`claims_${round}`]: [{ key: { key: 1 }, name: 'key', unique: true }],
});

describe('ensureIndexes (real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  const handles: MongoHandle[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('indexes');
    // one client per process, as when services and replicas start side by side
    for (let i = 0; i < 3; i++)
      handles.push(
        await connectMongo({ url: ctx.mongoUrl, database: ctx.databaseName, appName: `p${i}` }),
      );
  });

  afterAll(async () => {
    for (const handle of handles) await handle.close();
    await ctx.cleanup();
  });

  it('when three processes ensure the same new indexes at once, then every one starts and each index exists once', async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled(
        handles.map((handle) => ensureIndexes(handle.db, indexes(round), { pollMs: 20 })),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      for (const [collection, specs] of Object.entries(indexes(round))) {
        const names = (await ctx.db.collection(collection).listIndexes().toArray()).map(
          (index) => index.name as string,
        );
        expect(names.sort()).toEqual(['_id_', ...specs.map((spec) => spec.name!)].sort());
      }
    }
  });

  it('when the server refuses an index for good, then ensuring fails with its error and releases the lock', async () => {
    // stored rows that break a declared unique key: no process can create it
    await ctx.db.collection('duplicates').insertMany([{ key: 'a' }, { key: 'a' }]);
    await expect(
      ensureIndexes(handles[0]!.db, {
        duplicates: [{ key: { key: 1 }, name: 'key', unique: true }],
      }),
    ).rejects.toThrow(/unique|duplicate/i);
    const names = (await ctx.db.collection('duplicates').listIndexes().toArray()).map(
      (index) => index.name as string,
    );
    expect(names).toEqual(['_id_']);
    expect(await ctx.db.collection(SCHEMA_LOCKS).countDocuments()).toBe(0);
  });

  it('when a process died holding the schema lock, then the next one takes it over once it expired', async () => {
    await ctx.db
      .collection<{ _id: string; holder: string; expiresAt: Date }>(SCHEMA_LOCKS)
      .insertOne({ _id: 'indexes', holder: 'dead', expiresAt: new Date(Date.now() + 300) });
    await ensureIndexes(handles[1]!.db, { taken_over: [{ key: { at: 1 }, name: 'at' }] });
    const names = (await ctx.db.collection('taken_over').listIndexes().toArray()).map(
      (index) => index.name as string,
    );
    expect(names.sort()).toEqual(['_id_', 'at']);
    expect(await ctx.db.collection(SCHEMA_LOCKS).countDocuments()).toBe(0);
  });

  it('when another process holds the lock past the wait, then ensuring fails naming the holder', async () => {
    await ctx.db
      .collection<{ _id: string; holder: string; expiresAt: Date }>(SCHEMA_LOCKS)
      .insertOne({ _id: 'indexes', holder: 'busy', expiresAt: new Date(Date.now() + 60_000) });
    try {
      await expect(
        ensureIndexes(
          handles[2]!.db,
          { waiting: [{ key: { at: 1 }, name: 'at' }] },
          { waitMs: 300 },
        ),
      ).rejects.toThrow(/within 300 ms: another process \(busy\) holds the schema lock/);
    } finally {
      await ctx.db.collection(SCHEMA_LOCKS).deleteMany({});
    }
  });
});
