import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { ManagementClient } from './management';
import type { TestServers } from './servers';

export interface TestContext {
  /** AMQP URL pointing at this suite's own vhost. */
  amqpUrl: string;
  vhost: string;
  mongoUrl: string;
  databaseName: string;
  db: Db;
  management: ManagementClient;
  /** Environment for a service process bound to this suite's vhost and database. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: integration tests need the global setup (jest --selectProjects integration)`,
    );
  return value;
}

/**
 * A fresh vhost and database for one test suite, so suites run side by side and never see each
 * other's messages or documents. `cleanup` deletes both. `servers` defaults to the ones the global
 * setup found.
 */
export async function createTestContext(
  name: string,
  servers?: Pick<TestServers, 'AMQP_URL' | 'RABBITMQ_MANAGEMENT_URL' | 'MONGODB_URL'>,
): Promise<TestContext> {
  const server = (key: 'AMQP_URL' | 'RABBITMQ_MANAGEMENT_URL' | 'MONGODB_URL') =>
    servers?.[key] ?? required(key);
  const suffix = randomBytes(4).toString('hex');
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const vhost = `test_${slug}_${suffix}`;
  const management = new ManagementClient(server('RABBITMQ_MANAGEMENT_URL'));
  await management.createVhost(vhost);
  const base = new URL(server('AMQP_URL'));
  base.pathname = `/${encodeURIComponent(vhost)}`;
  const amqpUrl = base.toString();
  const mongoUrl = server('MONGODB_URL');
  const databaseName = `test_${slug}_${suffix}`;
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(databaseName);
  return {
    amqpUrl,
    vhost,
    mongoUrl,
    databaseName,
    db,
    management,
    env: { AMQP_URL: amqpUrl, MONGODB_URL: mongoUrl, MONGODB_DATABASE: databaseName },
    cleanup: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await management.deleteVhost(vhost).catch(() => undefined);
    },
  };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}
