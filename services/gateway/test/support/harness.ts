import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { connect } from 'amqplib';
import { EXCHANGES, type AnyEvent } from '@docflow/contracts';
import { parseConfig } from '@docflow/platform';
import { createTenantRepository } from '@docflow/tenants';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';
import { gatewayConfigSchema, startGateway } from '../../src/main';
import { randomUUID } from 'node:crypto';

export const ADMIN_KEY = 'admin-key-for-tests-0123456789abcdef';

export interface Harness {
  ctx: TestContext;
  url: string;
  gateway: Awaited<ReturnType<typeof startGateway>>;
  /** A new tenant and its first key. */
  tenant(options?: {
    rateLimit?: number;
    retentionDays?: number;
  }): Promise<{ id: string; key: string }>;
  /** Sees every event on the exchange, from now on. */
  probe: Probe;
  /** Publishes an event as another service would. */
  publish(event: AnyEvent): Promise<void>;
  /** Starts another gateway replica on the same database and broker (stopped by `stop`). */
  replica(env?: Record<string, string>): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

export class Probe {
  readonly events: AnyEvent[] = [];
  constructor(private readonly channel: Channel) {}
  static async attach(model: ChannelModel): Promise<Probe> {
    const channel = await model.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, EXCHANGES.events.name, '#');
    const probe = new Probe(channel);
    await channel.consume(
      queue,
      (msg: ConsumeMessage | null) => {
        if (msg) probe.events.push(JSON.parse(msg.content.toString('utf8')) as AnyEvent);
      },
      { noAck: true },
    );
    return probe;
  }
  async find(predicate: (e: AnyEvent) => boolean, what = 'event'): Promise<AnyEvent> {
    return waitFor(() => this.events.find(predicate), 15_000, what);
  }
}

export async function startHarness(
  name: string,
  env: Record<string, string> = {},
): Promise<Harness> {
  const ctx = await createTestContext(name);
  const start = (overrides: Record<string, string>) =>
    startGateway(
      parseConfig(gatewayConfigSchema, {
        ...ctx.env,
        LOG_LEVEL: 'warn',
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: '0',
        ADMIN_API_KEY: ADMIN_KEY,
        RABBITMQ_MANAGEMENT_URL: process.env.RABBITMQ_MANAGEMENT_URL ?? '',
        RETRY_DELAYS_MS: '100,200',
        OUTBOX_INTERVAL_MS: '200',
        OUTBOX_GRACE_MS: '500',
        SSE_HEARTBEAT_MS: '1000',
        ...overrides,
      }),
    );
  const gateway = await start(env);
  const replicas: Awaited<ReturnType<typeof startGateway>>[] = [];
  const model = await connect(ctx.amqpUrl);
  const channel = await model.createConfirmChannel();
  const probe = await Probe.attach(model);
  const tenants = createTenantRepository(ctx.db);
  return {
    ctx,
    url: `http://127.0.0.1:${gateway.port}`,
    gateway,
    probe,
    async tenant(options = {}) {
      const tenant = await tenants.create({ name: `t-${randomUUID().slice(0, 6)}`, ...options });
      const key = await tenants.createKey(tenant._id);
      return { id: tenant._id, key: key.key };
    },
    async publish(event) {
      channel.publish(EXCHANGES.events.name, event.type, Buffer.from(JSON.stringify(event)), {
        persistent: true,
        messageId: event.eventId,
      });
      await channel.waitForConfirms();
    },
    async replica(overrides = env) {
      const started = await start(overrides);
      replicas.push(started);
      return { url: `http://127.0.0.1:${started.port}`, port: started.port };
    },
    async stop() {
      await model.close().catch(() => undefined);
      for (const replica of replicas) await replica.stop();
      await gateway.stop();
      await ctx.cleanup();
    },
  };
}

export { documentEvent as stageEvent } from '@docflow/testing';

/** multipart body with files and optional fields. */
export function form(
  files: { name?: string; filename: string; content: string | Buffer; type?: string }[],
  fields: Record<string, string> = {},
): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  for (const f of files)
    body.append(
      f.name ?? 'file',
      new Blob([typeof f.content === 'string' ? Buffer.from(f.content) : f.content], {
        type: f.type ?? 'application/octet-stream',
      }),
      f.filename,
    );
  return body;
}

export async function call(
  h: Harness,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${h.url}${path}`, { method, headers, ...(body ? { body } : {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
