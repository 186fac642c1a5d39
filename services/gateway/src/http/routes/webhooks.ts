import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '@docflow/contracts';
import { weakSecretReason } from '@docflow/platform';
import type { AppDeps } from '../../app-deps';
import type { Webhook } from '../../adapters/webhook-repository';
import { tenantOf } from '../auth';
import { apiError } from '../errors';
import { errorResponses } from '../schemas';

const eventNameSchema = z
  .enum(['published', 'needs_review'])
  .describe('published: document.published; needs_review: document.needs_review.');

/**
 * Where deliveries go. Only http(s), no credentials in the URL. Whether the host may be loopback or
 * private is decided when delivering, after DNS resolution (the publisher's
 * WEBHOOK_ALLOW_PRIVATE_TARGETS), since a name can resolve anywhere.
 */
const urlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return ['http:', 'https:'].includes(url.protocol) && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'expected an http(s) URL without credentials');

const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(eventNameSchema),
  active: z.boolean(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const createdSchema = webhookSchema.extend({
  secret: z
    .string()
    .describe('The signing secret. Shown once: keep it to verify the Docflow-Signature header.'),
});

const view = (w: Webhook) => ({
  id: w._id,
  url: w.url,
  events: w.events,
  active: w.active,
  description: w.description ?? null,
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

/** A tenant's webhook endpoints: create (the secret is shown once), list, read, change, delete. */
export function webhookRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const notFound = () => apiError('NOT_FOUND', 'webhook not found');
    const tags = ['webhooks'];

    app.post(
      '/v1/webhooks',
      {
        schema: {
          summary: 'Register a webhook endpoint',
          tags,
          body: z.object({
            url: urlSchema,
            events: z.array(eventNameSchema).min(1).default(['published', 'needs_review']),
            secret: z
              .string()
              .min(16)
              .max(256)
              .refine(
                (secret) => weakSecretReason(secret) === undefined,
                'a placeholder (CHANGE-ME…) or well-known value is no secret: omit it to get a generated one',
              )
              .optional()
              .describe('Your own signing secret; generated (and shown once) when omitted.'),
            description: z.string().max(500).optional(),
          }),
          response: { 201: createdSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const webhook = await deps.webhooks.create(tenantOf(request)._id, request.body);
        void reply.code(201);
        return { ...view(webhook), secret: webhook.secret };
      },
    );

    app.get(
      '/v1/webhooks',
      {
        schema: {
          summary: "The tenant's webhook endpoints (without secrets)",
          tags,
          response: { 200: z.object({ items: z.array(webhookSchema) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await deps.webhooks.list(tenantOf(request)._id)).map(view),
      }),
    );

    app.get(
      '/v1/webhooks/:id',
      {
        schema: {
          summary: 'One webhook endpoint',
          tags,
          params: idParamsSchema,
          response: { 200: webhookSchema, ...errorResponses },
        },
      },
      async (request) => {
        const webhook = await deps.webhooks.get(tenantOf(request)._id, request.params.id);
        if (!webhook) throw notFound();
        return view(webhook);
      },
    );

    app.patch(
      '/v1/webhooks/:id',
      {
        schema: {
          summary: 'Change the URL, events, description, or pause (active: false)',
          tags,
          params: idParamsSchema,
          body: z
            .object({
              url: urlSchema.optional(),
              events: z.array(eventNameSchema).min(1).optional(),
              active: z.boolean().optional(),
              description: z.string().max(500).optional(),
            })
            .refine((body) => Object.keys(body).length > 0, 'nothing to change'),
          response: { 200: webhookSchema, ...errorResponses },
        },
      },
      async (request) => {
        const webhook = await deps.webhooks.update(
          tenantOf(request)._id,
          request.params.id,
          request.body,
        );
        if (!webhook) throw notFound();
        return view(webhook);
      },
    );

    app.delete(
      '/v1/webhooks/:id',
      {
        schema: {
          summary: 'Delete a webhook endpoint (pending deliveries to it are cancelled)',
          tags,
          params: idParamsSchema,
          response: { 204: z.null().describe('Deleted'), ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!(await deps.webhooks.remove(tenantOf(request)._id, request.params.id)))
          throw notFound();
        return reply.code(204).send(null);
      },
    );
  };
}
