import { Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from '@docflow/documents';
import { createLogger } from '@docflow/platform';
import { createIntake, type IncomingPart } from '../../src/domain/intake';

describe('intake drain (what shutdown waits for)', () => {
  it('when a receive is still storing, then drain waits for it, and answers how many were left at its deadline', async () => {
    let release: (blob: StoredBlob) => void = () => undefined;
    const blobs = {
      upload: () => new Promise<StoredBlob>((resolve) => (release = resolve)),
      remove: () => Promise.resolve(true),
    } as unknown as BlobStore;
    const intake = createIntake({
      blobs,
      journal: { begin: () => Promise.resolve() },
      documents: {} as never,
      outbox: {} as never,
      batches: {} as never,
      quota: {
        check: () => Promise.resolve(),
        reserve: () => Promise.resolve(() => Promise.resolve()),
      },
      logger: createLogger({ service: 'test', level: 'silent' }),
    });
    async function* parts(): AsyncGenerator<IncomingPart> {
      yield {
        type: 'file',
        fieldname: 'files',
        filename: 'a.pdf',
        mimetype: 'application/pdf',
        file: Readable.from([Buffer.from('x')]),
      };
    }
    expect(await intake.drain(10)).toBe(0);
    const receiving = intake.receive('t1', parts(), {
      batch: false,
      limits: { maxBytes: 10, maxFiles: 1, maxMetadataBytes: 10 },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await intake.drain(30)).toBe(1);
    const drained = intake.drain(5_000);
    // the stored file is empty: the receive refuses it, removes it, and is done
    release({ ref: { bucket: 'blobs', id: 'b1' }, sizeBytes: 0, sha256: 'e'.repeat(64) });
    await expect(receiving).rejects.toMatchObject({ code: 'FILE_EMPTY' });
    expect(await drained).toBe(0);
  });
});
