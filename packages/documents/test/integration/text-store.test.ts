import { GridFSBucket } from 'mongodb';
import { packPageWords } from '@docflow/contracts';
import { createTestContext, type TestContext } from '@docflow/testing';
import { BUCKETS, createTextStore } from '../../src';

const pages = [{ page: 1, text: 'Total 8.70' }];
const words = [
  packPageWords(1, { width: 100, height: 50, unit: 'px' }, [
    { x0: 10, y0: 10, x1: 40, y1: 20, confidence: 0.9, start: 0, end: 5 },
    { x0: 50, y0: 10, x1: 90, y1: 20, confidence: 0.8, start: 6, end: 10 },
  ]),
];

describe('text store (a record, or GridFS when large, on the real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('text-store');
  });
  afterAll(() => ctx.cleanup());

  it.each([
    ['a record', Number.MAX_SAFE_INTEGER, 'collection'],
    ['GridFS', 10, 'gridfs'],
  ])(
    'when a text with words is stored in %s, then its words load only when asked for',
    async (_where, inlineMaxBytes, store) => {
      const texts = createTextStore(ctx.db, inlineMaxBytes);
      const documentId = `doc-${store}`;

      const ref = await texts.save({ tenantId: 't1', documentId, pages, words });

      expect(ref.store).toBe(store);
      expect(await texts.load(ref)).toEqual({ tenantId: 't1', documentId, pages });
      expect(await texts.load(ref, { words: true })).toEqual({
        tenantId: 't1',
        documentId,
        pages,
        words,
      });
    },
  );

  it.each([
    ['a record', Number.MAX_SAFE_INTEGER, 'collection'],
    ['GridFS', 10, 'gridfs'],
  ])(
    'when an e-invoice text is stored in %s with its XML, then the XML loads with the pages',
    async (_where, inlineMaxBytes, store) => {
      const texts = createTextStore(ctx.db, inlineMaxBytes);
      const documentId = `doc-xml-${store}`;
      const einvoiceXml = '<Invoice xmlns="urn:x"><ID>1</ID></Invoice>';

      const ref = await texts.save({ tenantId: 't1', documentId, pages, words, einvoiceXml });

      expect(ref.store).toBe(store);
      expect(await texts.load(ref)).toEqual({ tenantId: 't1', documentId, pages, einvoiceXml });
      expect(await texts.load(ref, { words: true })).toEqual({
        tenantId: 't1',
        documentId,
        pages,
        einvoiceXml,
        words,
      });
    },
  );

  it('when a stored text has words of an unknown version, then the text loads without them', async () => {
    const texts = createTextStore(ctx.db);
    const ref = await texts.save({
      tenantId: 't1',
      documentId: 'doc-future',
      pages,
      words: [{ ...words[0]!, v: 2 as 1 }],
    });

    expect((await texts.load(ref, { words: true })).words).toEqual([]);
  });

  it('when GridFS holds a text written before words were kept, then it still loads', async () => {
    const bucket = new GridFSBucket(ctx.db, { bucketName: BUCKETS.texts });
    const upload = bucket.openUploadStreamWithId('doc-old' as never, 'doc-old.json', {
      metadata: { tenantId: 't1', documentId: 'doc-old' },
    });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(Buffer.from(JSON.stringify(pages)));
    });

    const loaded = await createTextStore(ctx.db).load(
      { store: 'gridfs', id: 'doc-old' },
      { words: true },
    );

    expect(loaded).toEqual({ tenantId: 't1', documentId: 'doc-old', pages, words: [] });
  });
});
