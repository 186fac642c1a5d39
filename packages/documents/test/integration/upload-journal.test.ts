import { Readable } from 'node:stream';
import { createTestContext, type TestContext } from '@docflow/testing';
import {
  BUCKETS,
  COLLECTIONS,
  createBlobStore,
  createUploadJournal,
  type BlobStore,
} from '../../src';

const MINUTE = 60_000;

describe('upload journal (what a gateway that died mid-upload leaves, and its sweep)', () => {
  let ctx: TestContext;
  let blobs: BlobStore;
  let now: Date;
  beforeAll(async () => {
    ctx = await createTestContext('upload-journal');
    blobs = createBlobStore(ctx.db);
  });
  afterAll(() => ctx.cleanup());

  const journalAt = (at: Date) => createUploadJournal(ctx.db, blobs, () => at);
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const store = (id: string) =>
    blobs.upload(Readable.from([Buffer.alloc(300 * 1024, 1)]), {
      id,
      filename: `${id}.bin`,
      maxBytes: 1024 * 1024,
    });
  const chunksOf = (id: string) =>
    ctx.db.collection(`${BUCKETS.blobs}.chunks`).countDocuments({ files_id: id });
  const rowOf = (id: string) =>
    ctx.db.collection(COLLECTIONS.uploads).findOne({ _id: id as never });

  it('when the sweep runs, then documents keep their files, abandoned uploads lose theirs, and uploads still in flight wait', async () => {
    now = new Date();
    const tenantId = 't-journal';
    const ids = {
      documented: 'up-documented',
      firstTransitionOnly: 'up-transition',
      wholeFileNoDocument: 'up-whole',
      partialChunks: 'up-partial',
      inFlight: 'up-in-flight',
      tooRecent: 'up-recent',
    };
    for (const [id, at] of [
      [ids.documented, ago(3 * 60 * MINUTE)],
      [ids.firstTransitionOnly, ago(3 * 60 * MINUTE)],
      [ids.wholeFileNoDocument, ago(3 * 60 * MINUTE)],
      [ids.partialChunks, ago(3 * 60 * MINUTE)],
      [ids.inFlight, ago(30 * MINUTE)],
      [ids.tooRecent, ago(10_000)],
    ] as const)
      await journalAt(at).begin({ id, tenantId });
    for (const id of [ids.documented, ids.firstTransitionOnly, ids.wholeFileNoDocument])
      await store(id);
    // a killed upload: chunks, no file entry
    await ctx.db
      .collection(`${BUCKETS.blobs}.chunks`)
      .insertMany([0, 1].map((n) => ({ files_id: ids.partialChunks, n, data: Buffer.alloc(8) })));
    await ctx.db
      .collection(COLLECTIONS.documents)
      .insertOne({ _id: ids.documented as never, tenantId });
    // the gateway died between the transition and the record: the relay will create the record
    await ctx.db.collection(COLLECTIONS.transitions).insertOne({
      _id: `${ids.firstTransitionOnly}:1` as never,
      documentId: ids.firstTransitionOnly,
    });

    const swept = await journalAt(now).sweep({ now, abandonedAfterMs: 2 * 60 * MINUTE, batch: 2 });
    expect(swept).toEqual({ settled: 2, removed: 2, pending: 1 });

    expect(await blobs.exists({ bucket: BUCKETS.blobs, id: ids.documented })).toBe(true);
    expect(await blobs.exists({ bucket: BUCKETS.blobs, id: ids.firstTransitionOnly })).toBe(true);
    expect(await blobs.exists({ bucket: BUCKETS.blobs, id: ids.wholeFileNoDocument })).toBe(false);
    expect(await chunksOf(ids.wholeFileNoDocument)).toBe(0);
    expect(await chunksOf(ids.partialChunks)).toBe(0);
    for (const id of [ids.documented, ids.firstTransitionOnly, ids.wholeFileNoDocument])
      expect(await rowOf(id)).toBeNull();
    expect(await rowOf(ids.partialChunks)).toBeNull();
    // younger than the abandonment window, or than a minute: kept for a later pass
    expect(await rowOf(ids.inFlight)).not.toBeNull();
    expect(await rowOf(ids.tooRecent)).not.toBeNull();

    // the next pass, past the window, finds the upload still without a document
    const later = new Date(now.getTime() + 100 * MINUTE);
    expect(
      await journalAt(later).sweep({ now: later, abandonedAfterMs: 2 * 60 * MINUTE, batch: 100 }),
    ).toEqual({ settled: 0, removed: 1, pending: 1 });
    expect(await rowOf(ids.inFlight)).toBeNull();
  });
});
