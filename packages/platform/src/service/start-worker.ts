import type { Db, IndexDescription } from 'mongodb';
import type { ConsumerName } from '@docflow/contracts';
import { EventBus, type DocumentGate, type HandlerMap } from '../amqp';
import { createBreakerBoard, type BreakerBoard } from '../breaker';
import type { RuntimeConfig } from '../config';
import { startOpsServer, type OpsServer, type ReadinessCheck } from '../health';
import { createLogger, type Logger } from '../logging';
import { createMetrics, type Metrics } from '../metrics';
import { connectMongo, ensureIndexes, type MongoHandle } from '../mongo';

export interface WorkerDeps<C extends RuntimeConfig> {
  config: C;
  logger: Logger;
  metrics: Metrics;
  mongo: MongoHandle;
  bus: EventBus;
  /** Where the service's circuit breakers report their state (pass it to `createBreaker`). */
  breakers: BreakerBoard;
}

export interface WorkerSpec<C extends RuntimeConfig> {
  service: string;
  config: C;
  /** Indexes by collection, created at start (the idempotency markers need none beyond `_id`). */
  indexes?: Record<string, IndexDescription[]>;
  /** Builds the service's handlers from the shared dependencies. */
  consumers: (
    deps: WorkerDeps<C>,
  ) =>
    | Promise<{ name: ConsumerName; handlers: HandlerMap }[]>
    | { name: ConsumerName; handlers: HandlerMap }[];
  /** Built from the shared dependencies; drops events of documents no longer active. */
  gate?: (deps: { mongo: MongoHandle }) => DocumentGate;
  /** Extra readiness checks (e.g. clamd reachable). */
  readiness?: Record<string, ReadinessCheck>;
  /** Called after consumers stop, before connections close. */
  onStop?: () => Promise<void>;
  logger?: Logger;
}

export interface Worker<C extends RuntimeConfig> extends WorkerDeps<C> {
  ops: OpsServer;
  stop(): Promise<void>;
}

/** The event bus of a service, configured from the shared runtime keys. */
export function createEventBus(
  config: RuntimeConfig,
  parts: { service: string; logger: Logger; metrics: Metrics; db: Db; gate?: DocumentGate },
): EventBus {
  return new EventBus({
    url: config.AMQP_URL,
    service: parts.service,
    logger: parts.logger,
    metrics: parts.metrics,
    db: parts.db,
    reconnectMaxMs: config.AMQP_RECONNECT_MAX_MS,
    consumer: {
      prefetch: config.AMQP_PREFETCH,
      retryDelaysMs: config.RETRY_DELAYS_MS,
      outageRetryMs: config.RETRY_OUTAGE_MS,
      retryJitter: config.RETRY_JITTER,
      handlerTimeoutMs: config.HANDLER_TIMEOUT_MS,
      maxMessageBytes: config.AMQP_MAX_MESSAGE_BYTES,
    },
    ...(parts.gate ? { gate: parts.gate } : {}),
  });
}

/**
 * Wires a worker service: logger, metrics, MongoDB, the event bus with the contracts' topology, the
 * service's consumers, and the ops HTTP server. Every stage's main.ts calls this once.
 */
export async function startWorker<C extends RuntimeConfig>(
  spec: WorkerSpec<C>,
): Promise<Worker<C>> {
  const { config } = spec;
  const logger = spec.logger ?? createLogger({ service: spec.service, level: config.LOG_LEVEL });
  const metrics = createMetrics(spec.service);
  const mongo = await connectMongo({
    url: config.MONGODB_URL,
    database: config.MONGODB_DATABASE,
    appName: spec.service,
    logger,
  });
  await ensureIndexes(mongo.db, spec.indexes ?? {});
  const bus = createEventBus(config, {
    service: spec.service,
    logger,
    metrics,
    db: mongo.db,
    ...(spec.gate ? { gate: spec.gate({ mongo }) } : {}),
  });
  const breakers = createBreakerBoard(mongo.db, { service: spec.service, logger });
  const deps: WorkerDeps<C> = { config, logger, metrics, mongo, bus, breakers };
  const ops = await startOpsServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    registry: metrics.registry,
    checks: {
      broker: () => bus.connection.isConnected,
      database: () => mongo.ping(),
      consumers: () => bus.consumersRunning,
      ...spec.readiness,
    },
  });
  await bus.start();
  for (const { name, handlers } of await spec.consumers(deps)) await bus.consume(name, handlers);
  logger.info({ opsPort: ops.port, database: config.MONGODB_DATABASE }, 'service started');
  return {
    ...deps,
    ops,
    stop: async () => {
      logger.info('stopping');
      await bus.close(config.SHUTDOWN_TIMEOUT_MS);
      await spec.onStop?.();
      await breakers.stop();
      await ops.close();
      await mongo.close();
      logger.info('stopped');
    },
  };
}
