import { z } from 'zod';
import { UsageError } from './cli-errors';
import { keyFor, parseCliConfig } from './cli-config';
import { createGatewayClient, type GatewayClient } from './gateway-client';
import type { ProgressOutput } from './progress-bar';

/** Where a command reads and writes: the process's, or a test's. */
export interface CliIo {
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  env: NodeJS.ProcessEnv;
}

/** What every command gets: output in the chosen form, and a gateway client on demand. */
export interface CliContext {
  io: CliIo;
  /** `--json`: stdout carries one JSON document, nothing else. */
  json: boolean;
  /** Prints `text` (human form) or `value` (with --json) to stdout. */
  print(text: string, value: unknown): void;
  /** A client of the gateway with the tenant key or the admin key from the environment. */
  gateway(kind: 'tenant' | 'admin'): GatewayClient;
}

export function createCliContext(io: CliIo, json: boolean): CliContext {
  return {
    io,
    json,
    print(text, value) {
      io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
    },
    gateway(kind) {
      const config = parseCliConfig(io.env);
      const { key, name } = keyFor(config, kind);
      return createGatewayClient({
        url: config.DOCFLOW_URL,
        key,
        keyName: name,
        onRateLimited: (seconds) =>
          io.stderr.write(`rate limited by the gateway (429); trying again in ${seconds} s\n`),
      });
    },
  };
}

/** `parseArgs` settings of every command: strict (an unknown option is a usage error), `--json`. */
export const strictArgs = (argv: string[]) =>
  ({ args: argv, allowPositionals: true, strict: true }) as const;
export const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** An argument checked with a schema; a failure names the argument. */
export function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new UsageError(`${what}: ${result.error.issues[0]?.message ?? 'not valid'}`);
  return result.data;
}

export const uuidArg = z.uuid('expected an id like 0b8c3f9e-…');
export const waitTimeoutArg = z.coerce
  .number('expected seconds')
  .positive('expected seconds above 0')
  .transform((s) => s * 1000);
