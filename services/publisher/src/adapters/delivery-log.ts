import type { Db, IndexDescription } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { isDuplicateKey } from '@docflow/platform';
import type { WebhookEndpoints, WebhookEventType } from './webhook-endpoints';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'refused' | 'cancelled';

export interface DeliveryAttempt {
  at: Date;
  outcome: 'delivered' | 'failed' | 'refused';
  statusCode?: number;
  error?: string;
}

/**
 * One webhook delivery: a document's event to one endpoint. `_id` is
 * `<documentId>:<event key>:<endpointId>`, so enqueueing again (a redelivered event) adds nothing.
 * The body is fixed when the row is written; each attempt signs it with a fresh timestamp.
 */
export interface DeliveryRow {
  _id: string;
  tenantId: string;
  documentId: string;
  endpointId: string;
  event: WebhookEventType;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the row is due; while an attempt runs, the end of its lease. */
  nextAttemptAt: Date;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt?: Date;
  lastError?: string;
  history: DeliveryAttempt[];
}

export interface EnqueueInput {
  tenantId: string;
  documentId: string;
  event: WebhookEventType;
  /** What makes this occurrence unique within the document (`r<revision>`, an event id). */
  key: string;
  data: unknown;
}

export interface DeliveryLog {
  /** One row per subscribed endpoint; returns how many endpoints are subscribed. */
  enqueue(input: EnqueueInput): Promise<number>;
  due(now: Date, limit: number, skipEndpoints: string[]): Promise<DeliveryRow[]>;
  /** Hides a due row from other dispatchers until `leaseUntil`; false if another took it. */
  take(row: DeliveryRow, leaseUntil: Date): Promise<boolean>;
  /** Records an outcome; `attempt` is appended to the row's history. */
  settle(
    row: DeliveryRow,
    change: { status: DeliveryStatus; attempts: number; nextAttemptAt: Date },
    attempt?: DeliveryAttempt,
  ): Promise<void>;
  forDocument(documentId: string): Promise<DeliveryRow[]>;
}

export const deliveryIndexes: Record<string, IndexDescription[]> = {
  [COLLECTIONS.webhookDeliveries]: [
    { key: { status: 1, nextAttemptAt: 1 }, name: 'status_due' },
    { key: { documentId: 1, createdAt: 1 }, name: 'document' },
  ],
  [COLLECTIONS.webhooks]: [{ key: { tenantId: 1, createdAt: 1 }, name: 'tenant_created' }],
};

/** Attempts each row remembers (the counter keeps counting). */
const HISTORY_KEPT = 20;

export function createDeliveryLog(
  db: Db,
  endpoints: WebhookEndpoints,
  clock: () => Date = () => new Date(),
): DeliveryLog {
  const rows = db.collection<DeliveryRow>(COLLECTIONS.webhookDeliveries);
  return {
    async enqueue(input) {
      const targets = await endpoints.subscribedTo(input.tenantId, input.event);
      const now = clock();
      for (const endpoint of targets) {
        const id = `${input.documentId}:${input.key}:${endpoint._id}`;
        const body = JSON.stringify({
          id,
          event: input.event,
          createdAt: now.toISOString(),
          tenantId: input.tenantId,
          documentId: input.documentId,
          data: input.data,
        });
        try {
          await rows.insertOne({
            _id: id,
            tenantId: input.tenantId,
            documentId: input.documentId,
            endpointId: endpoint._id,
            event: input.event,
            body,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            createdAt: now,
            updatedAt: now,
            history: [],
          });
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      return targets.length;
    },

    due: (now, limit, skipEndpoints) =>
      rows
        .find({
          status: 'pending',
          nextAttemptAt: { $lte: now },
          ...(skipEndpoints.length > 0 ? { endpointId: { $nin: skipEndpoints } } : {}),
        })
        .sort({ nextAttemptAt: 1 })
        .limit(limit)
        .toArray(),

    async take(row, leaseUntil) {
      // a conditional update: atomic on mongod; on FerretDB two dispatchers may both win, which
      // only means a duplicate delivery (receivers deduplicate on the delivery id)
      const result = await rows.updateOne(
        { _id: row._id, status: 'pending', nextAttemptAt: row.nextAttemptAt },
        { $set: { nextAttemptAt: leaseUntil, updatedAt: clock() } },
      );
      return result.modifiedCount === 1;
    },

    async settle(row, change, attempt) {
      await rows.updateOne(
        { _id: row._id },
        {
          $set: {
            ...change,
            updatedAt: clock(),
            ...(change.status === 'delivered' ? { deliveredAt: attempt?.at ?? clock() } : {}),
            ...(attempt?.error ? { lastError: attempt.error } : {}),
            ...(attempt ? { history: [...row.history, attempt].slice(-HISTORY_KEPT) } : {}),
          },
        },
      );
    },

    forDocument: (documentId) => rows.find({ documentId }).sort({ createdAt: 1, _id: 1 }).toArray(),
  };
}
