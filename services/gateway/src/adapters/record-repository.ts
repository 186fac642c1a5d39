import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import {
  afterCursor,
  NEWEST_FIRST,
  pageOf,
  type Page,
  type PageRequest,
} from './newest-first-page';

/** The destination collections the publisher writes, by the name the API gives their kind. */
const COLLECTION_OF = {
  invoices: COLLECTIONS.invoices,
  expenses: COLLECTIONS.expenses,
  'bank-transactions': COLLECTIONS.bankTransactions,
  archive: COLLECTIONS.archive,
} as const;

export type RecordKind = keyof typeof COLLECTION_OF;
export const recordKinds = Object.keys(COLLECTION_OF) as [RecordKind, ...RecordKind[]];

/** The date field each kind is filtered on. */
const DATE_FIELD: Record<RecordKind, string> = {
  invoices: 'issueDate',
  expenses: 'date',
  'bank-transactions': 'date',
  archive: 'date',
};

/** A canonical record as the publisher stored it (its fields depend on its kind). */
export interface RecordRow {
  _id: string;
  tenantId: string;
  createdAt?: Date;
  updatedAt?: Date;
  [field: string]: unknown;
}

export interface RecordFilters {
  documentId?: string;
  docType?: string;
  currency?: string;
  /** Document date (YYYY-MM-DD) from. */
  dateFrom?: string;
  /** Document date (YYYY-MM-DD) up to and including. */
  dateTo?: string;
}

/** The canonical records the publisher writes, read by tenant (the gateway never writes them). */
export interface RecordRepository {
  /** A tenant's records of one kind, newest first, one page at a time. */
  list(
    kind: RecordKind,
    tenantId: string,
    filters: RecordFilters,
    page: PageRequest,
  ): Promise<Page<RecordRow>>;
}

export function createRecordRepository(db: Db): RecordRepository {
  return {
    async list(kind, tenantId, filters, page) {
      const filter: Filter<RecordRow> = { tenantId };
      if (filters.documentId) filter.documentId = filters.documentId;
      if (filters.docType) filter.docType = filters.docType;
      if (filters.currency) filter.currency = filters.currency;
      const dates: Record<string, string> = {};
      if (filters.dateFrom) dates.$gte = filters.dateFrom;
      if (filters.dateTo) dates.$lte = filters.dateTo;
      if (Object.keys(dates).length > 0) filter[DATE_FIELD[kind]] = dates;
      Object.assign(filter, afterCursor(page.after));
      const rows = await db
        .collection<RecordRow>(COLLECTION_OF[kind])
        .find(filter)
        .sort(NEWEST_FIRST)
        .limit(page.limit + 1)
        .toArray();
      return pageOf(rows, page.limit);
    },
  };
}
