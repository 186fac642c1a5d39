import { DEFAULT_ARCHIVE_LIMITS } from '@docflow/archive';
import { randomUUID } from 'node:crypto';
import type { BlobRef, EventOfType } from '@docflow/contracts';
import { createLogger, originEvent, transientError, type HandlerContext } from '@docflow/platform';
import { createPdfEngine, DEFAULT_PDF_BUDGET } from '@docflow/pdf';
import type { DuplicateRegistry } from '../../../src/adapters/duplicate-registry';
import {
  createDocumentReceivedHandler,
  type DocumentReceivedDeps,
} from '../../../src/handlers/document-received';

const limits = {
  maxBytes: 1024,
  maxPages: 10,
  maxImagePixels: 1_000_000,
  maxSpreadsheetRows: 100,
  archive: DEFAULT_ARCHIVE_LIMITS,
};
const ctx: HandlerContext = {
  logger: createLogger({ service: 'test', level: 'silent' }),
  retries: 0,
  signal: new AbortController().signal,
};

function setup(content: Buffer, overrides: Partial<DocumentReceivedDeps> = {}) {
  const quarantined: BlobRef[] = [];
  const owners = new Map<string, string>();
  const duplicates: DuplicateRegistry = {
    async claim({ tenantId, sha256, documentId }) {
      const key = `${tenantId}:${sha256}`;
      if (!owners.has(key)) owners.set(key, documentId);
      const owner = owners.get(key)!;
      return owner === documentId ? {} : { duplicateOf: owner };
    },
  };
  const deps: DocumentReceivedDeps = {
    blobs: {
      read: async () => content,
      quarantine: async (ref) => {
        quarantined.push(ref);
        return { bucket: 'quarantine', id: ref.id };
      },
    },
    duplicates,
    antivirus: { engine: 'clamd', scan: async () => ({ infected: false }) },
    limits,
    pdf: createPdfEngine(DEFAULT_PDF_BUDGET),
    duplicatePolicy: 'flag',
    ...overrides,
  };
  const handler = createDocumentReceivedHandler(deps);
  const event = (tenantId = 'acme') =>
    originEvent(
      'document.received',
      {
        blob: { bucket: 'blobs', id: randomUUID() },
        filename: 'notes.pdf',
        sizeBytes: content.length,
      },
      { tenantId, documentId: randomUUID() },
    ) as EventOfType<'document.received'>;
  return { handler, event, quarantined };
}

const text = Buffer.from('Factura pendiente de pago.\nGracias.\n');

describe('document.received handler', () => {
  test('when a clean text file arrives, then it is scanned as text with its hash and clamd status', async () => {
    const { handler, event } = setup(text);
    const result = await handler(event(), ctx);
    expect(result).toMatchObject({
      type: 'document.scanned',
      payload: {
        detectedType: 'text',
        mimeType: 'text/plain',
        sizeBytes: text.length,
        antivirus: { status: 'clean', engine: 'clamd' },
      },
    });
  });

  test('when clamd finds malware, then the blob is quarantined and the document rejected as infected', async () => {
    const { handler, event, quarantined } = setup(text, {
      antivirus: {
        engine: 'clamd',
        scan: async () => ({ infected: true, signature: 'Eicar-Test' }),
      },
    });
    const received = event();
    const result = await handler(received, ctx);
    expect(quarantined).toEqual([received.payload.blob]);
    expect(result).toMatchObject({
      type: 'document.rejected',
      payload: { stage: 'scanner', reason: 'infected', details: { signature: 'Eicar-Test' } },
    });
  });

  test('when clamd is unreachable, then the handler fails transiently and nothing is emitted', async () => {
    const { handler, event } = setup(text, {
      antivirus: {
        engine: 'clamd',
        scan: async () => {
          throw transientError('CLAMD_UNAVAILABLE', 'connection refused');
        },
      },
    });
    await expect(handler(event(), ctx)).rejects.toMatchObject({ isTransient: true });
  });

  test('when antivirus is off, then the document records that it was not scanned', async () => {
    const { handler, event } = setup(text, { antivirus: null });
    expect(await handler(event(), ctx)).toMatchObject({
      payload: { antivirus: { status: 'not_scanned' } },
    });
  });

  test('when the tenant sends the same content twice under policy flag, then the second links to the first', async () => {
    const { handler, event } = setup(text);
    const first = event();
    await handler(first, ctx);
    const second = await handler(event(), ctx);
    expect(second).toMatchObject({
      type: 'document.scanned',
      payload: { duplicateOf: first.documentId },
    });
  });

  test('when the same document is handled again, then it is not its own duplicate', async () => {
    const { handler, event } = setup(text);
    const first = event();
    await handler(first, ctx);
    const again = await handler(first, ctx);
    expect((again as { payload: { duplicateOf?: string } }).payload.duplicateOf).toBeUndefined();
  });

  test('when the policy is reject, then a duplicate is rejected with the original', async () => {
    const { handler, event } = setup(text, { duplicatePolicy: 'reject' });
    const first = event();
    await handler(first, ctx);
    expect(await handler(event(), ctx)).toMatchObject({
      type: 'document.rejected',
      payload: { reason: 'duplicate', details: { duplicateOf: first.documentId } },
    });
  });

  test('when another tenant sends the same content, then it is no duplicate', async () => {
    const { handler, event } = setup(text);
    await handler(event('acme'), ctx);
    const other = await handler(event('globex'), ctx);
    expect((other as { payload: { duplicateOf?: string } }).payload.duplicateOf).toBeUndefined();
  });

  test('when the declared size exceeds the limit, then the file is rejected before it is read', async () => {
    const { handler } = setup(text);
    const result = await handler(
      originEvent(
        'document.received',
        { blob: { bucket: 'blobs', id: 'x' }, filename: 'big.pdf', sizeBytes: 10_000 },
        { tenantId: 'acme', documentId: randomUUID() },
      ) as EventOfType<'document.received'>,
      ctx,
    );
    expect(result).toMatchObject({ type: 'document.rejected', payload: { reason: 'too_large' } });
  });
});
