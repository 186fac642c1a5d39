import { randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import { EXCHANGES, type AnyEvent } from '@docflow/contracts';
import { gatewayConfigSchema, startGateway } from '@docflow/gateway';
import { parseConfig } from '@docflow/platform';
import { createTenantRepository } from '@docflow/tenants';
import { createTestContext, type TestContext } from '@docflow/testing';

export const ADMIN_KEY = 'admin-key-for-tests-0123456789abcdef';

/** A real gateway (in this process, on a free port) for the command line to talk to. */
export interface Harness {
  ctx: TestContext;
  url: string;
  /** A new tenant and its first key. */
  tenant(options?: { rateLimit?: number }): Promise<{ id: string; key: string }>;
  /** Every event on the exchange, from the start on. */
  probe: { events: AnyEvent[] };
  /** Publishes an event as a stage service would. */
  publish(event: AnyEvent): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  name: string,
  env: Record<string, string> = {},
): Promise<Harness> {
  const ctx = await createTestContext(name);
  const gateway = await startGateway(
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
      ...env,
    }),
  );
  const model = await connect(ctx.amqpUrl);
  const channel = await model.createConfirmChannel();
  const events: AnyEvent[] = [];
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, EXCHANGES.events.name, '#');
  await channel.consume(
    queue,
    (msg) => {
      if (msg) events.push(JSON.parse(msg.content.toString('utf8')) as AnyEvent);
    },
    { noAck: true },
  );
  const tenants = createTenantRepository(ctx.db);
  return {
    ctx,
    url: `http://127.0.0.1:${gateway.port}`,
    probe: { events },
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
    async stop() {
      await model.close().catch(() => undefined);
      await gateway.stop();
      await ctx.cleanup();
    },
  };
}

export { documentEvent as stageEvent } from '@docflow/testing';
