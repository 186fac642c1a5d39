import { setMaxListeners } from 'node:events';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import {
  EXCHANGES,
  consumerSpec,
  queuesOf,
  type AnyEvent,
  type ConsumerName,
  type ConsumerSpec,
  type EventType,
} from '@docflow/contracts';
import { classifyError, runtimeError, type ErrorSummary } from '../errors';
import type { IdempotencyStore } from '../idempotency';
import type { Logger } from '../logging';
import type { Metrics } from '../metrics';
import type { AmqpConnection } from './connection';
import type { ConfirmPublisher } from './confirm-publisher';
import { followUpEvent, next, type Outgoing } from './event-factory';
import type { EventHandler, HandlerMap } from './handler';
import { HEADERS, type DeadLetterReason } from './headers';
import { DEFAULT_MAX_MESSAGE_BYTES, headerCount, readInbound } from './inbound-message';

export interface ConsumerOptions {
  prefetch: number;
  retryDelaysMs: readonly number[];
  retryJitter: number;
  handlerTimeoutMs: number;
  /**
   * How long a message failing for an outage (ErrorSummary.outage: broker, database or clamd away,
   * breaker open) keeps retrying at the last level once its levels are used up, counted from its
   * first outage failure; 0 (the default) gives outages no more than other transient errors.
   */
  outageRetryMs?: number;
  /** Larger messages are dead-lettered unread (`too_large`); DEFAULT_MAX_MESSAGE_BYTES if unset. */
  maxMessageBytes?: number;
  /**
   * Claim each event in the idempotency store before its handler runs (default true). A consumer
   * whose handlers are idempotent on their own and publish nothing (the tracker: the state machine
   * ignores an event it already applied, and unique transition inserts serialise writers) turns
   * this off and saves two database round trips per message; a redelivery then runs the handler
   * again and is counted as acked.
   */
  claims?: boolean;
}

export interface ConsumerDeps {
  connection: AmqpConnection;
  publisher: ConfirmPublisher;
  idempotency: IdempotencyStore;
  metrics: Metrics;
  logger: Logger;
  publishEvent: (event: AnyEvent) => Promise<void>;
  /**
   * Asked before a document event's handler runs: false drops the message (acked, no handler, no
   * follow-up), e.g. because the tenant cancelled the document; an error fails it like a handler
   * error would (a permanent one dead-letters it, e.g. an event naming the wrong tenant).
   */
  gate?: DocumentGate;
}

/** Whether a document event should still be handled. */
export type DocumentGate = (event: AnyEvent) => Promise<boolean>;

type Outcome = 'acked' | 'duplicate' | 'deferred' | 'retried' | 'dead_lettered' | 'dropped';

/**
 * Runs one consumer from the contracts' topology: validates each message at the edge, makes its
 * effect happen once (idempotency store), runs the handler, publishes what it returns with broker
 * confirms, then acks. Failures are classified once, here: transient → a retry queue with growing,
 * jittered delay; permanent, invalid or out of retries → the consumer's dead-letter queue with the
 * reason (and `document.failed` for document events). Handlers never see channels or acks.
 */
