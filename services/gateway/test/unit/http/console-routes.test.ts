import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { loadConsoleAssets } from '../../../src/adapters/console-assets';
import { CONSOLE_CSP, consoleRoutes } from '../../../src/http/routes/console';

/** A console build with an index, one hashed script and a file of a type that is not served. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'docflow-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/console/assets/index-abc12345.js"></script>',
  );
  writeFileSync(join(dir, 'assets/index-abc12345.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets/notes.exe'), 'MZ');
  return dir;
}

const apps: { close: () => Promise<unknown> }[] = [];
afterAll(async () => Promise.all(apps.map((a) => a.close())));

/** A server with the console routes only; `get` fetches a path from it. */
async function appWith(dir: string | null) {
  const app = Fastify();
  apps.push(app);
  await app.register(consoleRoutes(dir ? await loadConsoleAssets(dir) : null));
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    get: async (path: string, headers: Record<string, string> = {}) => {
      const answer = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
      return {
        statusCode: answer.status,
        headers: Object.fromEntries(answer.headers),
        body: await answer.text(),
      };
    },
  };
}

describe('the console at /console', () => {
  it('when a hashed asset is asked for, then it is cached as immutable under the strict CSP', async () => {
    const app = await appWith(fakeBuild());
    const answer = await app.get('/console/assets/index-abc12345.js');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
  });

  it("when one of the app's own paths is asked for, then index.html answers and is revalidated on every load", async () => {
    const app = await appWith(fakeBuild());
    for (const path of ['/console/', '/console/documents/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed']) {
      const answer = await app.get(path);
      expect(answer.statusCode).toBe(200);
      expect(answer.body).toContain('<!doctype html>');
      expect(answer.headers['cache-control']).toBe('no-cache');
      const again = await app.get(path, { 'if-none-match': answer.headers.etag! });
      expect(again.statusCode).toBe(304);
    }
    expect((await app.get('/console')).headers.location).toBe('/console/');
  });

  it('when a missing file, a file of an unserved type or a path outside the build is asked for, then 404', async () => {
    const app = await appWith(fakeBuild());
    for (const path of [
      '/console/assets/gone-12345678.js',
      '/console/assets/notes.exe',
      '/console/../package.json',
      '/console/%2e%2e/package.json',
    ])
      expect([path, (await app.get(path)).statusCode]).toEqual([path, 404]);
  });

  it('when the console is not built, then /console says how to build it', async () => {
    const answer = await (await appWith(null)).get('/console/');
    expect(answer.statusCode).toBe(404);
    expect(answer.body).toContain('npm run build');
  });
});
