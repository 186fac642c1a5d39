import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { ManagementClient } from '@docflow/testing';

export interface Servers {
  amqpUrl: string;
  managementUrl: string;
  mongoUrl: string;
}

export interface Sandbox {
  /** The sandbox's own name: its vhost and its database. */
  name: string;
  amqpUrl: string;
  db: Db;
  dispose(): Promise<void>;
}

/** A fresh vhost and database per run, so every run starts from the same state. */
export async function sandbox(servers: Servers, prefix = 'bench'): Promise<Sandbox> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const management = new ManagementClient(servers.managementUrl);
  await management.createVhost(name);
  const url = new URL(servers.amqpUrl);
  url.pathname = `/${name}`;
  const client = await new MongoClient(servers.mongoUrl).connect();
  const db = client.db(name);
  return {
    name,
    amqpUrl: url.toString(),
    db,
    dispose: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await management.deleteVhost(name).catch(() => undefined);
    },
  };
}
