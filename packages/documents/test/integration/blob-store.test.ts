import { Readable } from 'node:stream';
import { MongoClient } from 'mongodb';
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

  describe('reading with the stored size (one query)', () => {
    let client: MongoClient;
    let counted: BlobStore;
    const commands: string[] = [];
    beforeAll(async () => {
      client = new MongoClient(ctx.mongoUrl, { monitorCommands: true });
      client.on('commandStarted', (event) => commands.push(event.commandName));
      await client.connect();
      counted = createBlobStore(client.db(ctx.databaseName));
    });
    afterAll(() => client.close());

    const store = (content: Buffer) =>
      blobs.upload(Readable.from([content]), { filename: 'b.bin', maxBytes: content.length });
    const reading = async (read: () => Promise<Buffer>) => {
      commands.length = 0;
      const bytes = await read();
      return { bytes, commands: [...commands] };
    };

    it('when the size matches the stored chunks, then the blob reads back whole in one query', async () => {
      const content = Buffer.from(Array.from({ length: 700 * 1024 }, (_, i) => i % 251));
      const stored = await store(content);
      const once = await reading(() => counted.read(stored.ref, content.length, content.length));
      expect(once.bytes.equals(content)).toBe(true);
      expect(once.commands).toEqual(['find']);
      const gridFs = await reading(() => counted.read(stored.ref, content.length));
      expect(gridFs.bytes.equals(content)).toBe(true);
      expect(gridFs.commands.filter((name) => name === 'find')).toHaveLength(2);
    });

    it('when the chunks do not add up to the size (a partial copy, a wrong size), then the GridFS read decides', async () => {
      const id = 'partial-copy';
      await ctx.db
        .collection(`${BUCKETS.quarantine}.chunks`)
        .insertMany([0, 2].map((n) => ({ files_id: id, n, data: Buffer.alloc(10, 1) })));
      await expect(counted.read({ bucket: BUCKETS.quarantine, id }, 100, 20)).rejects.toMatchObject(
        { code: 'BLOB_NOT_FOUND' },
      );
      const stored = await store(Buffer.from('twelve bytes'));
      const wrong = await reading(() => counted.read(stored.ref, 100, 13));
      expect(wrong.bytes.toString()).toBe('twelve bytes');
      expect(wrong.commands.filter((name) => name === 'find')).toHaveLength(3);
      await expect(counted.read(stored.ref, 5, 12)).rejects.toMatchObject({
        code: 'BLOB_TOO_LARGE',
      });
    });
  });
});
