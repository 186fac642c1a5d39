import {
  createBlobStore,
  createDocumentStore,
  createOutboxRelay,
  createTextStore,
  createUploadJournal,
  documentIndexes,
} from '@docflow/documents';
import {
  connectMongo,
  createEventBus,
  createLogger,
  createMetrics,
  ensureIndexes,
  parseConfig,
  readBreakerBoard,
  runMain,
  type Logger,
} from '@docflow/platform';
import { createTenantRepository, tenantIndexes } from '@docflow/tenants';
import { createVendorLayoutStore, vendorLayoutIndexes } from '@docflow/vendor-memory';
import { createBatchRepository } from './adapters/batch-repository';
import { defaultConsoleDir, loadConsoleAssets } from './adapters/console-assets';
import { createDeadLetterStore } from './adapters/dead-letter-store';
import { createDigestRepository } from './adapters/digest-repository';
import { createDocumentCounter } from './adapters/document-counts';
import { createDocumentMetrics } from './adapters/document-metrics';
import { createIdempotencyKeys } from './adapters/idempotency-keys';
import { createJobRunRepository } from './adapters/job-run-repository';
import { createLiveFeed } from './adapters/live-feed';
import { createPipelineInspector } from './adapters/pipeline-inspector';
import { createRecordRepository } from './adapters/record-repository';
import { createTrainingExampleRepository } from './adapters/training-example-repository';
import { createUsageCounters, usageCounterIndexes } from './adapters/usage-counters';
import { createWebhookRepository } from './adapters/webhook-repository';
import { createApp } from './app';
import { gatewayConfigSchema, type GatewayConfig } from './config';
import { createAuthFailureLimit } from './domain/auth-failure-limit';
import { createIntake } from './domain/intake';
import { createUploadQuota } from './domain/upload-quota';
import { createTrackerHandlers } from './handlers/tracker';

export { gatewayConfigSchema, type GatewayConfig } from './config';

/**
 * The gateway's composition root: config in, a running REST API, tracker consumer, outbox sweep
 * and dead-letter store out.
 */
export async function startGateway(config: GatewayConfig, options: { logger?: Logger } = {}) {
  const logger = options.logger ?? createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const metrics = createMetrics('gateway');
  const mongo = await connectMongo({
    url: config.MONGODB_URL,
    database: config.MONGODB_DATABASE,
    appName: 'gateway',
    logger,
  });
  await ensureIndexes(mongo.db, {
    ...documentIndexes,
    ...tenantIndexes,
    ...usageCounterIndexes,
    ...vendorLayoutIndexes,
  });
  const bus = createEventBus(config, { service: 'gateway', logger, metrics, db: mongo.db });
  const documents = createDocumentStore(mongo.db);
  const blobs = createBlobStore(mongo.db);
  const batches = createBatchRepository(mongo.db);
  const counters = createUsageCounters(mongo.db);
  const outbox = createOutboxRelay({
    store: documents,
    publish: (event) => bus.publish(event),
    logger,
    graceMs: config.OUTBOX_GRACE_MS,
    intervalMs: config.OUTBOX_INTERVAL_MS,
  });
  const liveFeed = createLiveFeed({ connection: bus.connection, logger });
  const deadLetters = createDeadLetterStore({ db: mongo.db, bus, logger });
  const intake = createIntake({
    blobs,
    journal: createUploadJournal(mongo.db, blobs),
    documents,
    outbox,
    batches,
    quota: createUploadQuota({
      counters,
      limits: {
        documents: config.TENANT_QUOTA_DOCUMENTS,
        bytes: config.TENANT_QUOTA_BYTES,
        windowMs: config.TENANT_QUOTA_WINDOW_MS,
      },
    }),
    logger,
  });

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await bus.start();
    await liveFeed.start();
    await deadLetters.start();
    // the state machine makes the tracker idempotent by itself: no claims (two round trips less)
    await bus.consume(
      'tracker',
      createTrackerHandlers({ documents, metrics: createDocumentMetrics(metrics.registry) }),
      { claims: false, prefetch: config.TRACKER_PREFETCH },
    );
    outbox.start();

    app = await createApp({
      config,
      logger,
      metrics,
      bus,
      documents,
      documentCounts: createDocumentCounter(mongo.db),
      blobs,
      texts: createTextStore(mongo.db),
      tenants: createTenantRepository(mongo.db, { authCacheMs: config.AUTH_CACHE_MS }),
      authFailures: createAuthFailureLimit({
        counters,
        limits: { max: config.AUTH_FAILURE_LIMIT, windowMs: config.AUTH_FAILURE_WINDOW_MS },
      }),
      batches,
      records: createRecordRepository(mongo.db),
      trainingExamples: createTrainingExampleRepository(mongo.db),
      vendorLayouts: createVendorLayoutStore(mongo.db),
      jobRuns: createJobRunRepository(mongo.db),
      digests: createDigestRepository(mongo.db),
      idempotencyKeys: createIdempotencyKeys(mongo.db),
      intake,
      outbox,
      liveFeed,
      pipeline: createPipelineInspector({
        connection: bus.connection,
        amqpUrl: config.AMQP_URL,
        ...(config.RABBITMQ_MANAGEMENT_URL
          ? { managementUrl: config.RABBITMQ_MANAGEMENT_URL }
          : {}),
      }),
      breakers: () => readBreakerBoard(mongo.db),
      deadLetters,
      webhooks: createWebhookRepository(mongo.db),
      consoleAssets: await consoleAssetsOf(config, logger),
      pingDatabase: () => mongo.ping(),
      readiness: async () => ({
        broker: bus.connection.isConnected,
        database: await mongo.ping(),
        consumers: bus.consumersRunning,
      }),
    });
    await app.listen({ host: config.GATEWAY_HOST, port: config.GATEWAY_PORT });
  } catch (err) {
    // release what started, so a failed start leaves no connection or timer behind
    await app?.close().catch(() => undefined);
    await outbox.stop();
    await bus.close(0).catch(() => undefined);
    await mongo.close().catch(() => undefined);
    throw err;
  }

  const running = app;
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : config.GATEWAY_PORT;
  logger.info({ port, docs: '/docs' }, 'gateway listening');
  return {
    app: running,
    port,
    config,
    db: mongo.db,
    stop: async () => {
      logger.info('stopping');
      await running.close();
      // uploads whose clients went away are still storing or cleaning up: let them finish
      const unfinished = await intake.drain(config.SHUTDOWN_TIMEOUT_MS);
      if (unfinished > 0) logger.warn({ unfinished }, 'uploads still under way at shutdown');
      await outbox.stop();
      await bus.close(config.SHUTDOWN_TIMEOUT_MS);
      await mongo.close();
      logger.info('stopped');
    },
  };
}

if (require.main === module) runMain(() => startGateway(parseConfig(gatewayConfigSchema)));

/** The console's build, or null (with a warning) when this install has none. */
async function consoleAssetsOf(config: GatewayConfig, logger: Logger) {
  const dir = config.CONSOLE_DIR ?? defaultConsoleDir();
  if (!dir) {
    logger.warn('no review console build found; /console answers 404 (run `npm run build`)');
    return null;
  }
  return loadConsoleAssets(dir);
}
