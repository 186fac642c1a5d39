import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KeyView, Tenant } from '@docflow/tenants';
import type { AppDeps } from '../../app-deps';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';

const tenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  rateLimit: z.number().int().nullable(),
  retentionDays: z.number().int().nullable(),
});
const keySchema = z.object({
  keyId: z.string(),
  tenantId: z.string(),
  label: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const issuedKeySchema = keySchema.extend({
  key: z.string().describe('The API key. Shown once: only its hash is stored.'),
});

const tenantView = (t: Tenant) => ({
  id: t._id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  rateLimit: t.rateLimit ?? null,
  retentionDays: t.retentionDays ?? null,
});
const keyView = (k: KeyView) => ({
  keyId: k.keyId,
  tenantId: k.tenantId,
  label: k.label ?? null,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt ? k.revokedAt.toISOString() : null,
});

/** Tenants and API keys (admin key only); the same operations as `npm run docflow -- tenants …`. */
export function tenantRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const admin = { auth: 'admin' as const };
    app.post(
      '/v1/tenants',
      {
        config: admin,
        schema: {
          summary: 'Create a tenant with a first API key (admin)',
          tags: ['tenants'],
          body: z.object({
            name: z.string().min(1).max(200),
            rateLimit: z.number().int().min(1).optional(),
            retentionDays: z.number().int().min(1).optional(),
          }),
          response: {
            201: z.object({ tenant: tenantSchema, apiKey: issuedKeySchema }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const tenant = await deps.tenants.create(request.body);
        const key = await deps.tenants.createKey(tenant._id, 'initial');
        void reply.code(201);
        return { tenant: tenantView(tenant), apiKey: { ...keyView(key), key: key.key } };
      },
    );

    app.get(
      '/v1/tenants',
      {
        config: admin,
        schema: {
          summary: 'List tenants (admin)',
          tags: ['tenants'],
          response: { 200: z.object({ items: z.array(tenantSchema) }), ...errorResponses },
        },
      },
      async () => ({ items: (await deps.tenants.list()).map(tenantView) }),
    );

    const tenantParams = z.object({ id: z.string().min(1).max(64) });
    app.post(
      '/v1/tenants/:id/keys',
      {
        config: admin,
        schema: {
          summary: 'Issue another API key for a tenant (admin)',
          tags: ['tenants'],
          params: tenantParams,
          body: z
            .object({ label: z.string().max(200).optional() })
            .optional()
            .default({}),
          response: { 201: issuedKeySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!(await deps.tenants.get(request.params.id))) throw apiError('TENANT_NOT_FOUND');
        const key = await deps.tenants.createKey(request.params.id, request.body.label);
        void reply.code(201);
        return { ...keyView(key), key: key.key };
      },
    );

    app.get(
      '/v1/tenants/:id/keys',
      {
        config: admin,
        schema: {
          summary: "A tenant's API keys, without the secrets (admin)",
          tags: ['tenants'],
          params: tenantParams,
          response: { 200: z.object({ items: z.array(keySchema) }), ...errorResponses },
        },
      },
      async (request) => {
        if (!(await deps.tenants.get(request.params.id))) throw apiError('TENANT_NOT_FOUND');
        return { items: (await deps.tenants.listKeys(request.params.id)).map(keyView) };
      },
    );

    app.delete(
      '/v1/keys/:keyId',
      {
        config: admin,
        schema: {
          summary: 'Revoke an API key (admin)',
          tags: ['tenants'],
          params: z.object({ keyId: z.string().regex(/^[a-f0-9]{12}$/) }),
          response: { 200: keySchema, ...errorResponses },
        },
      },
      async (request) => {
        const revoked = await deps.tenants.revokeKey(request.params.keyId);
        if (!revoked) throw apiError('NOT_FOUND', 'no such key');
        return keyView(revoked);
      },
    );
  };
}
