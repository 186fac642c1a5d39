import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectMongo, parseConfig, runtimeConfigSchema } from '@docflow/platform';
import { createTenantRepository, type TenantRepository } from '@docflow/tenants';
import { environmentWithInfraFile } from './cli-config';
import { checked, JSON_OPTION, strictArgs, type CliContext } from './cli-context';
import { EXIT, UsageError } from './cli-errors';

const mongoConfigSchema = runtimeConfigSchema.pick({ MONGODB_URL: true, MONGODB_DATABASE: true });
const positive = z.coerce.number().int().min(1, 'expected a whole number above 0');

/** `docflow tenants|keys …`: tenants and API keys, directly in MongoDB. */
export async function adminCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    ...strictArgs(argv),
    options: {
      ...JSON_OPTION,
      'rate-limit': { type: 'string' },
      'retention-days': { type: 'string' },
      label: { type: 'string' },
    },
  });
  const [noun, verb, arg] = positionals;
  const command = `${noun} ${verb ?? ''}`.trim();
  const need = (what: string): string => {
    if (!arg) throw new UsageError(`${command}: missing ${what}`);
    return arg;
  };
  const run = async (repo: TenantRepository): Promise<void> => {
    switch (command) {
      case 'tenants create': {
        const tenant = await repo.create({
          name: need('<name>'),
          ...(values['rate-limit']
            ? { rateLimit: checked(positive, values['rate-limit'], '--rate-limit') }
            : {}),
          ...(values['retention-days']
            ? { retentionDays: checked(positive, values['retention-days'], '--retention-days') }
            : {}),
        });
        const key = await repo.createKey(tenant._id, 'initial');
        ctx.print(
          `tenant ${tenant._id} (${tenant.name})\nkey id ${key.keyId}\nAPI key (shown once): ${key.key}`,
          { tenant, keyId: key.keyId, apiKey: key.key },
        );
        return;
      }
      case 'tenants list': {
        const tenants = await repo.list();
        ctx.print(
          tenants
            .map((t) => `${t._id}  ${t.name}  created ${t.createdAt.toISOString()}`)
            .join('\n'),
          tenants,
        );
        return;
      }
      case 'keys create': {
        const tenantId = need('<tenantId>');
        if (!(await repo.get(tenantId))) throw new UsageError(`no tenant ${tenantId}`);
        const key = await repo.createKey(tenantId, values.label);
        ctx.print(`key id ${key.keyId}\nAPI key (shown once): ${key.key}`, {
          keyId: key.keyId,
          tenantId,
          apiKey: key.key,
        });
        return;
      }
      case 'keys list': {
        const keys = await repo.listKeys(need('<tenantId>'));
        ctx.print(
          keys
            .map(
              (k) =>
                `${k.keyId}  ${k.label ?? ''}  created ${k.createdAt.toISOString()}${k.revokedAt ? `  revoked ${k.revokedAt.toISOString()}` : ''}`,
            )
            .join('\n'),
          keys,
        );
        return;
      }
      case 'keys revoke': {
        const revoked = await repo.revokeKey(need('<keyId>'));
        if (!revoked) throw new UsageError(`no key ${arg}`);
        ctx.print(`revoked ${revoked.keyId} of tenant ${revoked.tenantId}`, revoked);
        return;
      }
      default:
        throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    }
  };

  if (
    !['tenants create', 'tenants list', 'keys create', 'keys list', 'keys revoke'].includes(command)
  )
    throw new UsageError(`unknown command "${positionals.join(' ')}"`);
  const config = parseConfig(mongoConfigSchema, environmentWithInfraFile(ctx.io.env));
  const mongo = await connectMongo({
    url: config.MONGODB_URL,
    database: config.MONGODB_DATABASE,
    appName: 'docflow-cli',
  });
  try {
    await run(createTenantRepository(mongo.db));
    return EXIT.ok;
  } finally {
    await mongo.close();
  }
}
