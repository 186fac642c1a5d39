import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS, type WebhookEndpoint, type WebhookEventName } from '@docflow/documents';

/** A tenant's webhook endpoint (the record type is shared with the publisher). */
export type Webhook = WebhookEndpoint;

export interface WebhookInput {
  url: string;
  events: WebhookEventName[];
  secret?: string;
  description?: string;
  active?: boolean;
}

export interface WebhookRepository {
  create(tenantId: string, input: WebhookInput): Promise<Webhook>;
  list(tenantId: string): Promise<Webhook[]>;
  /** Another tenant's id answers null, like an unknown one. */
  get(tenantId: string, id: string): Promise<Webhook | null>;
  update(
    tenantId: string,
    id: string,
    change: Partial<Omit<WebhookInput, 'secret'>>,
  ): Promise<Webhook | null>;
  remove(tenantId: string, id: string): Promise<boolean>;
}

/** A generated signing secret: `whsec_` and 32 random bytes. */
export const generateSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function createWebhookRepository(db: Db): WebhookRepository {
  const webhooks = db.collection<Webhook>(COLLECTIONS.webhooks);
  return {
    async create(tenantId, input) {
      const now = new Date();
      const webhook: Webhook = {
        _id: randomUUID(),
        tenantId,
        url: input.url,
        events: [...new Set(input.events)],
        secret: input.secret ?? generateSecret(),
        active: input.active ?? true,
        createdAt: now,
        updatedAt: now,
        ...(input.description ? { description: input.description } : {}),
      };
      await webhooks.insertOne(webhook);
      return webhook;
    },
    list: (tenantId) => webhooks.find({ tenantId }).sort({ createdAt: 1, _id: 1 }).toArray(),
    get: (tenantId, id) => webhooks.findOne({ _id: id, tenantId }),
    async update(tenantId, id, change) {
      const set = {
        ...(change.url !== undefined ? { url: change.url } : {}),
        ...(change.events !== undefined ? { events: [...new Set(change.events)] } : {}),
        ...(change.active !== undefined ? { active: change.active } : {}),
        ...(change.description !== undefined ? { description: change.description } : {}),
        updatedAt: new Date(),
      };
      const result = await webhooks.updateOne({ _id: id, tenantId }, { $set: set });
      return result.matchedCount === 0 ? null : webhooks.findOne({ _id: id, tenantId });
    },
    async remove(tenantId, id) {
      return (await webhooks.deleteOne({ _id: id, tenantId })).deletedCount === 1;
    },
  };
}
