import type { Db } from 'mongodb';
import { COLLECTIONS, type WebhookEndpoint, type WebhookEventName } from '@docflow/documents';

export type { WebhookEndpoint, WebhookEventName };

export type WebhookEventType = 'document.published' | 'document.needs_review';

export const EVENT_NAME: Record<WebhookEventType, WebhookEventName> = {
  'document.published': 'published',
  'document.needs_review': 'needs_review',
};

/** An endpoint as the delivery log needs it to enqueue (the secret is read at send time only). */
export type SubscribedEndpoint = Omit<WebhookEndpoint, 'secret'>;

export interface WebhookEndpoints {
  /** The tenant's active endpoints subscribed to `event`, at most `cacheMs` old. */
  subscribedTo(tenantId: string, event: WebhookEventType): Promise<SubscribedEndpoint[]>;
  /** One endpoint as stored now (never cached: a send uses the current URL, secret and state). */
  get(id: string): Promise<WebhookEndpoint | null>;
}

export interface WebhookEndpointsOptions {
  /**
   * How long a tenant's active endpoints are reused before they are read again (0: read on every
   * call). An endpoint registered, changed or paused meanwhile is seen that much later.
   */
  cacheMs?: number;
  now?: () => number;
}

/** Tenants remembered at most; past it, expired entries are dropped, then all if none had. */
const MAX_TENANTS = 10_000;

export function createWebhookEndpoints(
  db: Db,
  { cacheMs = 0, now = Date.now }: WebhookEndpointsOptions = {},
): WebhookEndpoints {
  const endpoints = db.collection<WebhookEndpoint>(COLLECTIONS.webhooks);
  const cache = new Map<string, { until: number; active: Promise<SubscribedEndpoint[]> }>();

  const remember = (tenantId: string, active: Promise<SubscribedEndpoint[]>) => {
    const at = now();
    if (cache.size >= MAX_TENANTS) {
      for (const [key, entry] of cache) if (entry.until <= at) cache.delete(key);
      if (cache.size >= MAX_TENANTS) cache.clear();
    }
    const entry = { until: at + cacheMs, active };
    cache.set(tenantId, entry);
    // a failed read is not remembered: the next call reads again
    active.catch(() => cache.get(tenantId) === entry && cache.delete(tenantId));
  };

  /** One read per tenant per `cacheMs`, shared by the calls that arrive while it runs. */
  const activeOf = (tenantId: string): Promise<SubscribedEndpoint[]> => {
    const hit = cache.get(tenantId);
    if (hit && hit.until > now()) return hit.active;
    const active = endpoints
      .find({ tenantId, active: true }, { projection: { secret: 0 } })
      .toArray() as Promise<SubscribedEndpoint[]>;
    if (cacheMs > 0) remember(tenantId, active);
    return active;
  };

  return {
    subscribedTo: async (tenantId, event) =>
      (await activeOf(tenantId)).filter((endpoint) => endpoint.events.includes(EVENT_NAME[event])),
    get: (id) => endpoints.findOne({ _id: id }),
  };
}
