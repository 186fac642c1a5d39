import type { Db } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';

/** The events a tenant may subscribe an endpoint to, as the API names them. */
export type WebhookEventName = 'published' | 'needs_review';
export type WebhookEventType = 'document.published' | 'document.needs_review';

export const EVENT_NAME: Record<WebhookEventType, WebhookEventName> = {
  'document.published': 'published',
  'document.needs_review': 'needs_review',
};

/** A webhook endpoint as the gateway stores it in `webhooks` (see docs/webhooks.md). */
export interface WebhookEndpoint {
  _id: string;
  tenantId: string;
  url: string;
  events: WebhookEventName[];
  secret: string;
  active: boolean;
  description?: string;
  createdAt: Date;
  updatedAt: Date;
}

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
