import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app-deps';

/** /metrics, /healthz and /readyz on the API port (no key, no rate limit, not in the API docs). */
export function opsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const config = { auth: 'none' as const, rateLimit: false as const };
    app.get('/metrics', { config, schema: { hide: true } }, async (_request, reply) => {
      void reply.header('content-type', deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    });
    app.get('/healthz', { config, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config, schema: { hide: true } }, async (_request, reply) => {
      const checks = await deps.readiness();
      const ready = Object.values(checks).every(Boolean);
      void reply.code(ready ? 200 : 503);
      return { status: ready ? 'ready' : 'not_ready', checks };
    });
  };
}
