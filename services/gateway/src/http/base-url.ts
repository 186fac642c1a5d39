import type { FastifyRequest } from 'fastify';

/** Where clients reach this API: the configured public URL, else the request's own host. */
export function baseUrl(request: FastifyRequest, configured: string | undefined): string {
  return (configured ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}
