import type { Db } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import type { Sheet } from './spreadsheet-reader';

export interface TableStore {
  /** Stores a document's structured rows (replacing an earlier run's). */
  save(tables: { tenantId: string; documentId: string; sheets: Sheet[] }): Promise<void>;
  load(documentId: string): Promise<{ tenantId: string; sheets: Sheet[] } | null>;
}

interface StoredSheet {
  name: string;
  /** Rows as objects: not every MongoDB-protocol server stores arrays of arrays (FerretDB 1.x). */
  rows: { cells: string[] }[];
}

/** Spreadsheet rows per document, keyed by document id, for later stages that want cells. */
export function createTableStore(db: Db): TableStore {
  const records = db.collection<{
    _id: string;
    tenantId: string;
    sheets: StoredSheet[];
    createdAt: Date;
  }>(COLLECTIONS.extractedTables);
  return {
    async save({ tenantId, documentId, sheets }) {
      const stored = sheets.map((s) => ({
        name: s.name,
        rows: s.rows.map((cells) => ({ cells })),
      }));
      await records.replaceOne(
        { _id: documentId },
        { tenantId, sheets: stored, createdAt: new Date() },
        { upsert: true },
      );
    },
    async load(documentId) {
      const found = await records.findOne({ _id: documentId });
      if (!found) return null;
      return {
        tenantId: found.tenantId,
        sheets: found.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.cells) })),
      };
    },
  };
}
