import type { Db, IndexDescription } from 'mongodb';
import type { DocType, RecordRef } from '@docflow/contracts';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';
import type { CanonicalRecord, Collection } from '../domain/canonical-record';
import { publisherError } from '../domain/errors';

/**
 * One revision of a document's canonical records: the full records as published, and the event
 * they came from. `_id` is `<documentId>:<revision>`: the unique key is what hands out revision
 * numbers, so two writers can never both take the same one (a unique insert is atomic on every
 * MongoDB-protocol server; conditional updates are not on FerretDB).
 */
export interface RevisionRow {
  _id: string;
  tenantId: string;
  documentId: string;
  revision: number;
  docType: DocType;
  sourceEventId: string;
  sourceOccurredAt: Date;
  refs: RecordRef[];
  records: CanonicalRecord[];
  createdAt: Date;
}

export type AssignResult =
  | {
      outcome: 'assigned';
      revision: RevisionRow;
      /** The document's latest revision as the assignment last saw it (null: not known). */
      latest: RevisionRow | null;
    }
  /** A later classification already has a revision; this event is out of date. */
  | { outcome: 'stale'; latest: RevisionRow };

export interface RecordStore {
  /** The revision of this event: the same one on redelivery, the next free one otherwise. */
  assignRevision(input: {
    tenantId: string;
    documentId: string;
    docType: DocType;
    eventId: string;
    occurredAt: Date;
    records: CanonicalRecord[];
  }): Promise<AssignResult>;
  /**
   * Makes the destination collections hold the latest revision's records (and only those).
   * `seen` is the latest revision as the caller last saw it (`AssignResult.latest`): it is written
   * without reading it again, and the re-check after writing corrects it if it is no longer the
   * latest.
   */
  writeLatest(documentId: string, seen?: RevisionRow | null): Promise<RevisionRow | null>;
  revisions(documentId: string): Promise<RevisionRow[]>;
}

const DESTINATIONS: Record<Collection, string> = {
  invoices: COLLECTIONS.invoices,
  expenses: COLLECTIONS.expenses,
  bank_transactions: COLLECTIONS.bankTransactions,
  archive: COLLECTIONS.archive,
};

const recordIndexes: IndexDescription[] = [
  { key: { tenantId: 1, documentId: 1 }, name: 'tenant_document' },
  { key: { tenantId: 1, updatedAt: -1 }, name: 'tenant_updated' },
];

export const recordIndexesByCollection: Record<string, IndexDescription[]> = {
  ...Object.fromEntries(Object.values(DESTINATIONS).map((name) => [name, recordIndexes])),
  [COLLECTIONS.recordRevisions]: [
    { key: { documentId: 1, revision: -1 }, name: 'document_revision' },
    { key: { documentId: 1, sourceEventId: 1, revision: 1 }, name: 'document_source' },
  ],
};

const MAX_ROUNDS = 20;

export function createRecordStore(db: Db, clock: () => Date = () => new Date()): RecordStore {
  const revisions = db.collection<RevisionRow>(COLLECTIONS.recordRevisions);

  const all = (documentId: string) =>
    revisions.find({ documentId }).sort({ revision: 1 }).toArray();
  const latest = (documentId: string) =>
    revisions.findOne({ documentId }, { sort: { revision: -1 } });
  /** The lowest revision taken for an event is its revision (a racer's extra one is removed). */
  const ofEvent = (documentId: string, eventId: string) =>
    revisions.findOne({ documentId, sourceEventId: eventId }, { sort: { revision: 1 } });

  const upsert = async (collection: string, record: Record<string, unknown>, row: RevisionRow) => {
    const { _id, ...fields } = record;
    const update = {
      $set: { ...fields, revision: row.revision, updatedAt: clock() },
      $setOnInsert: { createdAt: clock() },
    };
    try {
      await db.collection(collection).updateOne({ _id: _id as never }, update, { upsert: true });
    } catch (err) {
      // two upserts of a new _id: the loser's insert fails; as an update it now succeeds
      if (!isDuplicateKey(err)) throw err;
      await db.collection(collection).updateOne({ _id: _id as never }, update);
    }
  };

  const write = async (row: RevisionRow): Promise<void> => {
    for (const { collection, record } of row.records)
      await upsert(DESTINATIONS[collection], record as unknown as Record<string, unknown>, row);
    // Records of an earlier revision this one no longer has (type changed, fewer transactions).
    // Revision 1 has no earlier one. Rows a later revision wrote before this one stay until that
    // revision is written again, which `writeLatest`'s re-check guarantees.
    if (row.revision === 1) return;
    for (const [collection, name] of Object.entries(DESTINATIONS)) {
      const keep = row.refs.filter((ref) => ref.collection === collection).map((ref) => ref.id);
      await db
        .collection<{ _id: string; documentId: string }>(name)
        .deleteMany({ documentId: row.documentId, _id: { $nin: keep } });
    }
  };

  return {
    async assignRevision(input) {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        // one read answers both: this event's revision (a redelivery) and the latest revision
        const taken = await all(input.documentId);
        const current = taken.at(-1) ?? null;
        const existing = taken.find((row) => row.sourceEventId === input.eventId);
        if (existing) return { outcome: 'assigned', revision: existing, latest: current };
        if (current && current.sourceOccurredAt.getTime() > input.occurredAt.getTime())
          return { outcome: 'stale', latest: current };
        const revision = (current?.revision ?? 0) + 1;
        const row: RevisionRow = {
          _id: `${input.documentId}:${revision}`,
          tenantId: input.tenantId,
          documentId: input.documentId,
          revision,
          docType: input.docType,
          sourceEventId: input.eventId,
          sourceOccurredAt: input.occurredAt,
          refs: input.records.map(({ collection, record }) => ({ collection, id: record._id })),
          records: input.records,
          createdAt: clock(),
        };
        try {
          await revisions.insertOne(row);
        } catch (err) {
          if (isDuplicateKey(err)) continue; // someone took this number: look again
          throw err;
        }
        // Revision 1 is the lowest there is, so no concurrent run of this event can hold a lower
        // one; above it, one may have taken a number this run's read did not see.
        const winner = revision === 1 ? row : await ofEvent(input.documentId, input.eventId);
        if (winner && winner.revision !== revision) {
          // a concurrent run of the same event got a lower number first: give ours back
          await revisions.deleteOne({ _id: row._id });
          return { outcome: 'assigned', revision: winner, latest: null };
        }
        return { outcome: 'assigned', revision: row, latest: row };
      }
      throw publisherError('REVISION_CONTENDED');
    },

    async writeLatest(documentId, seen) {
      // Re-check after writing: a newer revision written meanwhile must end up on top, and an
      // older writer finishing after a newer one must not leave its records there. Only the unique
      // revision insert orders writers; `seen` may already be out of date, the re-check says so.
      let top = seen ?? (await latest(documentId));
      for (let round = 0; round < MAX_ROUNDS; round++) {
        if (!top) return null;
        await write(top);
        const newest = await latest(documentId);
        if (!newest || newest.revision === top.revision) return newest;
        top = newest;
      }
      throw publisherError('REVISION_CONTENDED');
    },

    revisions: all,
  };
}
