import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The validator of every route: the route's zod schema, with its object (a body, a query string,
 * path parameters) made strict, so a key the route does not know is refused (400
 * VALIDATION_FAILED naming the key) instead of silently dropped. A client that misspells a
 * filter, or sends `$where` or `tenantId` hoping it reaches the database, learns so at once; and
 * a route added later is strict without having to remember it.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) =>
  validatorCompiler({ ...route, schema: strict(route.schema) });

function strict(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) return schema.strict();
  if (schema instanceof z.ZodOptional) return strict(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodDefault)
    return strict(schema.unwrap() as z.ZodType).default(schema.def.defaultValue as never);
  return schema;
}

/**
 * Gives every `/v1/` route that declares no query string an empty one, so the strict validator
 * refuses query parameters there too (`?$where=…` on a route that takes none is a mistake, not
 * something to ignore). Register before the routes.
 */
export function refuseUndeclaredQueries(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/') || route.schema?.querystring) return;
    route.schema = { ...route.schema, querystring: z.object({}) };
  });
}
