import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConsoleAsset, ConsoleAssets } from '../../adapters/console-assets';

/**
 * The review console's policy: scripts, styles, workers (pdf.js) and connections from this origin
 * only, nothing inline; images also from `blob:` (the original file, fetched with the key) and
 * `data:`; `wasm-unsafe-eval` for pdf.js's image decoders. No framing, no plugins, no forms.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the console's build at /console: hashed files under `assets/` are cached for a year as
 * immutable, everything else (index.html, the fallback for the app's own paths) is revalidated on
 * every load, so a new build is picked up at once. The API key never travels in these requests:
 * the app keeps it in session storage and sends it to /v1 only.
 */
export function consoleRoutes(assets: ConsoleAssets | null): FastifyPluginAsyncZod {
  return async (app) => {
    const answer = (reply: FastifyReply, asset: ConsoleAsset, ifNoneMatch: string | undefined) => {
      void reply
        .header('content-type', asset.contentType)
        .header('etag', asset.etag)
        .header(
          'cache-control',
          asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
        .header('content-security-policy', CONSOLE_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer');
      if (ifNoneMatch === asset.etag) return reply.code(304).send();
      return reply.send(asset.body);
    };
    const notBuilt = (reply: FastifyReply) =>
      reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(
          'The review console is not built: run `npm run build` (it writes packages/console/dist).\n',
        );

    app.get('/console', { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect('/console/', 308),
    );
    app.get<{ Params: { '*': string } }>(
      '/console/*',
      { schema: { hide: true } },
      async (request, reply) => {
        if (!assets) return notBuilt(reply);
        const path = request.params['*'];
        const file = assets.get(path);
        const ifNoneMatch = request.headers['if-none-match'];
        if (file) return answer(reply, file, ifNoneMatch);
        // a file that is not there is a 404; any other path is one of the app's own pages
        if (path.startsWith('assets/') || /\.[a-z0-9]+$/i.test(path))
          return reply.code(404).type('text/plain; charset=utf-8').send('not found\n');
        return answer(reply, assets.get('index.html')!, ifNoneMatch);
      },
    );
  };
}
