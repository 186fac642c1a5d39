import type { Db, IndexDescription } from 'mongodb';
import type { BlobStore } from './blob-store';
import { BUCKETS, COLLECTIONS } from './collections';

/**
 * The uploads the gateway started, one row per file keyed by its blob id, written before the
 * file's first byte is stored. A gateway killed mid-upload, or between storing a file and
 * creating its document, leaves a row whose id names no document: the sweep removes what was
 * stored under it (whole file or partial chunks alike). Rows of files that became documents are
 * dropped by the same sweep, so the hot path pays one insert and nothing more.
 */
export interface UploadJournal {
  begin(upload: { id: string; tenantId: string }): Promise<void>;
  /**
   * One pass over rows older than `settledAfterMs`: rows whose document exists are dropped; rows
   * with no document started before `abandonedAfterMs` lose their stored bytes, then the row.
   * Rows with no document that are younger (an upload still streaming) stay for a later pass.
   */
  sweep(options: {
    now: Date;
    abandonedAfterMs: number;
    settledAfterMs?: number;
    batch: number;
  }): Promise<UploadSweep>;
}

export interface UploadSweep {
  /** Rows whose upload became a document. */
  settled: number;
  /** Abandoned uploads whose stored bytes were removed. */
  removed: number;
  /** Rows without a document still inside the abandonment window. */
  pending: number;
}

interface UploadRow {
  _id: string;
  tenantId: string;
  startedAt: Date;
}

export const uploadJournalIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.uploads]: [{ key: { startedAt: 1, _id: 1 }, name: 'started' }],
};

/** Rows younger than this are left alone by default: their document is usually a moment away. */
const DEFAULT_SETTLED_AFTER_MS = 60_000;

export function createUploadJournal(
  db: Db,
  blobs: Pick<BlobStore, 'remove'>,
  clock: () => Date = () => new Date(),
): UploadJournal {
  const rows = db.collection<UploadRow>(COLLECTIONS.uploads);
  const documents = db.collection<{ _id: string }>(COLLECTIONS.documents);
  const transitions = db.collection<{ _id: string; documentId: string }>(COLLECTIONS.transitions);

  /** Ids among `ids` that are documents, or about to be (a first transition awaiting its record). */
  const documented = async (ids: string[]): Promise<Set<string>> => {
    const [records, firsts] = await Promise.all([
      documents.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray(),
      transitions
        .find({ _id: { $in: ids.map((id) => `${id}:1`) } }, { projection: { documentId: 1 } })
        .toArray(),
    ]);
    return new Set([...records.map((r) => r._id), ...firsts.map((t) => t.documentId)]);
  };

  return {
    async begin({ id, tenantId }) {
      await rows.insertOne({ _id: id, tenantId, startedAt: clock() });
    },

    async sweep({ now, abandonedAfterMs, settledAfterMs = DEFAULT_SETTLED_AFTER_MS, batch }) {
      const result: UploadSweep = { settled: 0, removed: 0, pending: 0 };
      const abandonedBefore = now.getTime() - abandonedAfterMs;
      let after: { startedAt: Date; _id: string } | null = null;
      for (;;) {
        const page: UploadRow[] = await rows
          .find(
            {
              startedAt: { $lt: new Date(now.getTime() - settledAfterMs) },
              ...(after
                ? {
                    $or: [
                      { startedAt: { $gt: after.startedAt } },
                      { startedAt: after.startedAt, _id: { $gt: after._id } },
                    ],
                  }
                : {}),
            },
            { sort: { startedAt: 1, _id: 1 }, limit: batch },
          )
          .toArray();
        if (page.length === 0) break;
        const known = await documented(page.map((r) => r._id));
        const done: string[] = [];
        for (const row of page) {
          if (known.has(row._id)) {
            result.settled += 1;
            done.push(row._id);
          } else if (row.startedAt.getTime() < abandonedBefore) {
            // GridFS's delete takes the chunks too, with or without the file entry
            await blobs.remove({ bucket: BUCKETS.blobs, id: row._id });
            result.removed += 1;
            done.push(row._id);
          } else result.pending += 1;
        }
        if (done.length > 0) await rows.deleteMany({ _id: { $in: done } });
        if (page.length < batch) break;
        const last = page[page.length - 1]!;
        after = { startedAt: last.startedAt, _id: last._id };
      }
      return result;
    },
  };
}
