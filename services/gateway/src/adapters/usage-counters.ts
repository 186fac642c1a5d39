import { randomUUID } from 'node:crypto';
import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import type { QuotaWindow } from '../domain/quota-window';

/** The amounts counted (documents, bytes, failures); a missing one counts nothing. */
export type Counts = Record<string, number>;
type Counted = 'documents' | 'bytes' | 'failures';
/**
 * Counters per (subject, window), shared by every gateway replica. Every addition (a take-back
 * is a negative one) is a row of its own, inserted under a fresh key, and a total is the sum of
 * the window's rows.
 *
 * Why rows and not `$inc` on one row: on FerretDB an update is a read and a write that another
 * replica's update can fall between, so racing increments of one row lose some; inserts are never
 * lost, on FerretDB as on mongod. Callers add first and judge the total summed afterwards: a sum
 * taken after an insert includes every insert made before it, so two replicas racing for the last
 * unit can both see it taken (both refuse, both take theirs back) but never both see it free.
 */
export interface UsageCounters {
  /** Adds `amounts` to `subject` in `window` and answers the window's totals, this one included. */
  add(subject: string, window: QuotaWindow, amounts: Counts): Promise<Counts>;
  /** The totals of `names` of each subject in `window` (a subject without rows is left out). */
  read(
    subjects: string[],
    window: QuotaWindow,
    names: readonly string[],
  ): Promise<Map<string, Counts>>;
}

/** One addition: the amounts (documents, bytes, failures) as fields of their own. */
interface UsageRow {
  _id: string;
  subject: string;
  windowStart: Date;
  /** When the row stops counting: rows past it are pruned. */
  expiresAt: Date;
  documents?: number;
  bytes?: number;
  failures?: number;
}

export const usageCounterIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.usageCounters]: [
    { key: { subject: 1, windowStart: 1 }, name: 'subject_window' },
    { key: { expiresAt: 1 }, name: 'expires' },
  ],
};

export function createUsageCounters(db: Db, clock: () => Date = () => new Date()): UsageCounters {
  const rows = db.collection<UsageRow>(COLLECTIONS.usageCounters);

  // One aggregation per amount, each with a single accumulator: FerretDB 1.24 answers 0 for every
  // accumulator of a $group after the first.
  const totals = async (subjects: string[], window: QuotaWindow, names: readonly string[]) => {
    const found = new Map<string, Counts>();
    await Promise.all(
      names.map(async (name) => {
        const sums = await rows
          .aggregate<{ _id: string; total: number }>([
            { $match: { subject: { $in: subjects }, windowStart: window.start } },
            { $group: { _id: '$subject', total: { $sum: `$${name}` } } },
          ])
          .toArray();
        for (const { _id, total } of sums) found.set(_id, { ...found.get(_id), [name]: total });
      }),
    );
    return found;
  };

  return {
    async add(subject, window, amounts) {
      await rows.insertOne({
        _id: randomUUID(),
        subject,
        windowStart: window.start,
        expiresAt: window.end,
        ...(amounts as Pick<UsageRow, Counted>),
      });
      const counts = (await totals([subject], window, Object.keys(amounts))).get(subject) ?? {};
      // the subject's first row of a window (its totals are this addition): a good moment to drop
      // rows of windows that are over (without a TTL index, which FerretDB 1.x does not implement)
      if (Object.entries(amounts).every(([name, value]) => counts[name] === value))
        void rows.deleteMany({ expiresAt: { $lt: clock() } }).catch(() => undefined);
      return counts;
    },

    read: (subjects, window, names) => totals(subjects, window, names),
  };
}
