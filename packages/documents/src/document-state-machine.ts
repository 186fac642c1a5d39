import {
  eventCatalog,
  producerOf,
  stageOfInput,
  type AnyEvent,
  type DocType,
  type EventType,
  type ExtractedField,
  type PayloadOf,
  type StageName,
} from '@docflow/contracts';
import { deriveId } from '@docflow/platform';
import {
  OPTIONAL_STATE_KEYS,
  STATUS_OF_EVENT,
  STATUS_RANK,
  isDocumentEvent,
  isSettled,
  stageOf,
  type DocumentRecord,
  type DocumentState,
  type DocumentStatus,
  type TimelineEntry,
} from './document-state';

/** What can change a document: a pipeline event, or a person (cancel, retry, review), or the publisher. */
export type DocumentCommand =
  | { kind: 'event'; event: AnyEvent }
  | { kind: 'cancel'; by: string; reason?: string }
  | { kind: 'retry'; by: string }
  | {
      kind: 'review';
      by: string;
      docType: DocType;
      fields: Record<string, ExtractedField>;
      tables?: Record<string, Record<string, ExtractedField>[]>;
    }
  | { kind: 'claim_publication'; by: string };

export type Decision =
  | { outcome: 'applied'; state: DocumentState; publish: AnyEvent[] }
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'refused'; code: string; message: string };

/** How many applied event ids a record remembers (enough for any document's whole life). */
const APPLIED_EVENTS_KEPT = 200;

/**
 * The document state machine: a pure function from a record and a command to the next state and
 * the events to publish. Persisting it is `DocumentStore`'s job, which serialises every change of
 * one document through a unique (document, version) key.
 *
 * Rules:
 * - an event already applied (same id) or from an earlier attempt changes nothing;
 * - progress never goes backwards: a late or out-of-order event is kept in the timeline and its
 *   data merged, but the status only moves to a higher rank;
 * - rejected and cancelled are final; failed waits for a retry, which starts a new attempt from the
 *   failed stage's input event;
 * - once the publisher claims a document it cannot be cancelled, and a cancelled one cannot be
 *   claimed: so a cancelled document is never published.
 */
export function decide(record: DocumentRecord, command: DocumentCommand, now: Date): Decision {
  const decision = decideCommand(record, command, now);
  if (decision.outcome === 'applied') keepCurrentInput(decision.state);
  return decision;
}

function decideCommand(record: DocumentRecord, command: DocumentCommand, now: Date): Decision {
  switch (command.kind) {
    case 'event':
      return applyEvent(record, command.event, now);
    case 'cancel':
      return cancel(record, command.reason, now);
    case 'retry':
      return retry(record, now);
    case 'review':
      return review(record, command, now);
    case 'claim_publication':
      return claimPublication(record, command.by, now);
  }
}

/**
 * A record keeps only the input event of the stage that works on it next (the failed stage, for a
 * failed document): what a retry and the stuck-document sweeper re-publish. Earlier stages' inputs
 * are done with, and every version of the record is written twice (transition and projection), so
 * carrying them cost about a third of each write.
 */
function keepCurrentInput(state: DocumentState): void {
  const stage = state.stage === 'review' ? null : state.stage;
  const input = stage ? state.inputs[stage] : undefined;
  state.inputs = stage && input ? { [stage]: input } : {};
}

function applyEvent(record: DocumentRecord, event: AnyEvent, now: Date): Decision {
  if (!isDocumentEvent(event) || event.documentId !== record._id)
    return { outcome: 'ignored', reason: 'not an event of this document' };
  if (record.appliedEvents.includes(event.eventId))
    return { outcome: 'ignored', reason: 'duplicate event' };
  if (event.attempt < record.attempt)
    return {
      outcome: 'ignored',
      reason: `event of attempt ${event.attempt} (now ${record.attempt})`,
    };

  const target = STATUS_OF_EVENT[event.type];
  const moves = movesTo(record.status, target);
  const state: DocumentState = { ...copyState(record), updatedAt: now };
  mergeData(state, event);
  const input = stageOfInput[event.type];
  if (input) state.inputs = { ...state.inputs, [input]: event };
  if (moves) {
    const failedStage = event.type === 'document.failed' ? event.payload.stage : undefined;
    setStatus(state, target, now, failedStage);
  }
  state.timeline = addEntry(state.timeline, {
    event: event.type,
    status: target,
    applied: moves,
    stage: event.type === 'document.failed' ? event.payload.stage : producerOf(event.type),
    at: new Date(event.occurredAt),
    durationMs: 0,
    attempt: event.attempt,
    eventId: event.eventId,
  });
  state.appliedEvents = [...state.appliedEvents, event.eventId].slice(-APPLIED_EVENTS_KEPT);
  return { outcome: 'applied', state, publish: [] };
}

