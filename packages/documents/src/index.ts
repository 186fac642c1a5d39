export { BUCKETS, COLLECTIONS } from './collections';
export { documentError, documentErrorCodes, type DocumentErrorCode } from './errors';
export { createBlobStore, type BlobStore, type StoredBlob, type UploadOptions } from './blob-store';
export {
  createTextStore,
  joinPages,
  type StoredText,
  type TextPage,
  type TextStore,
} from './text-store';
export { createDocumentGate } from './document-gate';
export * from './document-state';
export { copyState, decide, type Decision, type DocumentCommand } from './document-state-machine';
export {
  createDocumentStore,
  documentIndexes,
  type DocumentStore,
  type ExecuteResult,
  type Transition,
} from './document-store';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { newDocument, type NewDocument } from './new-document';
export type { WebhookEndpoint, WebhookEventName } from './webhook-endpoint';
export {
  createUploadJournal,
  uploadJournalIndexes,
  type UploadJournal,
  type UploadSweep,
} from './upload-journal';
export { batchProgress, percentile, type BatchProgress } from './batch-progress';
