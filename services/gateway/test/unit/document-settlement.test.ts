import type { AnyEvent, EventType, PayloadOf } from '@docflow/contracts';
import { decide, newDocument, type DocumentCommand, type DocumentRecord } from '@docflow/documents';
import { documentEvent } from '@docflow/testing';
import { firstSettlement } from '../../src/domain/document-settlement';

const T0 = new Date(Date.UTC(2026, 0, 1));
const at = (s: number) => new Date(T0.getTime() + s * 1000);

const classified: PayloadOf<'document.classified'> = {
  docType: 'invoice',
  confidence: 0.96,
  modelVersion: 'base-test',
  candidates: [{ docType: 'invoice', probability: 0.96 }],
  extraction: { fields: {}, tables: {} },
  findings: [],
};
const published = (revision: number): PayloadOf<'document.published'> => ({
  docType: 'invoice',
  records: [{ collection: 'invoices', id: `inv-${revision}` }],
  revision,
});
const scanned: PayloadOf<'document.scanned'> = {
  blob: { bucket: 'blobs', id: 'b' },
  detectedType: 'pdf',
  mimeType: 'application/pdf',
  sizeBytes: 10,
  sha256: 'a'.repeat(64),
  pages: 1,
  antivirus: { status: 'clean', engine: 'ClamAV' },
};
const failed: PayloadOf<'document.failed'> = {
  stage: 'ocr',
  error: { code: 'OCR_FAILED', message: 'engine crashed', transient: false },
  retries: 5,
};

function uploaded(): DocumentRecord {
  return newDocument(
    {
      id: 'doc-1',
      tenantId: 'tenant-1',
      filename: 'invoice.pdf',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
      blob: { bucket: 'blobs', id: 'b' },
    },
    T0,
  ).record;
}

/** A stage's event, produced `second` seconds after the upload. */
function event<T extends EventType>(
  record: DocumentRecord,
  type: T,
  payload: PayloadOf<T>,
  second: number,
): AnyEvent {
  const e = documentEvent(
    { id: record._id, tenantId: record.tenantId },
    type,
    payload,
    record.attempt,
  );
  return { ...e, occurredAt: at(second).toISOString() } as AnyEvent;
}

/** Applies a command as the document store would (version + 1). */
function apply(record: DocumentRecord, command: DocumentCommand, second: number): DocumentRecord {
  const decision = decide(record, command, at(second));
  if (decision.outcome !== 'applied') throw new Error(`not applied: ${JSON.stringify(decision)}`);
  return { ...record, ...decision.state, version: record.version + 1 };
}

describe('end-to-end settlement of a document', () => {
  it('when the publication settles a document, then its outcome, type and time since upload are reported once', () => {
    let doc = uploaded();
    const neverApplied = event(doc, 'document.failed', failed, 1);
    expect(firstSettlement(doc, doc.inputs.scanner!)).toBeNull();
    const done = event(doc, 'document.classified', classified, 12);
    doc = apply(doc, { kind: 'event', event: done }, 12.5);
    expect(firstSettlement(doc, done)).toBeNull(); // classified is not final yet
    const publication = event(doc, 'document.published', published(1), 14.5);
    doc = apply(doc, { kind: 'event', event: publication }, 15);
    expect(firstSettlement(doc, publication)).toEqual({
      outcome: 'published',
      docType: 'invoice',
      seconds: 14.5,
    });
    // a new revision later settles nothing new
    const revision = event(doc, 'document.published', published(2), 90);
    doc = apply(doc, { kind: 'event', event: revision }, 91);
    expect(firstSettlement(doc, revision)).toBeNull();
    expect(firstSettlement(doc, neverApplied)).toBeNull(); // an event that never applied
  });

  it('when the publication reaches the tracker before the classification, then the type comes from the publication', () => {
    let doc = uploaded();
    const publication = event(doc, 'document.published', published(1), 9);
    doc = apply(doc, { kind: 'event', event: publication }, 9.2);
    expect(doc.result).toBeUndefined();
    expect(firstSettlement(doc, publication)).toMatchObject({
      outcome: 'published',
      docType: 'invoice',
    });
  });

  it('when a document is rejected before classification, then its type is none', () => {
    let doc = uploaded();
    const rejected = event(
      doc,
      'document.rejected',
      { stage: 'scanner', reason: 'infected', message: 'EICAR' },
      3,
    );
    doc = apply(doc, { kind: 'event', event: rejected }, 3);
    expect(firstSettlement(doc, rejected)).toEqual({
      outcome: 'rejected',
      docType: 'none',
      seconds: 3,
    });
  });

  it('when a failed document is retried and then published, then only the failure counts', () => {
    let doc = uploaded();
    doc = apply(doc, { kind: 'event', event: event(doc, 'document.scanned', scanned, 1) }, 1);
    const fail = event(doc, 'document.failed', failed, 8);
    doc = apply(doc, { kind: 'event', event: fail }, 8);
    expect(firstSettlement(doc, fail)).toMatchObject({ outcome: 'failed', seconds: 8 });
    doc = apply(doc, { kind: 'retry', by: 'ops' }, 600);
    const done = event(doc, 'document.classified', classified, 620);
    doc = apply(doc, { kind: 'event', event: done }, 620);
    const publication = event(doc, 'document.published', published(1), 621);
    doc = apply(doc, { kind: 'event', event: publication }, 621);
    expect(doc.status).toBe('published');
    expect(firstSettlement(doc, publication)).toBeNull();
    expect(firstSettlement(doc, fail)).toMatchObject({ outcome: 'failed' });
  });

  it('when a document needing review is corrected and published, then only the review wait counts as its settlement', () => {
    let doc = uploaded();
    const review = event(
      doc,
      'document.needs_review',
      { ...classified, reason: 'low_confidence', confidence: 0.4 },
      20,
    );
    doc = apply(doc, { kind: 'event', event: review }, 20);
    expect(firstSettlement(doc, review)).toEqual({
      outcome: 'needs_review',
      docType: 'invoice',
      seconds: 20,
    });
    doc = apply(doc, { kind: 'review', by: 'clerk', docType: 'receipt', fields: {} }, 3_600);
    const publication = event(doc, 'document.published', published(1), 3_601);
    doc = apply(doc, { kind: 'event', event: publication }, 3_601);
    expect(firstSettlement(doc, publication)).toBeNull();
  });

  it('when a document is cancelled before it settles, then nothing is reported', () => {
    let doc = uploaded();
    doc = apply(doc, { kind: 'cancel', by: 'user' }, 2);
    const late = event(
      doc,
      'document.rejected',
      { stage: 'scanner', reason: 'corrupt', message: 'x' },
      3,
    );
    const decision = decide(doc, { kind: 'event', event: late }, at(3));
    const after = decision.outcome === 'applied' ? { ...doc, ...decision.state } : doc;
    expect(firstSettlement(after, late)).toBeNull();
  });
});
