import { z } from 'zod';
import { DocflowError } from '../errors';
import { safeUrl } from '../logging';
import { refuseWeakSecret, refuseWeakUrlPassword } from './secrets';

/** Raised when the environment does not satisfy a service's config schema; lists every problem. */
export class ConfigError extends DocflowError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      'CONFIG_INVALID',
      `invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      {
        transient: false,
        details: { problems },
      },
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses the environment against a service's schema, once, at start. Every key of the schema is an
 * environment variable name. Empty strings count as unset so that `FOO=` falls back to the default.
 */
export function parseConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(config)';
    const shown = typeof issue.path[0] === 'string' && input[issue.path[0]] !== undefined;
    return `${key}: ${issue.message}${shown ? ` (got "${redactValue(issue.path[0] as string, input[issue.path[0] as string]!)}")` : ''}`;
  });
  throw new ConfigError(problems);
}

const secretKey = /(PASSWORD|SECRET|TOKEN|KEY)$/;
function redactValue(key: string, value: string): string {
  if (secretKey.test(key)) return '***';
  return safeUrl(value);
}

/** Helpers for common environment shapes. */
export const env = {
  int: (description: string, defaultValue: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
    z.coerce.number().int().min(min).max(max).default(defaultValue).describe(description),
  bool: (description: string, defaultValue: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .transform((v) => v === 'true' || v === '1' || v === 'yes')
      .default(defaultValue)
      .describe(description),
  /** A comma-separated list of positive integers, e.g. `1000,5000,25000`. */
  intList: (description: string, defaultValue: number[]) =>
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'expected comma-separated whole numbers, e.g. 1000,5000')
      .transform((s) => s.split(',').map((part) => Number(part.trim())))
      .default(defaultValue)
      .describe(description),
  url: (description: string, protocols: string[], defaultValue?: string) => {
    const base = urlSchema(description, protocols);
    return defaultValue === undefined ? base : base.default(defaultValue);
  },
  /**
   * The URL of a server whose credentials it may carry (broker, database): a placeholder password
   * is refused on any host, a well-known or empty one on any host but loopback.
   */
  serverUrl: (description: string, protocols: string[], defaultValue?: string) => {
    const base = refuseWeakUrlPassword(urlSchema(description, protocols));
    return defaultValue === undefined ? base : base.default(defaultValue);
  },
  /** A secret (key, password): placeholders, well-known values and short ones are refused. */
  secret: (description: string, minLength = 1) =>
    refuseWeakSecret(z.string().min(minLength, `at least ${minLength} characters`)).describe(
      description,
    ),
};

function urlSchema(description: string, protocols: string[]) {
  return z
    .string()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(':', ''));
        } catch {
          return false;
        }
      },
      `expected a URL with scheme ${protocols.join(' or ')}`,
    )
    .describe(description);
}
