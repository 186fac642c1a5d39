import { Readable } from 'node:stream';
import { createTestContext, type TestContext } from '@docflow/testing';
import { BUCKETS, createBlobStore, type BlobStore } from '../../src';

describe('blob store (GridFS on the real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let blobs: BlobStore;
  beforeAll(async () => {
    ctx = await createTestContext('blob-store');
    blobs = createBlobStore(ctx.db);
  });
  afterAll(() => ctx.cleanup());

  it('when a file streams in, then it is stored with its size and SHA-256 and reads back the same', async () => {
    const stored = await blobs.upload(
      Readable.from([Buffer.from('hello '), Buffer.from('world')]),
      {
        filename: 'a.txt',
        maxBytes: 100,
      },
    );
    expect(stored.sizeBytes).toBe(11);
    expect(stored.sha256).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect((await blobs.read(stored.ref, 100)).toString()).toBe('hello world');
  });

  it('when a file is larger than allowed, then the upload fails while streaming and nothing stays', async () => {
    const before = await ctx.db.collection(`${BUCKETS.blobs}.files`).countDocuments();
    await expect(
      blobs.upload(Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), {
        filename: 'big',
        maxBytes: 100,
      }),
    ).rejects.toMatchObject({ code: 'BLOB_TOO_LARGE' });
    expect(await ctx.db.collection(`${BUCKETS.blobs}.files`).countDocuments()).toBe(before);
  });

  it('when a blob is quarantined, then the original is gone, reading it says so, and doing it again is harmless', async () => {
    const stored = await blobs.upload(Readable.from([Buffer.from('X5O!P%@AP')]), {
      filename: 'e',
      maxBytes: 100,
    });
    const moved = await blobs.quarantine(stored.ref);
    expect(moved.bucket).toBe(BUCKETS.quarantine);
    expect(await blobs.exists(stored.ref)).toBe(false);
    await expect(blobs.read(stored.ref, 100)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
    expect((await blobs.read(moved, 100)).toString()).toBe('X5O!P%@AP');
    // a scanner re-running after a crash quarantines again: same place, no error
    expect(await blobs.quarantine(stored.ref)).toEqual(moved);
  });

  it('when a scanner died mid-copy into quarantine, then the next run replaces the partial copy', async () => {
    const content = Buffer.alloc(600 * 1024, 7); // three chunks of 255 KiB
    const stored = await blobs.upload(Readable.from([content]), {
      filename: 'big.bin',
      maxBytes: content.length,
    });
    // what a killed copy leaves: chunks under the blob's id, no file entry
    const chunks = ctx.db.collection(`${BUCKETS.quarantine}.chunks`);
    await chunks.insertMany(
      [0, 1].map((n) => ({ files_id: stored.ref.id, n, data: Buffer.alloc(10) })),
    );
    expect(await blobs.exists({ bucket: BUCKETS.quarantine, id: stored.ref.id })).toBe(false);

    const moved = await blobs.quarantine(stored.ref);
    expect((await blobs.read(moved, content.length)).equals(content)).toBe(true);
    expect(await chunks.countDocuments({ files_id: stored.ref.id })).toBe(3);
    expect(await blobs.exists(stored.ref)).toBe(false);
  });
});
