import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface TestServers {
  AMQP_URL: string;
  RABBITMQ_MANAGEMENT_URL: string;
  MONGODB_URL: string;
  CLAMD_URL?: string;
  /** Which MongoDB-protocol server answers (ferretdb-…, mongod, external, testcontainers). */
  MONGODB_SERVER: string;
  /** How they were found: env, testcontainers or local. */
  SOURCE: 'env' | 'testcontainers' | 'local';
}

export const repoRoot = resolve(__dirname, '../../..');

/** Parses KEY=VALUE lines (the local infrastructure's infra.env). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) out[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1');
  }
  return out;
}

function dockerEngineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'ignore',
      timeout: 5_000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the servers integration tests run against, in this order: URLs given in the environment;
 * testcontainers when a Docker engine answers; otherwise the local infrastructure script (started
 * if needed, idempotently). Returns the environment to hand to test workers.
 */
export async function provideServers(
  log: (line: string) => void = () => undefined,
): Promise<TestServers> {
  const env = process.env;
  if (env.AMQP_URL && env.MONGODB_URL && env.RABBITMQ_MANAGEMENT_URL) {
    return {
      AMQP_URL: env.AMQP_URL,
      RABBITMQ_MANAGEMENT_URL: env.RABBITMQ_MANAGEMENT_URL,
      MONGODB_URL: env.MONGODB_URL,
      ...(env.CLAMD_URL ? { CLAMD_URL: env.CLAMD_URL } : {}),
      MONGODB_SERVER: env.MONGODB_SERVER ?? 'external',
      SOURCE: 'env',
    };
  }
  if (env.DOCFLOW_TEST_INFRA !== 'local' && dockerEngineAnswers()) {
    log('starting RabbitMQ and MongoDB with testcontainers');
    const { startContainers } = await import('./containers.js');
    return startContainers();
  }
  log('using the local infrastructure (scripts/infra.sh up)');
  await promisify(execFile)('bash', [join(repoRoot, 'scripts/infra.sh'), 'up'], {
    env: { ...env },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 30 * 60_000,
  });
  const dataDir = env.DOCFLOW_DATA_DIR ? resolve(env.DOCFLOW_DATA_DIR) : join(repoRoot, '.data');
  return { ...readInfraEnv(dataDir), SOURCE: 'local' };
}

/** The servers `scripts/infra.sh up` wrote to `<dataDir>/infra.env`. */
export function readInfraEnv(dataDir: string): Omit<TestServers, 'SOURCE'> {
  const file = join(dataDir, 'infra.env');
  if (!existsSync(file)) throw new Error(`scripts/infra.sh up did not write ${file}`);
  const local = parseEnvFile(readFileSync(file, 'utf8'));
  for (const key of ['AMQP_URL', 'RABBITMQ_MANAGEMENT_URL', 'MONGODB_URL'] as const) {
    if (!local[key]) throw new Error(`${file} has no ${key}`);
  }
  return {
    AMQP_URL: local.AMQP_URL!,
    RABBITMQ_MANAGEMENT_URL: local.RABBITMQ_MANAGEMENT_URL!,
    MONGODB_URL: local.MONGODB_URL!,
    ...(local.CLAMD_URL ? { CLAMD_URL: local.CLAMD_URL } : {}),
    MONGODB_SERVER: local.MONGODB_SERVER ?? 'unknown',
  };
}
