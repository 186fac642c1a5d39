import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps';
import { registerAuth } from './http/auth';
import { registerErrorHandling } from './http/errors';
import { registerHttpMetrics } from './http/http-metrics';
import {
  answerClientError,
  answerFrameworkError,
  enforceRequestTimeout,
} from './http/protocol-errors';
import { trackRoutes } from './http/route-list';
import { refuseUndeclaredQueries, strictValidatorCompiler } from './http/strict-validation';
import { batchRoutes } from './http/routes/batches';
import { consoleRoutes } from './http/routes/console';
import { documentActionRoutes } from './http/routes/document-actions';
import { documentRoutes } from './http/routes/documents';
import { eventRoutes } from './http/routes/events';
import { operationRoutes } from './http/routes/operations';
import { jobRoutes } from './http/routes/jobs';
import { opsRoutes } from './http/routes/ops';
import { recordRoutes } from './http/routes/records';
import { reportRoutes } from './http/routes/reports';
import { tenantRoutes } from './http/routes/tenants';
import { webhookRoutes } from './http/routes/webhooks';

export const API_VERSION = '1.0.0';

/** Builds the REST API (nothing listens until `main.ts` calls `listen`). */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    // per-request lines would drown the logs; the RED metrics count requests instead
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // Fastify's defaults turn Node's limits off: a silent client would hold its connection (and
    // an upload's partial file) forever. The request timeout here covers a request that has not
    // reached its handler; enforceRequestTimeout covers the body the handler reads.
    connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  trackRoutes(app);
  enforceRequestTimeout(app, config.HTTP_REQUEST_TIMEOUT_MS);
  app.setValidatorCompiler(strictValidatorCompiler);
  refuseUndeclaredQueries(app);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app);
  registerHttpMetrics(app, deps.metrics.registry);
  registerAuth(app, {
    tenants: deps.tenants,
    failures: deps.authFailures,
    adminKey: config.ADMIN_API_KEY,
  });

  await app.register(helmet, { contentSecurityPolicy: false });
  if (config.CORS_ORIGINS.length > 0) {
    await app.register(cors, {
      origin: config.CORS_ORIGINS.includes('*') ? true : config.CORS_ORIGINS,
      exposedHeaders: ['idempotent-replayed', 'retry-after', 'x-ratelimit-remaining'],
    });
  }
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    max: (request) =>
      request.principal?.kind === 'tenant'
        ? (request.principal.tenant.rateLimit ?? config.RATE_LIMIT_MAX)
        : config.RATE_LIMIT_MAX,
    keyGenerator: (request) =>
      request.principal?.kind === 'tenant'
        ? `tenant:${request.principal.tenant._id}`
        : `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'RATE_LIMITED',
      // context.after is the time left until the window resets, not the window
      message: `rate limit of ${context.max} requests per ${describeWindow(config.RATE_LIMIT_WINDOW_MS)} reached; retry in ${context.ttl} ms`,
    }),
  });
  await app.register(multipart, { limits: { fileSize: config.MAX_UPLOAD_BYTES } });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'docflow API',
        version: API_VERSION,
        description:
          'Document intake: upload files, follow them through scanning, text extraction, classification and publication, and operate the pipeline.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API key as a bearer token' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
      tags: [
        { name: 'documents' },
        { name: 'batches' },
        { name: 'events' },
        { name: 'operations' },
        { name: 'tenants' },
        { name: 'records' },
        { name: 'jobs' },
        { name: 'reports' },
        { name: 'webhooks' },
      ],
    },
    transform: (input) => {
      const multipartBody = (input.schema as { multipartBody?: unknown } | undefined)
        ?.multipartBody;
      const out = jsonSchemaTransform(input);
      if (multipartBody) {
        const { multipartBody: _omit, ...rest } = out.schema as Record<string, unknown>;
        return { ...out, schema: { ...rest, body: multipartBody } as typeof out.schema };
      }
      return out;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  await app.register(opsRoutes(deps));
  await app.register(documentRoutes(deps));
  await app.register(documentActionRoutes(deps));
  await app.register(batchRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(operationRoutes(deps));
  await app.register(recordRoutes(deps));
  await app.register(jobRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(tenantRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(consoleRoutes(deps.consoleAssets ?? null));
  return app;
}

/** A rate-limit window as a person says it: `1 minute`, `90 seconds`, `1.5 seconds`. */
function describeWindow(ms: number): string {
  if (ms % 60_000 === 0) return ms === 60_000 ? '1 minute' : `${ms / 60_000} minutes`;
  return ms === 1000 ? '1 second' : `${ms / 1000} seconds`;
}
