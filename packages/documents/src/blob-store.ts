import { createHash, randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, type Binary, type Db } from 'mongodb';
import type { BlobRef } from '@docflow/contracts';
import { documentError } from './errors';
import { BUCKETS } from './collections';

export interface StoredBlob {
  ref: BlobRef;
  sizeBytes: number;
  sha256: string;
}

export interface UploadOptions {
  filename: string;
  contentType?: string;
  /** The upload fails with BLOB_TOO_LARGE as soon as more bytes than this arrive. */
  maxBytes: number;
  metadata?: Record<string, unknown>;
  /** Defaults to a random UUID. */
  id?: string;
}

export interface BlobStore {
  /** Streams `source` into GridFS (never whole in memory), counting and hashing as it goes. */
  upload(source: Readable, options: UploadOptions): Promise<StoredBlob>;
  /** A stream of the stored bytes; fails with BLOB_NOT_FOUND when the blob is gone. */
  download(ref: BlobRef, range?: { start: number; end: number }): Readable;
  /**
   * Reads a blob into memory, refusing blobs larger than `maxBytes`. Given the size the blob was
   * stored with (events carry it), one query for its chunks does, instead of GridFS's two.
   */
  read(ref: BlobRef, maxBytes: number, storedBytes?: number): Promise<Buffer>;
  /** Copies a blob into the quarantine bucket and deletes the original; idempotent. */
  quarantine(ref: BlobRef): Promise<BlobRef>;
  remove(ref: BlobRef): Promise<boolean>;
  exists(ref: BlobRef): Promise<boolean>;
}

export function createBlobStore(db: Db): BlobStore {
  const buckets = new Map<string, GridFSBucket>();
  const bucket = (name: string): GridFSBucket => {
    let found = buckets.get(name);
    if (!found) {
      found = new GridFSBucket(db, { bucketName: name });
      buckets.set(name, found);
    }
    return found;
  };

  const exists = async (ref: BlobRef): Promise<boolean> =>
    (
      await bucket(ref.bucket)
        .find({ _id: ref.id as never }, { limit: 1 })
        .toArray()
    ).length > 0;

  const remove = async (ref: BlobRef): Promise<boolean> => {
    try {
      await bucket(ref.bucket).delete(ref.id as never);
      return true;
    } catch (err) {
      if (/file ?not ?found/i.test((err as Error).message)) return false;
      throw err;
    }
  };

  const upload = async (source: Readable, options: UploadOptions): Promise<StoredBlob> => {
    const id = options.id ?? randomUUID();
    const target = bucket(BUCKETS.blobs).openUploadStreamWithId(id as never, options.filename, {
      metadata: {
        ...options.metadata,
        ...(options.contentType ? { contentType: options.contentType } : {}),
      },
    });
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > options.maxBytes) {
          done(
            documentError('BLOB_TOO_LARGE', `file is larger than ${options.maxBytes} bytes`, {
              details: { maxBytes: options.maxBytes },
            }),
          );
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, target);
    } catch (err) {
      await target.abort().catch(() => undefined);
      await remove({ bucket: BUCKETS.blobs, id }).catch(() => undefined);
      throw err;
    }
    return { ref: { bucket: BUCKETS.blobs, id }, sizeBytes: size, sha256: hash.digest('hex') };
  };

  const download = (ref: BlobRef, range?: { start: number; end: number }): Readable => {
    const stream = bucket(ref.bucket).openDownloadStream(
      ref.id as never,
      range ? { start: range.start, end: range.end } : undefined,
    );
    return stream;
  };

  /**
   * The blob's chunks in one query, when they are whole: numbered from 0 without a gap and adding
   * up to `storedBytes`. Anything else (no chunks, a partial copy) answers undefined, and the
   * GridFS read decides.
   */
  const readChunks = async (ref: BlobRef, storedBytes: number): Promise<Buffer | undefined> => {
    const rows = await db
      .collection<{ files_id: string; n: number; data: Binary }>(`${ref.bucket}.chunks`)
      .find({ files_id: ref.id }, { sort: { n: 1 }, projection: { _id: 0, n: 1, data: 1 } })
      .toArray();
    const parts: Buffer[] = [];
    let size = 0;
    for (const [index, row] of rows.entries()) {
      if (row.n !== index) return undefined;
      const bytes = row.data.buffer.subarray(0, row.data.length());
      size += bytes.length;
      parts.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    }
    return size === storedBytes && rows.length > 0 ? Buffer.concat(parts, size) : undefined;
  };

  const read = async (ref: BlobRef, maxBytes: number, storedBytes?: number): Promise<Buffer> => {
    if (storedBytes !== undefined && storedBytes > 0 && storedBytes <= maxBytes) {
      const whole = await readChunks(ref, storedBytes);
      if (whole) return whole;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of download(ref)) {
        size += (chunk as Buffer).length;
        if (size > maxBytes)
          throw documentError('BLOB_TOO_LARGE', `blob is larger than ${maxBytes} bytes`);
        chunks.push(chunk as Buffer);
      }
    } catch (err) {
      if (/file ?not ?found/i.test((err as Error).message))
        throw documentError('BLOB_NOT_FOUND', `blob ${ref.bucket}/${ref.id} does not exist`);
      throw err;
    }
    return Buffer.concat(chunks);
  };

  const quarantine = async (ref: BlobRef): Promise<BlobRef> => {
    const target: BlobRef = { bucket: BUCKETS.quarantine, id: ref.id };
    if (ref.bucket === BUCKETS.quarantine) return ref;
    if (!(await exists(target))) {
      if (!(await exists(ref)))
        throw documentError('BLOB_NOT_FOUND', `blob ${ref.bucket}/${ref.id} does not exist`);
      const files = await bucket(ref.bucket)
        .find({ _id: ref.id as never }, { limit: 1 })
        .toArray();
      const file = files[0]!;
      // GridFS writes the chunks before the file entry: a run killed mid-copy left chunks under
      // this id that would collide with the new ones, so they go first.
      await remove(target);
      const upload = bucket(target.bucket).openUploadStreamWithId(
        target.id as never,
        file.filename,
        { metadata: { ...file.metadata, quarantinedFrom: ref.bucket } },
      );
      await pipeline(download(ref), upload);
    }
    await remove(ref);
    return target;
  };

  return { upload, download, read, quarantine, remove, exists };
}
