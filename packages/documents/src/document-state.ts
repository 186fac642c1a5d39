import type {
  AnyEvent,
  BlobRef,
  DetectedType,
  DocType,
  EInvoiceInfo,
  DocumentStatus,
  EventOfType,
  Extraction,
  Finding,
  PipelineStageName,
  RecordRef,
  StageName,
  TextRef,
} from '@docflow/contracts';

/** Where a document is in its life; the statuses are part of the REST contract. */
export { DOCUMENT_STATUSES, type DocumentStatus } from '@docflow/contracts';

/** Statuses after which nothing runs until a person acts (retry, review) or never again. */
export const SETTLED_STATUSES: readonly DocumentStatus[] = [
  'published',
  'rejected',
  'failed',
  'cancelled',
  'needs_review',
];

/** Who works on the document next, by status. */
export type CurrentStage = 'scanner' | 'ocr' | 'classifier' | 'publisher' | 'review' | null;

/** The stage consumer whose input event starts each stage (kept for retries). */
export type StageInput = PipelineStageName;

export interface TimelineEntry {
  event: AnyEvent['type'] | 'document.reviewed' | 'document.retried';
  status: DocumentStatus;
  /** The status the entry moved the document to, or unchanged (late or out-of-order event). */
  applied: boolean;
  stage: StageName | 'review';
  at: Date;
  /** Time since the previous entry. */
  durationMs: number;
  attempt: number;
  eventId?: string;
}

export interface DocumentError {
  stage: StageName;
  code: string;
  message: string;
  transient?: boolean;
  at: Date;
  attempt: number;
}

export interface DocumentResult {
  docType?: DocType;
  confidence: number;
  modelVersion: string;
  language?: string;
  candidates: { docType: DocType; probability: number }[];
  extraction: Extraction;
  findings: Finding[];
  reviewed?: { at: Date; by: string };
}

/** The fields of a document the state machine owns (the record adds identity and the outbox). */
export interface DocumentState {
  status: DocumentStatus;
  stage: CurrentStage;
  attempt: number;
  version: number;
  updatedAt: Date;
  finishedAt?: Date | null;
  timeline: TimelineEntry[];
  /** Event ids already applied (duplicates are ignored). */
  appliedEvents: string[];
  errors: DocumentError[];
  /**
   * The input event of the stage that works on the document next (or failed on it): what a retry
   * and the stuck-document sweeper re-publish. Only that stage's entry is kept.
   */
  inputs: Partial<Record<StageInput, AnyEvent>>;
  scan?: {
    detectedType: DetectedType;
    mimeType: string;
    sha256: string;
    pages?: number;
    duplicateOf?: string;
    antivirus: { status: 'clean' | 'not_scanned'; engine?: string };
    /** A structured e-invoice: its syntax, profile and container. */
    einvoice?: EInvoiceInfo;
  };
  blob: BlobRef;
  text?: { ref: TextRef; totalChars: number; language?: string; pages: number };
  result?: DocumentResult;
  rejection?: { stage: StageName; reason: string; message: string; details?: unknown };
  records?: RecordRef[];
  revision?: number;
  cancellation?: { at: Date; reason?: string };
  /** Set when the publisher takes the document: from then on it cannot be cancelled. */
  publication?: { claimedAt: Date; by: string };
}

/** The state fields a document may lack; a transition unsets those it does not carry. */
export const OPTIONAL_STATE_KEYS = [
  'scan',
  'text',
  'result',
  'rejection',
  'records',
  'revision',
  'cancellation',
  'publication',
] as const satisfies readonly (keyof DocumentState)[];

export interface DocumentRecord extends DocumentState {
  _id: string;
  tenantId: string;
  batchId?: string;
  filename: string;
  declaredContentType?: string;
  sizeBytes: number;
  sha256: string;
  metadata?: Record<string, unknown>;
  correlationId: string;
  createdAt: Date;
  /**
   * When retention deleted the file and extracted text (records, result and timeline stay). Set
   * by the retention job directly on the record (not a state change: no version, no event);
   * transitions carry it forward.
   */
  purgedAt?: Date;
  purge?: DocumentPurge;
}

/** What retention deleted of a document, and under which policy. */
export interface DocumentPurge {
  retentionDays: number;
  runId: string;
}

/** Progress order of the happy path: an event never moves a document to a lower rank. */
const RANK: Record<DocumentStatus, number> = {
  received: 0,
  scanned: 1,
  text_extracted: 2,
  classified: 3,
  needs_review: 3,
  published: 4,
  failed: -1,
  rejected: 10,
  cancelled: 10,
};

export const STATUS_OF_EVENT: Record<
  Exclude<AnyEvent['type'], 'job.requested' | 'job.completed'>,
  DocumentStatus
> = {
  'document.received': 'received',
  'document.scanned': 'scanned',
  'document.rejected': 'rejected',
  'document.text_extracted': 'text_extracted',
  'document.classified': 'classified',
  'document.needs_review': 'needs_review',
  'document.published': 'published',
  'document.failed': 'failed',
  'document.cancelled': 'cancelled',
};

export function stageOf(status: DocumentStatus, failedStage?: StageName): CurrentStage {
  switch (status) {
    case 'received':
      return 'scanner';
    case 'scanned':
      return 'ocr';
    case 'text_extracted':
      return 'classifier';
    case 'classified':
      return 'publisher';
    case 'needs_review':
      return 'review';
    case 'failed':
      return failedStage && failedStage !== 'gateway' && failedStage !== 'scheduler'
        ? failedStage
        : null;
    default:
      return null;
  }
}

export function isSettled(status: DocumentStatus): boolean {
  return SETTLED_STATUSES.includes(status);
}

export function isDocumentEvent(
  event: AnyEvent,
): event is Extract<AnyEvent, { type: keyof typeof STATUS_OF_EVENT }> {
  return event.type in STATUS_OF_EVENT;
}

export { RANK as STATUS_RANK };
export type ClassifiedEvent = EventOfType<'document.classified'>;
