import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Values that are no secret: placeholders from templates and the defaults of the tools docflow
 * runs beside (RabbitMQ's guest, Grafana's admin, the compose file's former docflow), compared
 * without regard to case.
 */
const WELL_KNOWN = new Set([
  '',
  'changeme',
  'change-me',
  'change_me',
  'guest',
  'docflow',
  'password',
  'secret',
  'admin',
  'root',
]);
/** Anything that contains CHANGE-ME, CHANGEME or CHANGE_ME is a template's placeholder. */
const PLACEHOLDER = /change[-_ ]?me/i;

/** Why `value` cannot be a secret (a placeholder or a well-known value), or undefined. */
export function weakSecretReason(value: string): string | undefined {
  if (PLACEHOLDER.test(value)) return 'is a placeholder (CHANGE-ME); set a secret of your own';
  if (WELL_KNOWN.has(value.trim().toLowerCase()))
    return value === ''
      ? 'is empty; set a secret of your own'
      : 'is a well-known default, not a secret; set a secret of your own';
  return undefined;
}

/** Hosts only this machine can reach: 127.0.0.0/8, ::1, localhost and *.localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/**
 * Why the password inside a connection URL is refused, or undefined. A URL without a password
 * (no credentials, or a mechanism that needs none) is not checked. A placeholder is refused on any
 * host; a well-known password (RabbitMQ's guest:guest, the local development servers' defaults)
 * only on a host other than loopback, since only local development servers run on loopback.
 */
export function weakUrlPasswordReason(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // the URL check of the key reports it
  }
  if (!url.username && !url.password) return undefined;
  const password = safeDecode(url.password);
  if (PLACEHOLDER.test(password) || PLACEHOLDER.test(safeDecode(url.username)))
    return 'has a placeholder password (CHANGE-ME); set the real one';
  if (isLoopbackHost(url.hostname)) return undefined;
  if (weakSecretReason(password))
    return `has a well-known or empty password for ${url.hostname}, which is not loopback; set a password of your own`;
  return undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Adds the placeholder/well-known check to a string schema of a secret. */
export function refuseWeakSecret<S extends z.ZodType<string>>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const reason = weakSecretReason(value);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  }) as unknown as S;
}

/** Adds the password check to a URL schema (AMQP_URL, MONGODB_URL, RABBITMQ_MANAGEMENT_URL). */
export function refuseWeakUrlPassword<S extends z.ZodType<string>>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const reason = weakUrlPasswordReason(value);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  }) as unknown as S;
}
