import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readInfraEnv, repoRoot, type TestServers } from './servers';

export type InfraServer = 'rabbitmq' | 'mongo' | 'clamd';

export interface PrivateInfra {
  readonly servers: Omit<TestServers, 'SOURCE'> & { CLAMD_URL: string };
  /** Stops one server (`mongo`: the MongoDB-protocol server only, its storage keeps running). */
  stop(server: InfraServer): Promise<void>;
  start(server: InfraServer): Promise<void>;
  /** Stops every server of this stack. */
  down(): Promise<void>;
}

const run = promisify(execFile);

/**
 * A second, private set of servers (broker, database, clamd) started by `scripts/infra.sh` with
 * its own data folder and every port shifted by `portOffset`, so a test may stop and restart
 * them without disturbing the suites that share the usual servers. Needs what `infra.sh up`
 * needs (Debian, root for missing packages).
 */
export async function startPrivateInfra(options: {
  portOffset: number;
  dataDir?: string;
}): Promise<PrivateInfra> {
  const dataDir = options.dataDir ?? join(repoRoot, '.data', `private-${options.portOffset}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOCFLOW_DATA_DIR: dataDir,
    DOCFLOW_INFRA_PORT_OFFSET: String(options.portOffset),
  };
  // URLs in the environment would mean "use that server, start none"
  for (const key of ['AMQP_URL', 'RABBITMQ_MANAGEMENT_URL', 'MONGODB_URL', 'CLAMD_URL'])
    delete env[key];
  const infra = async (...args: string[]) => {
    try {
      await run('bash', [join(repoRoot, 'scripts/infra.sh'), ...args], {
        env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 30 * 60_000,
      });
    } catch (err) {
      const { stderr, stdout } = err as { stderr?: string; stdout?: string };
      throw new Error(
        `scripts/infra.sh ${args.join(' ')} failed (data in ${dataDir}):\n${stdout ?? ''}${stderr ?? ''}`,
      );
    }
  };
  await infra('up');
  const servers = readInfraEnv(dataDir);
  if (!servers.CLAMD_URL) throw new Error(`${dataDir}/infra.env has no CLAMD_URL`);
  return {
    servers: { ...servers, CLAMD_URL: servers.CLAMD_URL },
    stop: (server) => infra('stop', server),
    start: (server) => infra('start', server),
    down: () => infra('down'),
  };
}
