import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';
import type { QuotaWindow } from '../domain/quota-window';

/** Named amounts kept in one counter row (documents, bytes, failures). */
export type Counts = Record<string, number>;

/**
 * Counters per (subject, window), shared by every gateway replica: one row per pair, keyed
 * `<subject>@<window start>`, whose amounts only ever change by `$inc`.
 *
 * Why `$inc` on one row and nothing cleverer: an update of a single document is atomic on mongod
 * and on FerretDB alike, whereas a conditional update ("add if the total stays under the limit")
 * is not atomic on FerretDB, whose read and write can interleave with another replica's. So
 * callers add first and judge the total read back afterwards; a total read after the addition
 * includes every addition made before it, so two replicas racing for the last unit can both see
 * it taken (both refuse, both take theirs back) but never both see it free.
 */
export interface UsageCounters {
  /** Adds `amounts` to the row of `subject` in `window` (creating it) and answers its totals. */
  add(subject: string, window: QuotaWindow, amounts: Counts): Promise<Counts>;
  /** The totals of each subject's row in `window` (a missing row counts nothing). */
  read(subjects: string[], window: QuotaWindow): Promise<Map<string, Counts>>;
}

interface CounterRow {
  _id: string;
  subject: string;
  windowStart: Date;
  /** When the row stops counting: rows past it are pruned. */
  expiresAt: Date;
  counts: Counts;
}

export const usageCounterIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.usageCounters]: [{ key: { expiresAt: 1 }, name: 'expires' }],
};

const rowId = (subject: string, window: QuotaWindow) => `${subject}@${window.start.toISOString()}`;

export function createUsageCounters(db: Db, clock: () => Date = () => new Date()): UsageCounters {
  const rows = db.collection<CounterRow>(COLLECTIONS.usageCounters);

  const increment = (subject: string, window: QuotaWindow, amounts: Counts) =>
    rows.updateOne(
      { _id: rowId(subject, window) },
      {
        $inc: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [`counts.${k}`, v])),
        $setOnInsert: { subject, windowStart: window.start, expiresAt: window.end },
      },
      { upsert: true },
    );

  return {
    async add(subject, window, amounts) {
      let result;
      try {
        result = await increment(subject, window, amounts);
      } catch (err) {
        // two first additions to a new row: one inserted it, the other now updates it
        if (!isDuplicateKey(err)) throw err;
        result = await increment(subject, window, amounts);
      }
      if (result.upsertedCount > 0) {
        // a window's first row: a good moment to drop rows of windows that are over (without
        // a TTL index, which FerretDB 1.x does not implement)
        void rows.deleteMany({ expiresAt: { $lt: clock() } }).catch(() => undefined);
      }
      const row = await rows.findOne({ _id: rowId(subject, window) });
      return row?.counts ?? {};
    },

    async read(subjects, window) {
      const found = await rows
        .find({ _id: { $in: subjects.map((s) => rowId(s, window)) } })
        .toArray();
      return new Map(found.map((r) => [r.subject, r.counts]));
    },
  };
}
