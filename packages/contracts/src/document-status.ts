/** Where a document is in its life (the document model's statuses, as the REST API shows them). */
export const DOCUMENT_STATUSES = [
  'received',
  'scanned',
  'text_extracted',
  'classified',
  'needs_review',
  'published',
  'rejected',
  'failed',
  'cancelled',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
