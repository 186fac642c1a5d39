import { connect, type ChannelModel } from 'amqplib';
import { runtimeError } from '../errors';
import { safeUrl, type Logger } from '../logging';
import type { Metrics } from '../metrics';

export type ConnectHook = (model: ChannelModel) => Promise<void>;

export interface AmqpConnectionOptions {
  url: string;
  /** Shown in the broker's management UI. */
  name: string;
  logger: Logger;
  metrics?: Metrics;
  reconnectMaxMs?: number;
}

/**
 * One broker connection per process that reconnects with exponential backoff and jitter. Hooks
 * registered with `onConnect` (topology, publisher channel, consumers) run in order on every
 * (re)connection, so a broker restart or a connection closed from the broker side heals itself.
 */
export class AmqpConnection {
  private model: ChannelModel | undefined;
  private readonly hooks: ConnectHook[] = [];
  private closing = false;
  private connecting: Promise<void> | undefined;
  private connections = 0;
  private blockedReason: string | undefined;
  private unblockWaiters: (() => void)[] = [];
  private connectWaiters: (() => void)[] = [];

  constructor(private readonly options: AmqpConnectionOptions) {}

  get isConnected(): boolean {
    return this.model !== undefined;
  }

  get isBlocked(): boolean {
    return this.blockedReason !== undefined;
  }

  /** Registers a hook; runs it at once if already connected. */
  async onConnect(hook: ConnectHook): Promise<void> {
    this.hooks.push(hook);
    if (this.model) await hook(this.model);
  }

  /** Connects, retrying until it succeeds or `close()` is called. */
  start(): Promise<void> {
    this.connecting ??= this.connectLoop().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /** Resolves when connected (or rejects after `timeoutMs`). */
  async waitForConnection(timeoutMs: number): Promise<ChannelModel> {
    if (this.model) return this.model;
    await waitFor(this.connectWaiters, timeoutMs, () => runtimeError('BROKER_UNAVAILABLE'));
    if (!this.model) throw runtimeError('BROKER_UNAVAILABLE');
    return this.model;
  }

  /** Resolves when the broker is not blocking publishers (or rejects after `timeoutMs`). */
  async waitUntilUnblocked(timeoutMs: number): Promise<void> {
    if (!this.blockedReason) return;
    await waitFor(this.unblockWaiters, timeoutMs, () =>
      runtimeError('BROKER_BLOCKED', `broker is blocking publishers: ${this.blockedReason}`),
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    const model = this.model;
    this.model = undefined;
    if (model) await model.close().catch(() => undefined);
  }

  private async connectLoop(): Promise<void> {
    const maxDelay = this.options.reconnectMaxMs ?? 10_000;
    let attempt = 0;
    while (!this.closing) {
      try {
        await this.connectOnce();
        return;
      } catch (err) {
        attempt += 1;
        const delay =
          Math.min(maxDelay, 100 * 2 ** Math.min(attempt, 16)) * (0.8 + Math.random() * 0.4);
        this.options.logger.warn(
          { err, attempt, retryInMs: Math.round(delay), url: safeUrl(this.options.url) },
          'broker connection failed; retrying',
        );
        await sleep(delay);
      }
    }
  }

  private async connectOnce(): Promise<void> {
    const model = await connect(this.options.url, {
      clientProperties: { connection_name: this.options.name },
    });
    model.on('error', (err: Error) => this.options.logger.warn({ err }, 'broker connection error'));
    model.on('blocked', (reason: string) => {
      this.blockedReason = reason;
      this.options.logger.warn({ reason }, 'broker blocked publishing');
    });
    model.on('unblocked', () => {
      this.blockedReason = undefined;
      this.options.logger.info('broker unblocked publishing');
      flush(this.unblockWaiters);
    });
    model.on('close', () => this.onClosed(model));
    try {
      for (const hook of this.hooks) await hook(model);
    } catch (err) {
      await model.close().catch(() => undefined);
      throw err;
    }
    this.model = model;
    this.connections += 1;
    if (this.connections > 1) this.options.metrics?.brokerReconnects.inc();
    this.options.metrics?.brokerConnected.set(1);
    this.options.logger.info(
      { url: safeUrl(this.options.url), connection: this.connections },
      'broker connected',
    );
    flush(this.connectWaiters);
  }

  private onClosed(model: ChannelModel): void {
    if (this.model !== model) return;
    this.model = undefined;
    this.blockedReason = undefined;
    this.options.metrics?.brokerConnected.set(0);
    if (this.closing) return;
    this.options.logger.warn('broker connection closed; reconnecting');
    void this.start();
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

function flush(waiters: (() => void)[]): void {
  for (const resolve of waiters.splice(0)) resolve();
}

function waitFor(
  waiters: (() => void)[],
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const index = waiters.indexOf(done);
      if (index >= 0) waiters.splice(index, 1);
      reject(onTimeout());
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    waiters.push(done);
  });
}
