import type { FastifyInstance, FastifyRequest } from 'fastify';
import { keyIdOf, sameSecret, type Tenant, type TenantRepository } from '@docflow/tenants';
import type { AuthFailureLimit } from '../domain/auth-failure-limit';
import { apiError } from './errors';

/** Who is calling: a tenant's key, or the operator's admin key. */
export type Principal = { kind: 'tenant'; tenant: Tenant; keyId: string } | { kind: 'admin' };

/** What a route requires: a tenant key, the admin key, either, or nothing. */
export type AuthRequirement = 'tenant' | 'admin' | 'any' | 'none';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
}

/** The presented key: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey.length > 0 ? apiKey : undefined;
}

/**
 * Authenticates every request whose route asks for it (`/v1/` routes default to a tenant key).
 * A presented key that is wrong counts as a failure of the client's address and of the key id it
 * names; an address or key id with too many failures in the window is refused before its key is
 * looked at (`AuthFailureLimit`), so guessing costs the guesser, not the key store.
 */
export function registerAuth(
  app: FastifyInstance,
  deps: { tenants: TenantRepository; failures: AuthFailureLimit; adminKey: string | undefined },
): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (!url) return; // no route: the not-found handler answers
    const required: AuthRequirement =
      request.routeOptions.config?.auth ?? (url.startsWith('/v1/') ? 'tenant' : 'none');
    if (required === 'none') return;
    const key = presentedKey(request);
    if (!key) throw apiError('UNAUTHORIZED', 'send an API key: Authorization: Bearer <key>');
    const keyId = keyIdOf(key);
    const attempt = { address: request.ip, ...(keyId ? { keyId } : {}) };
    await deps.failures.check(attempt);
    if (deps.adminKey && sameSecret(key, deps.adminKey)) {
      if (required === 'tenant')
        throw apiError(
          'FORBIDDEN',
          'the admin key manages tenants; use a tenant key for documents',
        );
      request.principal = { kind: 'admin' };
      return;
    }
    const found = await deps.tenants.authenticate(key);
    if (!found) {
      await deps.failures.fail(attempt);
      throw apiError(
        'UNAUTHORIZED',
        required === 'admin'
          ? 'this endpoint needs the admin key'
          : 'the API key is unknown or revoked',
      );
    }
    if (required === 'admin') throw apiError('UNAUTHORIZED', 'this endpoint needs the admin key');
    request.principal = { kind: 'tenant', tenant: found.tenant, keyId: found.keyId };
  });
}

/** The calling tenant (routes with `auth: 'tenant'` only). */
export function tenantOf(request: FastifyRequest): Tenant {
  if (request.principal?.kind !== 'tenant') throw apiError('UNAUTHORIZED');
  return request.principal.tenant;
}
