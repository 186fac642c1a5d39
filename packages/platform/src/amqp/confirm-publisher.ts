import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';
import { runtimeError } from '../errors';
import type { Logger } from '../logging';
import type { AmqpConnection } from './connection';
import { HEADERS } from './headers';

export interface PublishOptions {
  messageId: string;
  headers?: Record<string, unknown>;
  /** Per-message TTL in ms (used by retry queues). */
  expirationMs?: number;
  contentType?: string;
  type?: string;
  timestamp?: number;
}

interface Pending {
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Publishes on a confirm channel: `publish` resolves only once the broker has confirmed the message.
 * Messages are persistent and mandatory, so a message no queue takes fails with PUBLISH_UNROUTABLE
 * instead of vanishing. While the broker blocks publishers (memory or disk alarm) publishing waits,
 * up to `waitMs`, then fails as transient.
 */
export class ConfirmPublisher {
  private channel: ConfirmChannel | undefined;
  private readonly pending = new Map<string, Pending>();
  private readonly returned = new Set<string>();
  private drained: Promise<void> | undefined;
  private sequence = 0;
  private readonly instance = Math.random().toString(36).slice(2, 10);

  constructor(
    private readonly connection: AmqpConnection,
    private readonly logger: Logger,
    private readonly waitMs = 15_000,
  ) {}

  /** Registers the channel-opening hook on the connection. */
  attach(): Promise<void> {
    return this.connection.onConnect((model) => this.open(model));
  }

  async publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: PublishOptions,
  ): Promise<void> {
    await this.connection.waitUntilUnblocked(this.waitMs);
    if (!this.channel) await this.connection.waitForConnection(this.waitMs);
    if (this.drained) await this.drained;
    const channel = this.channel;
    if (!channel) throw runtimeError('BROKER_UNAVAILABLE', 'no publish channel');
    const publishId = `${this.instance}-${++this.sequence}`;
    const properties: Options.Publish = {
      persistent: true,
      mandatory: true,
      messageId: options.messageId,
      contentType: options.contentType ?? 'application/json',
      timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
      headers: { ...options.headers, [HEADERS.publishId]: publishId },
      ...(options.type ? { type: options.type } : {}),
      ...(options.expirationMs !== undefined
        ? { expiration: String(Math.max(0, Math.round(options.expirationMs))) }
        : {}),
    };
    await new Promise<void>((resolve, reject) => {
      this.pending.set(publishId, { resolve, reject });
      const settle = (err: unknown): void => {
        const entry = this.pending.get(publishId);
        if (!entry) return;
        this.pending.delete(publishId);
        if (err) {
          entry.reject(
            runtimeError('PUBLISH_NACKED', `broker did not confirm ${routingKey}`, { cause: err }),
          );
        } else if (this.returned.delete(publishId)) {
          entry.reject(
            runtimeError(
              'PUBLISH_UNROUTABLE',
              `no queue bound for "${routingKey}" on "${exchange || '(default)'}"`,
            ),
          );
        } else {
          entry.resolve();
        }
      };
      let hasRoom: boolean;
      try {
        hasRoom = channel.publish(exchange, routingKey, content, properties, settle);
      } catch (err) {
        this.pending.delete(publishId);
        reject(runtimeError('BROKER_UNAVAILABLE', 'publish channel is closed', { cause: err }));
        return;
      }
      if (!hasRoom && !this.drained) {
        this.drained = new Promise<void>((done) => channel.once('drain', done)).finally(() => {
          this.drained = undefined;
        });
      }
    });
  }

  private async open(model: ChannelModel): Promise<void> {
    const channel = await model.createConfirmChannel();
    channel.on('return', (message) => {
      const id = message.properties.headers?.[HEADERS.publishId];
      if (typeof id === 'string') this.returned.add(id);
    });
    channel.on('error', (err: Error) => this.logger.warn({ err }, 'publish channel error'));
    channel.on('close', () => {
      if (this.channel === channel) this.channel = undefined;
      this.failPending();
    });
    this.channel = channel;
  }

  /** Messages whose confirm can no longer arrive fail as transient, so callers retry. */
  private failPending(): void {
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      this.returned.delete(id);
      entry.reject(
        runtimeError('BROKER_UNAVAILABLE', 'channel closed before the broker confirmed'),
      );
    }
  }
}
