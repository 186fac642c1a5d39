import { randomUUID } from 'node:crypto';
import {
  EXCHANGES,
  buildTopology,
  eventCatalog,
  type AnyEvent,
  type ConsumerName,
  type Topology,
} from '@docflow/contracts';
import { runtimeError } from '../errors';
import { IdempotencyStore } from '../idempotency';
import type { Logger } from '../logging';
import type { Metrics } from '../metrics';
import type { Db } from 'mongodb';
import { AmqpConnection } from './connection';
import { ConfirmPublisher, type PublishOptions } from './confirm-publisher';
import { StageConsumer, type ConsumerOptions, type DocumentGate } from './consumer';
import type { HandlerMap } from './handler';
import { declareTopology } from './topology';

export interface EventBusOptions {
  url: string;
  service: string;
  logger: Logger;
  metrics: Metrics;
  db: Db;
  consumer: ConsumerOptions;
  reconnectMaxMs?: number;
  /** Defaults to the whole topology of the contracts. */
  topology?: Topology;
  /** Asked before each document event's handler runs (see `DocumentGate`). */
  gate?: DocumentGate;
}

/**
 * The one event-bus interface of docflow, over RabbitMQ. Declares the contracts' topology on every
 * (re)connection, publishes validated events with confirms, and runs consumers.
 */
export class EventBus {
  readonly connection: AmqpConnection;
  private readonly publisher: ConfirmPublisher;
  private readonly idempotency: IdempotencyStore;
  private readonly consumers: StageConsumer[] = [];

  constructor(private readonly options: EventBusOptions) {
    const instance = `${options.service}-${randomUUID().slice(0, 8)}`;
    this.connection = new AmqpConnection({
      url: options.url,
      name: instance,
      logger: options.logger,
      metrics: options.metrics,
      ...(options.reconnectMaxMs !== undefined ? { reconnectMaxMs: options.reconnectMaxMs } : {}),
    });
    this.publisher = new ConfirmPublisher(this.connection, options.logger);
    this.idempotency = new IdempotencyStore(
      options.db,
      instance,
      options.consumer.handlerTimeoutMs + 30_000,
    );
  }

  /** Connects (retrying until the broker answers), declares the topology, opens the publisher. */
  async start(): Promise<void> {
    const topology = this.options.topology ?? buildTopology();
    await this.connection.onConnect(async (model) => {
      const channel = await model.createChannel();
      try {
        await declareTopology(channel, topology);
      } finally {
        await channel.close().catch(() => undefined);
      }
    });
    await this.publisher.attach();
    await this.connection.start();
  }

  /** Validates the event against its contract and publishes it, resolving on broker confirm. */
  async publish(event: AnyEvent): Promise<void> {
    const definition = eventCatalog[event.type];
    const checked = definition.schema.safeParse(event);
    if (!checked.success) {
      throw runtimeError(
        'MESSAGE_INVALID',
        `refusing to publish an invalid ${event.type}: ${checked.error.message}`,
        {
          operational: false,
        },
      );
    }
    try {
      await this.publisher.publish(
        EXCHANGES.events.name,
        event.type,
        Buffer.from(JSON.stringify(event)),
        {
          messageId: event.eventId,
          type: event.type,
        },
      );
      this.options.metrics.messagesPublished.inc({ event_type: event.type, outcome: 'confirmed' });
    } catch (err) {
      this.options.metrics.messagesPublished.inc({ event_type: event.type, outcome: 'failed' });
      throw err;
    }
  }

  /**
   * Publishes bytes as they are (confirmed, mandatory), for operator actions such as replaying a
   * dead letter onto its work queue through the default exchange. Events go through `publish`.
   */
  async publishRaw(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: PublishOptions,
  ): Promise<void> {
    await this.publisher.publish(exchange, routingKey, content, options);
  }

  /** Starts consuming the named consumer's queue with these handlers. */
  async consume(
    name: ConsumerName,
    handlers: HandlerMap,
    overrides: Partial<ConsumerOptions> = {},
  ): Promise<StageConsumer> {
    const consumer = new StageConsumer(
      name,
      handlers,
      {
        connection: this.connection,
        publisher: this.publisher,
        idempotency: this.idempotency,
        metrics: this.options.metrics,
        logger: this.options.logger,
        publishEvent: (event) => this.publish(event),
        ...(this.options.gate ? { gate: this.options.gate } : {}),
      },
      { ...this.options.consumer, ...overrides },
    );
    this.consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  get consumersRunning(): boolean {
    return this.consumers.every((c) => c.isRunning);
  }

  /** Stops consumers (waiting for in-flight work up to `timeoutMs`), then closes the connection. */
  async close(timeoutMs: number): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop(timeoutMs)));
    await this.connection.close();
  }
}
