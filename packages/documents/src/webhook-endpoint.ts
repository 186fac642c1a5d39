/** The events a tenant may subscribe a webhook endpoint to, as the API names them. */
export type WebhookEventName = 'published' | 'needs_review';

/**
 * A tenant's webhook endpoint in `webhooks`: the gateway writes it, the publisher delivers to it
 * (docs/webhooks.md).
 */
export interface WebhookEndpoint {
  _id: string;
  tenantId: string;
  url: string;
  events: WebhookEventName[];
  /** The HMAC key: needed in clear to sign, never shown again after creation. */
  secret: string;
  active: boolean;
  description?: string;
  createdAt: Date;
  updatedAt: Date;
}
