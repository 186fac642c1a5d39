import { Readable } from 'node:stream';
import {
  COLLECTIONS,
  createBlobStore,
  createDocumentStore,
  createUploadJournal,
  type DocumentStore,
} from '@docflow/documents';
import { createLogger } from '@docflow/platform';
import { createTestContext, type TestContext } from '@docflow/testing';
import { createBatchRepository } from '../../src/adapters/batch-repository';
import { createUsageCounters } from '../../src/adapters/usage-counters';
import { createIntake, type IncomingPart } from '../../src/domain/intake';
import { quotaWindow } from '../../src/domain/quota-window';
import { createUploadQuota } from '../../src/domain/upload-quota';
import { PDF } from '../corpus/multipart';

const WINDOW_MS = 86_400_000;

async function* files(...names: string[]): AsyncGenerator<IncomingPart> {
  for (const filename of names)
    yield {
      type: 'file',
      fieldname: 'file',
      filename,
      mimetype: 'application/pdf',
      file: Readable.from([PDF]),
    };
}

describe('intake cleanup when the database write fails', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('gateway-intake-cleanup');
  });
  afterAll(() => ctx.cleanup());

  it('when the records fail half-way through a batch, then its records, batch, files and quota are all taken back', async () => {
    const blobs = createBlobStore(ctx.db);
    const real = createDocumentStore(ctx.db);
    // the database takes the first record, then refuses (as it did a `$` key in metadata)
    const documents: DocumentStore = {
      ...real,
      create: async (records, events) => {
        await real.create(records.slice(0, 1), events);
        throw new Error('document failed validation');
      },
    };
    const counters = createUsageCounters(ctx.db);
    const intake = createIntake({
      blobs,
      journal: createUploadJournal(ctx.db, blobs),
      documents,
      outbox: { flush: () => Promise.resolve() } as never,
      batches: createBatchRepository(ctx.db),
      quota: createUploadQuota({
        counters,
        limits: { documents: 10, bytes: 0, windowMs: WINDOW_MS },
      }),
      logger: createLogger({ service: 'test', level: 'silent' }),
    });

    const receiving = intake.receive('tenant-cleanup', files('a.pdf', 'b.pdf'), {
      batch: true,
      limits: { maxBytes: 10_000, maxFiles: 5, maxMetadataBytes: 100 },
    });

    await expect(receiving).rejects.toThrow('document failed validation');
    for (const name of [
      COLLECTIONS.documents,
      COLLECTIONS.transitions,
      COLLECTIONS.batches,
      'blobs.files',
      'blobs.chunks',
    ])
      expect([name, await ctx.db.collection(name).countDocuments()]).toEqual([name, 0]);
    const window = quotaWindow(new Date(), WINDOW_MS);
    const used = await counters.read(['upload:tenant-cleanup'], window, ['documents']);
    expect(used.get('upload:tenant-cleanup')).toMatchObject({ documents: 0 });
  });
});
