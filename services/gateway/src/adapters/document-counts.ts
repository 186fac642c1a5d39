import type { Db } from 'mongodb';
import {
  COLLECTIONS,
  DOCUMENT_STATUSES,
  type DocumentRecord,
  type DocumentStatus,
} from '@docflow/documents';
import { documentFilter, type DocumentFilters } from './document-listing';

export interface DocumentCounter {
  /** How many of the tenant's documents (narrowed by `filters`) are in each status. */
  byStatus(
    tenantId: string,
    filters: Omit<DocumentFilters, 'status'>,
  ): Promise<Record<DocumentStatus, number>>;
}

/**
 * Counts in one aggregation (match, group by status) over the `tenant_status` index: the review
 * console asks again after live events, so it must stay one round trip however many documents.
 */
export function createDocumentCounter(db: Db): DocumentCounter {
  const documents = db.collection<DocumentRecord>(COLLECTIONS.documents);
  return {
    async byStatus(tenantId, filters) {
      const groups = await documents
        .aggregate<{ _id: DocumentStatus; n: number }>([
          { $match: documentFilter(tenantId, filters) },
          { $group: { _id: '$status', n: { $sum: 1 } } },
        ])
        .toArray();
      const counts = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<
        DocumentStatus,
        number
      >;
      for (const g of groups) if (g._id in counts) counts[g._id] = g.n;
      return counts;
    },
  };
}
