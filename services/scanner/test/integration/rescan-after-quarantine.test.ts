import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { BUCKETS, createBlobStore, type BlobStore } from '@docflow/documents';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import { createLogger } from '@docflow/platform';
import { createTestContext, documentEvent, type TestContext } from '@docflow/testing';
import { createDuplicateRegistry } from '../../src/adapters/duplicate-registry';
import { createDocumentReceivedHandler } from '../../src/handlers/document-received';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A scanner that quarantined a file and died before its verdict was acked runs the same event
 * again (a broker redelivery or a retry): the blob is gone from its bucket by then.
 */
describe('scanner: the same infected document handled twice', () => {
  let ctx: TestContext;
  let blobs: BlobStore;
  beforeAll(async () => {
    ctx = await createTestContext('scanner-rescan');
    blobs = createBlobStore(ctx.db);
  });
  afterAll(async () => {
    await ctx?.cleanup();
  });

  it('when the handler runs again after quarantining, then it reaches the same verdict instead of failing the document', async () => {
    const stored = await blobs.upload(Readable.from([Buffer.from(EICAR)]), {
      filename: 'eicar.txt',
      maxBytes: 1024,
    });
    const handler = createDocumentReceivedHandler({
      blobs,
      duplicates: createDuplicateRegistry(ctx.db),
      // an antivirus that knows one signature; the real clamd client is tested elsewhere
      antivirus: {
        engine: 'test',
        scan: async (bytes) =>
          bytes.toString('latin1').includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE')
            ? { infected: true, signature: 'Eicar-Test-Signature' }
            : { infected: false },
      },
      limits: {
        maxBytes: 1024,
        maxPages: 10,
        maxImagePixels: 1e6,
        maxSpreadsheetRows: 100,
        archive: DEFAULT_ARCHIVE_LIMITS,
      },
      pdf: createPdfEngine(DEFAULT_PDF_BUDGET),
      duplicatePolicy: 'flag',
    });
    const event = documentEvent({ id: randomUUID(), tenantId: 'acme' }, 'document.received', {
      blob: stored.ref,
      filename: 'eicar.txt',
      sizeBytes: stored.sizeBytes,
    });
    const run = () =>
      handler(event as never, {
        logger: createLogger({ level: 'silent', service: 'scanner-test' }),
        retries: 0,
        signal: new AbortController().signal,
      });

    const first = await run();
    const second = await run();

    for (const outcome of [first, second])
      expect(outcome).toMatchObject({
        type: 'document.rejected',
        payload: {
          reason: 'infected',
          details: { quarantined: { bucket: BUCKETS.quarantine, id: stored.ref.id } },
        },
      });
    expect(await blobs.exists(stored.ref)).toBe(false);
    expect(await blobs.exists({ bucket: BUCKETS.quarantine, id: stored.ref.id })).toBe(true);
  });
});