export class StageConsumer {
  private readonly spec: ConsumerSpec;
  private readonly queues: ReturnType<typeof queuesOf>;
  private channel: Channel | undefined;
  private consumerTag: string | undefined;
  private stopping = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  /** Events this process is handling now, by idempotency key (a redelivery waits for them). */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly name: ConsumerName,
    private readonly handlers: HandlerMap,
    private readonly deps: ConsumerDeps,
    private readonly options: ConsumerOptions,
  ) {
    this.spec = consumerSpec(name);
    // every in-flight handler listens for shutdown: as many listeners as the prefetch allows
    setMaxListeners(0, this.abort.signal);
    this.queues = queuesOf(name);
    const missing = this.spec.consumes.filter((type) => !handlers[type]);
    if (missing.length > 0)
      throw new Error(`consumer "${name}" has no handler for ${missing.join(', ')}`);
  }

  /** Consuming now (a channel is open and the broker knows our consumer). */
  get isRunning(): boolean {
    return this.consumerTag !== undefined && this.channel !== undefined;
  }

  start(): Promise<void> {
    return this.deps.connection.onConnect((model) => this.subscribe(model));
  }

  /** Stops taking messages, waits for in-flight handlers up to `timeoutMs`, closes the channel. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const channel = this.channel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => undefined);
    this.consumerTag = undefined;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), deadline]);
    this.abort.abort();
    if (channel) await channel.close().catch(() => undefined);
    this.channel = undefined;
  }

  private async subscribe(model: ChannelModel): Promise<void> {
    if (this.stopping) return;
    const channel = await model.createChannel();
    channel.on('error', (err: Error) =>
      this.deps.logger.warn({ err, consumer: this.name }, 'consumer channel error'),
    );
    channel.on('close', () => {
      if (this.channel === channel) {
        this.channel = undefined;
        this.consumerTag = undefined;
      }
    });
    await channel.prefetch(this.options.prefetch);
    this.channel = channel;
    const { consumerTag } = await channel.consume(
      this.queues.work,
      (msg) => {
        if (!msg) return; // cancelled by the broker; the reconnect hook re-subscribes
        const task = this.handle(channel, msg).finally(() => this.inFlight.delete(task));
        this.inFlight.add(task);
      },
      { noAck: false },
    );
    this.consumerTag = consumerTag;
    this.deps.logger.info(
      { consumer: this.name, queue: this.queues.work, prefetch: this.options.prefetch },
      'consuming',
    );
  }

  private async handle(channel: Channel, msg: ConsumeMessage): Promise<void> {
    const { metrics } = this.deps;
    const headers = msg.properties.headers ?? {};
    const retries = headerCount(headers[HEADERS.retries]);
    const routingKey = String(headers[HEADERS.originalRoutingKey] ?? msg.fields.routingKey);
    let eventType = 'unknown';
    metrics.inFlight.inc({ consumer: this.name });
    const stopTimer = metrics.handlerDuration.startTimer({ consumer: this.name });
    let outcome: Outcome = 'acked';
    try {
      const parsed = readInbound(
        msg,
        this.spec,
        this.options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
      );
      if ('reason' in parsed) {
        outcome = await this.deadLetter(msg, parsed.reason, parsed.error, retries);
        if (this.ackable(channel)) channel.ack(msg);
        return;
      }
      const event = parsed.event;
      eventType = event.type;
      const logger = this.deps.logger.child({
        consumer: this.name,
        eventId: event.eventId,
        eventType: event.type,
        tenantId: event.tenantId,
        documentId: event.documentId,
        correlationId: event.correlationId,
        retries,
      });
      try {
        outcome = await this.process(event, msg, retries, logger);
      } catch (err) {
        const error = classifyError(err);
        logger.warn({ err, code: error.code, transient: error.transient }, 'handler failed');
        outcome = await this.fail(msg, event, error, retries, routingKey);
      }
      if (this.ackable(channel)) channel.ack(msg);
    } catch (err) {
      // Retry or dead-letter publishing failed: leave the message to the broker, which redelivers it
      // (and dead-letters it at the delivery limit).
      this.deps.logger.error(
        { err, consumer: this.name, eventType },
        'could not settle message; returning it to the queue',
      );
      outcome = 'deferred';
      if (this.ackable(channel)) channel.nack(msg, false, true);
    } finally {
      stopTimer({ event_type: eventType });
      metrics.inFlight.dec({ consumer: this.name });
      metrics.messagesConsumed.inc({ consumer: this.name, event_type: eventType, outcome });
    }
  }

  private ackable(channel: Channel): boolean {
    return this.channel === channel;
  }

  private async process(
    event: AnyEvent,
    msg: ConsumeMessage,
    retries: number,
    logger: Logger,
  ): Promise<Outcome> {
    const key = `${this.name}:${event.eventId}`;
    // After a reconnect the broker redelivers messages whose handlers may still run here on the
    // old channel: let them finish first, so the claim below sees their outcome.
    const earlier = this.running.get(key);
    if (earlier) await earlier.catch(() => undefined);
    const work = this.claimAndRun(key, event, msg, retries, logger);
    this.running.set(key, work);
    try {
      return await work;
    } finally {
      if (this.running.get(key) === work) this.running.delete(key);
    }
  }

  private async claimAndRun(
    key: string,
    event: AnyEvent,
    msg: ConsumeMessage,
    retries: number,
    logger: Logger,
  ): Promise<Outcome> {
    const deliveryCount = Number(msg.properties.headers?.[HEADERS.deliveryCount]);
    const replays = headerCount(msg.properties.headers?.[HEADERS.replays]);
    const claims = this.options.claims !== false;
    const claim = claims
      ? await this.deps.idempotency.begin(key, {
          retries,
          replays,
          redelivered: msg.fields.redelivered,
          ...(Number.isFinite(deliveryCount) ? { deliveryCount } : {}),
        })
      : 'run';
    if (claim === 'duplicate') {
      logger.debug('duplicate event; already handled');
      return 'duplicate';
    }
    if (claim === 'busy') {
      logger.info('another consumer holds this event; deferring');
      await this.sendToRetry(msg, retries, 0, runtimeError('IN_PROGRESS_ELSEWHERE'));
      return 'deferred';
    }
    if (event.documentId && this.deps.gate && !(await this.deps.gate(event))) {
      logger.info('document is no longer active (cancelled); dropping the event');
      if (claims) await this.deps.idempotency.complete(key, replays);
      return 'dropped';
    }
    const handler = this.handlers[event.type as EventType] as EventHandler<EventType>;
    const result = await this.runWithTimeout(handler, event, retries, logger);
    const outgoing: readonly Outgoing[] =
      result === undefined ? [] : Array.isArray(result) ? result : [result as Outgoing];
    await Promise.all(
      outgoing.map((out, index) =>
        this.deps.publishEvent(followUpEvent(this.name, event, out, index)),
      ),
    );
    if (claims) await this.deps.idempotency.complete(key, replays);
    return 'acked';
  }

  private async runWithTimeout(
    handler: EventHandler<EventType>,
    event: AnyEvent,
    retries: number,
    logger: Logger,
  ) {
    const controller = new AbortController();
    const onStop = (): void => controller.abort();
    this.abort.signal.addEventListener('abort', onStop);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          runtimeError(
            'HANDLER_TIMEOUT',
            `handler took longer than ${this.options.handlerTimeoutMs} ms`,
          ),
        );
      }, this.options.handlerTimeoutMs);
    });
    try {
      return await Promise.race([
        handler(event as never, { logger, retries, signal: controller.signal }),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
      this.abort.signal.removeEventListener('abort', onStop);
    }
  }

  private async fail(
    msg: ConsumeMessage,
    event: AnyEvent,
    error: ErrorSummary,
    retries: number,
    routingKey: string,
  ): Promise<Outcome> {
    const delays = this.options.retryDelaysMs;
    const outageSince = error.transient && error.outage ? this.outageSince(msg) : undefined;
    if (error.transient && retries < delays.length) {
      await this.sendToRetry(msg, retries + 1, retries, error, outageSince);
      this.deps.metrics.retries.inc({ consumer: this.name, level: String(retries + 1) });
      return 'retried';
    }
    // A server the work needs is away: nothing is wrong with the message, so it waits out the
    // outage on the longest delay instead of failing its document when the levels run out. The
    // count still grows: each try takes an idempotency claim of its own.
    if (outageSince !== undefined && Date.now() - outageSince < (this.options.outageRetryMs ?? 0)) {
      await this.sendToRetry(msg, retries + 1, delays.length - 1, error, outageSince);
      this.deps.metrics.retries.inc({ consumer: this.name, level: 'outage' });
      return 'retried';
    }
    const reason: DeadLetterReason = error.transient ? 'retries_exhausted' : 'permanent_error';
    await this.deadLetter(msg, reason, error, retries, routingKey);
    if (event.documentId && this.spec.produces.includes('document.failed')) {
      const failed = next('document.failed', {
        stage: this.spec.service,
        error: { code: error.code, message: error.message, transient: error.transient },
        retries,
      });
      await this.deps.publishEvent(followUpEvent(`${this.name}/failed`, event, failed, 0));
    }
    return 'dead_lettered';
  }

  /** When the message first failed for an outage: its header if sane, else now. */
  private outageSince(msg: ConsumeMessage): number {
    const now = Date.now();
    const since = headerCount(msg.properties.headers?.[HEADERS.outageSince]);
    return since > 0 && since <= now ? since : now;
  }

  /** Re-publishes the message to the retry queue of `level` (0 = shortest) with a jittered delay. */
  private async sendToRetry(
    msg: ConsumeMessage,
    retries: number,
    level: number,
    error: ErrorSummary | Error,
    outageSince?: number,
  ): Promise<void> {
    const delays = this.options.retryDelaysMs;
    const index = Math.min(level, delays.length - 1, this.queues.retry.length - 1);
    const base = delays[index]!;
    const jitter = 1 + (Math.random() * 2 - 1) * this.options.retryJitter;
    const summary = error instanceof Error ? classifyError(error) : error;
    await this.deps.publisher.publish('', this.queues.retry[index]!, msg.content, {
      messageId: msg.properties.messageId ?? '',
      expirationMs: base * jitter,
      headers: {
        ...msg.properties.headers,
        [HEADERS.retries]: retries,
        [HEADERS.errorCode]: summary.code,
        [HEADERS.lastError]: summary.message.slice(0, 2000),
        ...(outageSince !== undefined ? { [HEADERS.outageSince]: outageSince } : {}),
        [HEADERS.originalRoutingKey]:
          msg.properties.headers?.[HEADERS.originalRoutingKey] ?? msg.fields.routingKey,
      },
    });
  }

  private async deadLetter(
    msg: ConsumeMessage,
    reason: DeadLetterReason,
    error: ErrorSummary & { details?: unknown },
    retries: number,
    routingKey = msg.fields.routingKey,
  ): Promise<Outcome> {
    await this.deps.publisher.publish(EXCHANGES.deadLetter.name, this.name, msg.content, {
      messageId: msg.properties.messageId ?? '',
      headers: {
        ...msg.properties.headers,
        [HEADERS.reason]: reason,
        [HEADERS.consumer]: this.name,
        [HEADERS.retries]: retries,
        [HEADERS.errorCode]: error.code,
        [HEADERS.lastError]: error.message.slice(0, 4000),
        [HEADERS.deadLetteredAt]: new Date().toISOString(),
        [HEADERS.originalExchange]: msg.fields.exchange,
        [HEADERS.originalRoutingKey]: routingKey,
        ...(error.details !== undefined
          ? { [HEADERS.details]: JSON.stringify(error.details).slice(0, 16_000) }
          : {}),
      },
    });
    this.deps.metrics.deadLetters.inc({ consumer: this.name, reason });
    this.deps.logger.warn(
      { consumer: this.name, reason, code: error.code, messageId: msg.properties.messageId },
      'message dead-lettered',
    );
    return 'dead_lettered';
  }
}
