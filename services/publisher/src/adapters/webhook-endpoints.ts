import type { Db } from 'mongodb';
import { COLLECTIONS, type WebhookEndpoint, type WebhookEventName } from '@docflow/documents';

export type { WebhookEndpoint, WebhookEventName };

export type WebhookEventType = 'document.published' | 'document.needs_review';

export const EVENT_NAME: Record<WebhookEventType, WebhookEventName> = {
  'document.published': 'published',
  'document.needs_review': 'needs_review',
};

export interface WebhookEndpoints {
  /** The tenant's active endpoints subscribed to `event`. */
  subscribedTo(tenantId: string, event: WebhookEventType): Promise<WebhookEndpoint[]>;
  get(id: string): Promise<WebhookEndpoint | null>;
}

export function createWebhookEndpoints(db: Db): WebhookEndpoints {
  const endpoints = db.collection<WebhookEndpoint>(COLLECTIONS.webhooks);
  return {
    subscribedTo: (tenantId, event) =>
      endpoints.find({ tenantId, active: true, events: EVENT_NAME[event] }).toArray(),
    get: (id) => endpoints.findOne({ _id: id }),
  };
}
