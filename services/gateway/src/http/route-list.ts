import type { FastifyInstance } from 'fastify';

const lists = new WeakMap<FastifyInstance, string[]>();

/** Records every route as "METHOD /path" while the app is built (used to check the API document). */
export function trackRoutes(app: FastifyInstance): void {
  const list: string[] = [];
  lists.set(app, list);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') list.push(`${method} ${route.url}`);
  });
}

export function routesOf(app: FastifyInstance): readonly string[] {
  return lists.get(app) ?? [];
}