function movesTo(current: DocumentStatus, target: DocumentStatus): boolean {
  if (current === 'cancelled' || current === 'rejected') return false;
  if (target === 'rejected' || target === 'cancelled') return true;
  if (target === 'failed') return current !== 'published';
  // A failed document only moves again through a retry, which starts a new attempt.
  if (current === 'failed') return false;
  if (target === 'published' && current === 'published') return true; // a new revision
  return STATUS_RANK[target] > STATUS_RANK[current];
}

function mergeData(state: DocumentState, event: AnyEvent): void {
  switch (event.type) {
    case 'document.scanned': {
      const p = event.payload;
      state.scan = {
        detectedType: p.detectedType,
        mimeType: p.mimeType,
        sha256: p.sha256,
        antivirus: p.antivirus,
        ...(p.pages !== undefined ? { pages: p.pages } : {}),
        ...(p.duplicateOf ? { duplicateOf: p.duplicateOf } : {}),
        ...(p.einvoice ? { einvoice: p.einvoice } : {}),
      };
      state.blob = p.blob;
      return;
    }
    case 'document.text_extracted': {
      const p = event.payload;
      state.text = {
        ref: p.text,
        totalChars: p.totalChars,
        pages: p.pages.length,
        ...(p.language ? { language: p.language } : {}),
      };
      return;
    }
    case 'document.classified':
    case 'document.needs_review': {
      const p = event.payload;
      state.result = {
        confidence: p.confidence,
        modelVersion: p.modelVersion,
        candidates: p.candidates,
        extraction: p.extraction,
        findings: p.findings,
        ...(p.docType ? { docType: p.docType } : {}),
        ...('language' in p && p.language ? { language: p.language } : {}),
      };
      return;
    }
    case 'document.published':
      if ((state.revision ?? 0) < event.payload.revision) {
        state.records = event.payload.records;
        state.revision = event.payload.revision;
      }
      return;
    case 'document.rejected':
      state.rejection = {
        stage: event.payload.stage,
        reason: event.payload.reason,
        message: event.payload.message,
        ...(event.payload.details ? { details: event.payload.details } : {}),
      };
      return;
    case 'document.failed':
      state.errors = [
        ...state.errors,
        {
          stage: event.payload.stage,
          code: event.payload.error.code,
          message: event.payload.error.message,
          ...(event.payload.error.transient !== undefined
            ? { transient: event.payload.error.transient }
            : {}),
          at: new Date(event.occurredAt),
          attempt: event.attempt,
        },
      ];
      return;
    default:
      return;
  }
}

function cancel(record: DocumentRecord, reason: string | undefined, now: Date): Decision {
  if (record.status === 'cancelled') return { outcome: 'ignored', reason: 'already cancelled' };
  if (record.status === 'published' || record.status === 'rejected' || record.publication)
    return refused(
      'DOCUMENT_NOT_CANCELLABLE',
      `document is ${record.publication && record.status !== 'published' ? 'being published' : record.status}`,
    );
  const state: DocumentState = { ...copyState(record), updatedAt: now };
  setStatus(state, 'cancelled', now);
  state.cancellation = { at: now, ...(reason ? { reason } : {}) };
  const event = commandEvent(record, 'document.cancelled', reason ? { reason } : {}, now, 'cancel');
  state.timeline = addEntry(state.timeline, entry('document.cancelled', 'cancelled', now, record));
  state.appliedEvents = [...state.appliedEvents, event.eventId].slice(-APPLIED_EVENTS_KEPT);
  return { outcome: 'applied', state, publish: [event] };
}

function retry(record: DocumentRecord, now: Date): Decision {
  if (record.status !== 'failed')
    return refused(
      'DOCUMENT_NOT_RETRYABLE',
      `only failed documents are retried (this one is ${record.status})`,
    );
  if (record.purgedAt)
    return refused(
      'DOCUMENT_NOT_RETRYABLE',
      'the file was deleted under the retention policy; upload it again',
    );
  const failedStage = record.stage;
  const input = failedStage && failedStage !== 'review' ? record.inputs[failedStage] : undefined;
  if (!input)
    return refused('DOCUMENT_NOT_RETRYABLE', 'the failed stage and its input event are unknown');
  const attempt = record.attempt + 1;
  const event = {
    ...input,
    eventId: deriveId(`${record._id}/retry/${attempt}`),
    occurredAt: now.toISOString(),
    causationId: input.eventId,
    attempt,
  } as AnyEvent;
  const state: DocumentState = { ...copyState(record), updatedAt: now, attempt };
  setStatus(state, STATUS_OF_EVENT[input.type as keyof typeof STATUS_OF_EVENT], now);
  state.inputs = { ...state.inputs, [failedStage as string]: event };
  state.timeline = addEntry(state.timeline, entry('document.retried', state.status, now, state));
  state.appliedEvents = [...state.appliedEvents, event.eventId].slice(-APPLIED_EVENTS_KEPT);
  return { outcome: 'applied', state, publish: [event] };
}

