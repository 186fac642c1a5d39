import { createDocumentGate, createDocumentStore } from '@docflow/documents';
import {
  parseConfig,
  runMain,
  startWorker,
  type DocumentGate,
  type Logger,
  type Worker,
} from '@docflow/platform';
import { createDeliveryLog, deliveryIndexes } from './adapters/delivery-log';
import { createRecordStore, recordIndexesByCollection } from './adapters/record-store';
import { createWebhookClient } from './adapters/webhook-client';
import { createWebhookEndpoints } from './adapters/webhook-endpoints';
import { publisherConfigSchema, type PublisherConfig } from './config';
import { createClassifiedHandler } from './handlers/document-classified';
import { createNeedsReviewHandler } from './handlers/document-needs-review';
import { createWebhookDispatcher, type WebhookDispatcher } from './webhook-dispatcher';

export { publisherConfigSchema, type PublisherConfig } from './config';

export interface Publisher extends Worker<PublisherConfig> {
  dispatcher: WebhookDispatcher;
}

/**
 * The publisher's composition root: config in, a running worker (the consumer and, beside it, the
 * webhook dispatcher) out.
 */
export async function startPublisher(
  config: PublisherConfig,
  options: { logger?: Logger } = {},
): Promise<Publisher> {
  let dispatcher: WebhookDispatcher | undefined;
  const worker = await startWorker({
    service: 'publisher',
    config,
    ...(options.logger ? { logger: options.logger } : {}),
    indexes: { ...recordIndexesByCollection, ...deliveryIndexes },
    gate: ({ mongo }) => exceptClassified(createDocumentGate(mongo.db)),
    onStop: async () => dispatcher?.stop(),
    consumers: ({ mongo, metrics, logger, breakers }) => {
      const endpoints = createWebhookEndpoints(mongo.db, {
        cacheMs: config.WEBHOOK_ENDPOINTS_CACHE_MS,
      });
      const deliveries = createDeliveryLog(mongo.db, endpoints);
      dispatcher = createWebhookDispatcher({
        log: deliveries,
        endpoints,
        client: createWebhookClient({
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
          allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
        }),
        metrics,
        board: breakers,
        logger: logger.child({ component: 'webhooks' }),
        options: {
          pollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
          batchSize: config.WEBHOOK_BATCH_SIZE,
          leaseMs: config.WEBHOOK_LEASE_MS,
          maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          endpointConcurrency: config.WEBHOOK_ENDPOINT_CONCURRENCY,
          maxInFlight: config.WEBHOOK_MAX_IN_FLIGHT,
          backoff: { baseMs: config.WEBHOOK_BACKOFF_BASE_MS, maxMs: config.WEBHOOK_BACKOFF_MAX_MS },
          breaker: {
            resetMs: config.WEBHOOK_BREAKER_RESET_MS,
            volume: config.WEBHOOK_BREAKER_VOLUME,
            errorPercent: config.WEBHOOK_BREAKER_ERROR_PERCENT,
          },
        },
      });
      const wake = () => dispatcher?.wake();
      return [
        {
          name: 'publisher',
          handlers: {
            'document.classified': createClassifiedHandler({
              documents: createDocumentStore(mongo.db),
              records: createRecordStore(mongo.db),
              deliveries,
              onEnqueued: wake,
            }),
            'document.needs_review': createNeedsReviewHandler({ deliveries, onEnqueued: wake }),
          },
        },
      ];
    },
  });
  dispatcher!.start();
  return { ...worker, dispatcher: dispatcher! };
}

/**
 * The document gate for every event but `document.classified`, whose handler claims the
 * publication first: the claim refuses a cancelled or rejected document and another tenant's, the
 * gate's answers, so asking the gate too would cost a lookup per document for nothing.
 * `document.needs_review` keeps the gate: its handler writes webhook deliveries without a claim.
 */
function exceptClassified(gate: DocumentGate): DocumentGate {
  return (event) => (event.type === 'document.classified' ? Promise.resolve(true) : gate(event));
}

if (require.main === module) runMain(() => startPublisher(parseConfig(publisherConfigSchema)));
