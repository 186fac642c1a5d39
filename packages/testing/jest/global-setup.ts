import { safeUrl } from '@docflow/platform';
import { provideServers } from '../src/servers';

/** Finds or starts the servers once per run and hands their URLs to every test worker. */
export default async function globalSetup(): Promise<void> {
  const servers = await provideServers((line) => process.stderr.write(`[test servers] ${line}\n`));
  for (const [key, value] of Object.entries(servers)) if (value) process.env[key] = value;
  process.stderr.write(
    `[test servers] ${servers.SOURCE}: broker ${safeUrl(servers.AMQP_URL)}, database ${servers.MONGODB_SERVER} at ${servers.MONGODB_URL}\n`,
  );
}
