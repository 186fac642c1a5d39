import { decide, type Decision, type DocumentCommand, type DocumentRecord } from '../../src';
import { T0, aDocument, anEvent, payloads } from '../support/builders';

const now = new Date(T0.getTime() + 60_000);

/** Applies commands in order, as the store would, and returns the last record and decision. */
function run(doc: DocumentRecord, ...commands: DocumentCommand[]) {
  let record = doc;
  let decision: Decision | undefined;
  for (const command of commands) {
    decision = decide(record, command, now);
    if (decision.outcome === 'applied')
      record = { ...record, ...decision.state, version: record.version + 1 };
  }
  return { record, decision: decision! };
}

const event = (e: ReturnType<typeof anEvent>): DocumentCommand => ({ kind: 'event', event: e });

describe('document state machine', () => {
  it('when the stage events arrive in order, then the status follows and the timeline has durations', () => {
    const doc = aDocument();
    const { record } = run(
      doc,
      event(anEvent(doc, 'document.scanned', payloads.scanned, { seconds: 2 })),
      event(anEvent(doc, 'document.text_extracted', payloads.textExtracted, { seconds: 5 })),
      event(anEvent(doc, 'document.classified', payloads.classified, { seconds: 6 })),
      event(anEvent(doc, 'document.published', payloads.published, { seconds: 7 })),
    );
    expect(record.status).toBe('published');
    expect(record.stage).toBeNull();
    expect(record.finishedAt).toEqual(now);
    expect(record.timeline.map((t) => [t.event, t.durationMs])).toEqual([
      ['document.received', 0],
      ['document.scanned', 2000],
      ['document.text_extracted', 3000],
      ['document.classified', 1000],
      ['document.published', 1000],
    ]);
    expect(record.records).toEqual(payloads.published.records);
    expect(record.inputs).toEqual({});
    expect(record.result?.docType).toBe('invoice');
    expect(record.scan?.pages).toBe(2);
  });

  it('when the same event arrives twice, then the second is ignored', () => {
    const doc = aDocument();
    const scanned = anEvent(doc, 'document.scanned', payloads.scanned);
    const { decision, record } = run(doc, event(scanned), event(scanned));
    expect(decision).toEqual({ outcome: 'ignored', reason: 'duplicate event' });
    expect(record.timeline).toHaveLength(2);
  });

  it('when an earlier stage event arrives late, then the status does not move back but its data is kept', () => {
    const doc = aDocument();
    const { record } = run(
      doc,
      event(anEvent(doc, 'document.text_extracted', payloads.textExtracted, { seconds: 5 })),
      event(anEvent(doc, 'document.scanned', payloads.scanned, { seconds: 2 })),
    );
    expect(record.status).toBe('text_extracted');
    expect(record.stage).toBe('classifier');
    expect(record.scan?.sha256).toBe(payloads.scanned.sha256);
    // only the input of the stage that works next is kept, whatever the order of arrival
    expect(Object.keys(record.inputs)).toEqual(['classifier']);
    expect(record.inputs.classifier?.type).toBe('document.text_extracted');
    expect(record.timeline.map((t) => [t.event, t.applied])).toEqual([
      ['document.received', true],
      ['document.scanned', false],
      ['document.text_extracted', true],
    ]);
  });

  it('when a stage fails and the document is retried, then a new attempt starts from that stage input', () => {
    const doc = aDocument();
    const scanned = anEvent(doc, 'document.scanned', payloads.scanned, { seconds: 2 });
    const failed = run(
      doc,
      event(scanned),
      event(anEvent(doc, 'document.failed', payloads.failedAtOcr, { seconds: 3 })),
    ).record;
    expect(failed.status).toBe('failed');
    expect(failed.stage).toBe('ocr');
    expect(failed.inputs).toEqual({ ocr: scanned });
    expect(failed.errors[0]?.code).toBe('OCR_ENGINE_CRASHED');

    const { record, decision } = run(failed, { kind: 'retry', by: 'user' });
    expect(record.status).toBe('scanned');
    expect(record.attempt).toBe(2);
    expect(record.finishedAt).toBeNull();
    if (decision.outcome !== 'applied') throw new Error('retry refused');
    const [republished] = decision.publish;
    expect(republished?.type).toBe('document.scanned');
    expect(republished?.attempt).toBe(2);
    expect(republished?.eventId).not.toBe(scanned.eventId);
    expect(republished?.causationId).toBe(scanned.eventId);

    // a straggler of attempt 1 cannot touch attempt 2
    const stale = run(
      record,
      event(anEvent(doc, 'document.failed', payloads.failedAtOcr, { seconds: 9, attempt: 1 })),
    );
    expect(stale.decision.outcome).toBe('ignored');
    expect(stale.record.status).toBe('scanned');
  });

  it('when a document is not failed, then a retry is refused', () => {
    const { decision } = run(aDocument(), { kind: 'retry', by: 'user' });
    expect(decision).toMatchObject({ outcome: 'refused', code: 'DOCUMENT_NOT_RETRYABLE' });
  });

  it('when a document is cancelled, then later events do not move it and the publisher cannot claim it', () => {
    const doc = aDocument();
    const { record, decision } = run(doc, { kind: 'cancel', by: 'user', reason: 'wrong file' });
    if (decision.outcome !== 'applied') throw new Error('cancel refused');
    expect(decision.publish.map((e) => e.type)).toEqual(['document.cancelled']);
    expect(record.status).toBe('cancelled');

    const later = run(
      record,
      event(anEvent(doc, 'document.classified', payloads.classified, { seconds: 90 })),
      { kind: 'claim_publication', by: 'publisher' },
    );
    expect(later.record.status).toBe('cancelled');
    expect(later.decision).toMatchObject({ outcome: 'refused', code: 'DOCUMENT_NOT_PUBLISHABLE' });
  });

  it('when the publisher has claimed a document, then it can no longer be cancelled', () => {
    const doc = aDocument();
    const { decision } = run(
      doc,
      event(anEvent(doc, 'document.classified', payloads.classified)),
      { kind: 'claim_publication', by: 'publisher' },
      { kind: 'cancel', by: 'user' },
    );
    expect(decision).toMatchObject({ outcome: 'refused', code: 'DOCUMENT_NOT_CANCELLABLE' });
  });

  it('when a document needing review is reviewed, then it is classified with the correction and republished', () => {
    const doc = aDocument();
    const { record, decision } = run(
      doc,
      event(anEvent(doc, 'document.needs_review', payloads.needsReview)),
      {
        kind: 'review',
        by: 'key-1',
        docType: 'receipt',
        fields: { total: { value: 12.5, confidence: 1 } },
      },
    );
    expect(record.status).toBe('classified');
    expect(record.result?.reviewed?.by).toBe('key-1');
    if (decision.outcome !== 'applied') throw new Error('review refused');
    const [correction] = decision.publish;
    expect(correction?.type).toBe('document.classified');
    expect(correction?.payload).toMatchObject({ docType: 'receipt', confidence: 1 });
  });

  it('when a document was rejected, then nothing moves it again', () => {
    const doc = aDocument();
    const { record } = run(
      doc,
      event(
        anEvent(doc, 'document.rejected', {
          stage: 'scanner',
          reason: 'infected',
          message: 'Eicar',
        }),
      ),
      event(anEvent(doc, 'document.scanned', payloads.scanned, { seconds: 3 })),
    );
    expect(record.status).toBe('rejected');
    expect(record.rejection?.reason).toBe('infected');
  });
});
