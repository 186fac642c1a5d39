import type { paths } from './schema';

/** Shapes of the public REST API, named after what the console calls them (from docs/openapi.json). */
type Json<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends {
  responses: Record<S, { content: { 'application/json': infer B } }>;
}
  ? B
  : never;

export type DocumentView = Json<'/v1/documents/{id}', 'get'>;
export type DocumentPage = Json<'/v1/documents', 'get'>;
export type DocumentSummary = DocumentPage['items'][number];
export type DocumentStatus = DocumentView['status'];
export type DocType = NonNullable<DocumentSummary['docType']>;
export type ExtractedField = DocumentView['result'] extends infer R
  ? R extends { fields: Record<string, infer F> }
    ? F
    : never
  : never;
export type TextView = Json<'/v1/documents/{id}/text', 'get'>;
export type BatchProgress = Json<'/v1/batches/{id}', 'get'>;
export type ReviewBody =
  paths['/v1/documents/{id}/review']['post']['requestBody']['content']['application/json'];
export type DeadLetter = Json<'/v1/dead-letters', 'get'>['items'][number];
export type Job = Json<'/v1/jobs', 'get'>['items'][number];
export type PipelineView = Json<'/v1/pipeline', 'get'>;
export type HealthReport = Json<'/v1/health', 'get'>;
export type Tenant = Json<'/v1/tenants', 'get'>['items'][number];
export type RecordKind = paths['/v1/records/{kind}']['get']['parameters']['path']['kind'];
export type RecordQuery = NonNullable<paths['/v1/records/{kind}']['get']['parameters']['query']>;
export type DocumentCounts = Json<'/v1/documents/counts', 'get'>;
export type DocumentQuery = NonNullable<paths['/v1/documents']['get']['parameters']['query']>;

export const DOCUMENT_STATUSES: readonly DocumentStatus[] = [
  'needs_review',
  'received',
  'scanned',
  'text_extracted',
  'classified',
  'published',
  'rejected',
  'failed',
  'cancelled',
];
export const DOC_TYPES: readonly DocType[] = [
  'invoice',
  'receipt',
  'credit_note',
  'bank_statement',
  'contract',
  'payslip',
  'other',
];
export const RECORD_KINDS: readonly RecordKind[] = [
  'invoices',
  'expenses',
  'bank-transactions',
  'archive',
];