function review(
  record: DocumentRecord,
  command: Extract<DocumentCommand, { kind: 'review' }>,
  now: Date,
): Decision {
  if (!['needs_review', 'classified', 'published'].includes(record.status))
    return refused(
      'DOCUMENT_NOT_REVIEWABLE',
      `only classified, published or needs-review documents are reviewed (this one is ${record.status})`,
    );
  const extraction = { fields: command.fields, tables: command.tables ?? {} };
  const payload: PayloadOf<'document.classified'> = {
    docType: command.docType,
    confidence: 1,
    modelVersion: 'review',
    candidates: [{ docType: command.docType, probability: 1 }],
    extraction,
    findings: [],
    ...(record.result?.language ? { language: record.result.language } : {}),
  };
  const event = commandEvent(record, 'document.classified', payload, now, 'review');
  const state: DocumentState = { ...copyState(record), updatedAt: now };
  delete state.publication;
  setStatus(state, 'classified', now);
  state.result = {
    ...(record.result ?? { candidates: [], findings: [] }),
    docType: command.docType,
    confidence: 1,
    modelVersion: 'review',
    extraction,
    findings: [],
    reviewed: { at: now, by: command.by },
  };
  state.inputs = { ...state.inputs, publisher: event };
  state.timeline = addEntry(state.timeline, entry('document.reviewed', 'classified', now, record));
  state.appliedEvents = [...state.appliedEvents, event.eventId].slice(-APPLIED_EVENTS_KEPT);
  return { outcome: 'applied', state, publish: [event] };
}

function claimPublication(record: DocumentRecord, by: string, now: Date): Decision {
  if (record.status === 'cancelled' || record.status === 'rejected')
    return refused('DOCUMENT_NOT_PUBLISHABLE', `document is ${record.status}`);
  if (record.publication) return { outcome: 'ignored', reason: 'already claimed' };
  return {
    outcome: 'applied',
    state: { ...copyState(record), updatedAt: now, publication: { claimedAt: now, by } },
    publish: [],
  };
}

function setStatus(
  state: DocumentState,
  status: DocumentStatus,
  now: Date,
  failedStage?: StageName,
): void {
  state.status = status;
  state.stage = stageOf(status, failedStage);
  state.finishedAt = isSettled(status) ? now : null;
}

/** Inserts in time order and recomputes each entry's duration since the one before. */
function addEntry(timeline: readonly TimelineEntry[], added: TimelineEntry): TimelineEntry[] {
  const sorted = [...timeline, added].sort((a, b) => a.at.getTime() - b.at.getTime());
  return sorted.map((item, i) => ({
    ...item,
    durationMs: i === 0 ? 0 : Math.max(0, item.at.getTime() - sorted[i - 1]!.at.getTime()),
  }));
}

function entry(
  event: TimelineEntry['event'],
  status: DocumentStatus,
  now: Date,
  state: Pick<DocumentState, 'attempt'>,
): TimelineEntry {
  return {
    event,
    status,
    applied: true,
    stage: event === 'document.reviewed' ? 'review' : 'gateway',
    at: now,
    durationMs: 0,
    attempt: state.attempt,
  };
}

/** An event a command publishes; its id is derived from the version it creates, so a re-run repeats it. */
function commandEvent<T extends EventType>(
  record: DocumentRecord,
  type: T,
  payload: PayloadOf<T>,
  now: Date,
  command: string,
): AnyEvent {
  return {
    eventId: deriveId(`${record._id}/v${record.version + 1}/${command}`),
    type,
    schemaVersion: eventCatalog[type].version,
    occurredAt: now.toISOString(),
    tenantId: record.tenantId,
    documentId: record._id,
    correlationId: record.correlationId,
    causationId: null,
    attempt: record.attempt,
    payload,
  } as AnyEvent;
}

function refused(code: string, message: string): Decision {
  return { outcome: 'refused', code, message };
}

/** The state-machine-owned fields of a record (what a transition stores and sets). */
export function copyState(record: DocumentState): DocumentState {
  const {
    status,
    stage,
    attempt,
    version,
    updatedAt,
    finishedAt,
    timeline,
    appliedEvents,
    errors,
    inputs,
    blob,
  } = record;
  const state: DocumentState = {
    status,
    stage,
    attempt,
    version,
    updatedAt,
    finishedAt: finishedAt ?? null,
    timeline,
    appliedEvents,
    errors,
    inputs,
    blob,
  };
  for (const key of OPTIONAL_STATE_KEYS) {
    if (record[key] !== undefined) (state as unknown as Record<string, unknown>)[key] = record[key];
  }
  return state;
}
