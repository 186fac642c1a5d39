import type { Filter } from 'mongodb';
import type { DocumentRecord, DocumentStatus, DocumentStore } from '@docflow/documents';
import {
  afterCursor,
  NEWEST_FIRST,
  pageOf,
  type Page,
  type PageRequest,
} from './newest-first-page';

/** What a list of a tenant's documents can be narrowed to. */
export interface DocumentFilters {
  status?: DocumentStatus;
  batchId?: string;
  docType?: string;
  createdFrom?: Date;
  /** Exclusive. */
  createdTo?: Date;
}

/** The query of a tenant's documents narrowed by `filters` (shared by the list and the counts). */
export function documentFilter(tenantId: string, filters: DocumentFilters): Filter<DocumentRecord> {
  const filter: Filter<DocumentRecord> = { tenantId };
  if (filters.status) filter.status = filters.status;
  if (filters.batchId) filter.batchId = filters.batchId;
  if (filters.docType) (filter as Record<string, unknown>)['result.docType'] = filters.docType;
  const created: Record<string, Date> = {};
  if (filters.createdFrom) created.$gte = filters.createdFrom;
  if (filters.createdTo) created.$lt = filters.createdTo;
  if (Object.keys(created).length > 0) filter.createdAt = created;
  return filter;
}

/** A tenant's documents, newest first, one page at a time. */
export async function listDocuments(
  documents: Pick<DocumentStore, 'find'>,
  tenantId: string,
  filters: DocumentFilters,
  page: PageRequest,
): Promise<Page<DocumentRecord>> {
  const filter = { ...documentFilter(tenantId, filters), ...afterCursor(page.after) };
  const rows = await documents.find(filter, { limit: page.limit + 1, sort: NEWEST_FIRST });
  return pageOf(rows, page.limit);
}
