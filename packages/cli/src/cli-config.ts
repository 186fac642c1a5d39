import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { env, parseConfig } from '@docflow/platform';
import { UsageError } from './cli-errors';

const key = (description: string) =>
  z
    .string()
    .regex(/^[\x21-\x7e]{1,512}$/, 'expected visible characters without spaces')
    .optional()
    .describe(description);

/** What the HTTP commands read from the environment. */
export const cliConfigSchema = z.object({
  DOCFLOW_URL: env
    .url('Base URL of a running gateway.', ['http', 'https'], 'http://127.0.0.1:8080')
    .transform((url) => url.replace(/\/+$/, '')),
  DOCFLOW_API_KEY: key('A tenant API key: uploads, documents, batches.'),
  DOCFLOW_ADMIN_KEY: key('The admin key: dead letters.'),
  ADMIN_API_KEY: key("The gateway's own admin key, used when DOCFLOW_ADMIN_KEY is not set."),
});
export type CliConfig = z.infer<typeof cliConfigSchema>;

export const parseCliConfig = (environment: NodeJS.ProcessEnv): CliConfig =>
  parseConfig(cliConfigSchema, environment);

/** The key a command needs, with the variable it came from (named in error messages). */
export function keyFor(config: CliConfig, kind: 'tenant' | 'admin'): { key: string; name: string } {
  if (kind === 'tenant') {
    if (!config.DOCFLOW_API_KEY)
      throw new UsageError(
        'DOCFLOW_API_KEY is not set: export a tenant API key (docflow tenants create <name> prints one)',
      );
    return { key: config.DOCFLOW_API_KEY, name: 'DOCFLOW_API_KEY' };
  }
  if (config.DOCFLOW_ADMIN_KEY) return { key: config.DOCFLOW_ADMIN_KEY, name: 'DOCFLOW_ADMIN_KEY' };
  if (config.ADMIN_API_KEY) return { key: config.ADMIN_API_KEY, name: 'ADMIN_API_KEY' };
  throw new UsageError(
    "DOCFLOW_ADMIN_KEY is not set: export the gateway's admin key (its ADMIN_API_KEY)",
  );
}

/** The process environment over the local servers' file (`.data/infra.env`), when it exists. */
export function environmentWithInfraFile(
  processEnv: NodeJS.ProcessEnv = process.env,
  file = resolve(__dirname, '../../../.data/infra.env'),
): NodeJS.ProcessEnv {
  const fromFile: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (match) fromFile[match[1]!] = match[2]!;
    }
  }
  return { ...fromFile, ...processEnv };
}
