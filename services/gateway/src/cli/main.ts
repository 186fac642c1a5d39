import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectMongo, ConfigError, parseConfig, runtimeConfigSchema } from '@docflow/platform';
import { createTenantRepository, type TenantRepository } from '../adapters/tenant-repository';

const USAGE = `docflow admin: tenants and API keys

  npm run docflow -- tenants create <name> [--rate-limit N] [--retention-days N]
  npm run docflow -- tenants list
  npm run docflow -- keys create <tenantId> [--label TEXT]
  npm run docflow -- keys list <tenantId>
  npm run docflow -- keys revoke <keyId>

Connects to MONGODB_URL / MONGODB_DATABASE (from the environment, else .data/infra.env).
A new key is printed once; only its hash is stored.`;

const configSchema = runtimeConfigSchema.pick({ MONGODB_URL: true, MONGODB_DATABASE: true });
const positive = z.coerce.number().int().min(1);

/** Environment with the local infrastructure's file as a fallback. */
function environment(): NodeJS.ProcessEnv {
  const file = resolve(__dirname, '../../../../.data/infra.env');
  const fromFile: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (match) fromFile[match[1]!] = match[2]!;
    }
  }
  return { ...fromFile, ...process.env };
}

async function run(repo: TenantRepository, argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'rate-limit': { type: 'string' },
      'retention-days': { type: 'string' },
      label: { type: 'string' },
    },
  });
  const [noun, verb, arg] = positionals;
  const need = (what: string): string => {
    if (!arg) throw new UsageError(`missing ${what}`);
    return arg;
  };
  switch (`${noun} ${verb}`) {
    case 'tenants create': {
      const tenant = await repo.create({
        name: need('<name>'),
        ...(values['rate-limit'] ? { rateLimit: positive.parse(values['rate-limit']) } : {}),
        ...(values['retention-days']
          ? { retentionDays: positive.parse(values['retention-days']) }
          : {}),
      });
      const key = await repo.createKey(tenant._id, 'initial');
      return `tenant ${tenant._id} (${tenant.name})\nkey id ${key.keyId}\nAPI key (shown once): ${key.key}`;
    }
    case 'tenants list':
      return (await repo.list())
        .map((t) => `${t._id}  ${t.name}  created ${t.createdAt.toISOString()}`)
        .join('\n');
    case 'keys create': {
      const tenantId = need('<tenantId>');
      if (!(await repo.get(tenantId))) throw new UsageError(`no tenant ${tenantId}`);
      const key = await repo.createKey(tenantId, values.label);
      return `key id ${key.keyId}\nAPI key (shown once): ${key.key}`;
    }
    case 'keys list':
      return (await repo.listKeys(need('<tenantId>')))
        .map(
          (k) =>
            `${k.keyId}  ${k.label ?? ''}  created ${k.createdAt.toISOString()}${k.revokedAt ? `  revoked ${k.revokedAt.toISOString()}` : ''}`,
        )
        .join('\n');
    case 'keys revoke': {
      const revoked = await repo.revokeKey(need('<keyId>'));
      if (!revoked) throw new UsageError(`no key ${arg}`);
      return `revoked ${revoked.keyId} of tenant ${revoked.tenantId}`;
    }
    default:
      throw new UsageError(noun ? `unknown command "${positionals.join(' ')}"` : 'no command');
  }
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 64 : 0;
  }
  const config = parseConfig(configSchema, environment());
  const mongo = await connectMongo({
    url: config.MONGODB_URL,
    database: config.MONGODB_DATABASE,
    appName: 'docflow-admin',
  });
  try {
    process.stdout.write(`${await run(createTenantRepository(mongo.db), argv)}\n`);
    return 0;
  } finally {
    await mongo.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof z.ZodError || err instanceof TypeError) {
      process.stderr.write(`error: ${err.message}\n\n${USAGE}\n`);
      process.exit(64);
    }
    process.stderr.write(`error: ${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  },
);
