import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist');

/**
 * The JS budget, gzip: the entry chunk (everything but the document view's PDF engine) at most
 * 60 KB; pdf.js, loaded by the document view only, at most 200 KB; its worker (a separate asset
 * that runs off the page's thread) is not counted.
 */
export const BUDGET = { entryKb: 60, pdfKb: 200 };

const gzipKb = (file: string) => gzipSync(readFileSync(join(DIST, file))).length / 1024;

describe('the console build (npm run build writes packages/console/dist)', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const assets = readdirSync(join(DIST, 'assets')).map((f) => `assets/${f}`);

  it('when the entry chunk is gzipped, then it stays within its budget', () => {
    const entry = /<script type="module"[^>]*src="\/console\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    expect(gzipKb(entry!)).toBeLessThan(BUDGET.entryKb);
  });

  it('when pdf.js is gzipped, then it stays within its budget and sits in a chunk of its own', () => {
    const pdf = assets.filter((f) => /^assets\/pdf-[\w-]+\.js$/.test(f));
    expect(pdf).toHaveLength(1);
    expect(gzipKb(pdf[0]!)).toBeLessThan(BUDGET.pdfKb);
    expect(assets.some((f) => /pdf\.worker\.min-[\w-]+\.mjs$/.test(f))).toBe(true);
  });

  it('when index.html is read, then it has no inline script or style (the CSP refuses them)', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
  });

  it('when the assets are listed, then every name carries a content hash (they are cached as immutable)', () => {
    for (const file of assets) {
      expect(file).toMatch(/-[\w-]{8,}\.(js|mjs|css)$/);
      expect(statSync(join(DIST, file)).size).toBeGreaterThan(0);
    }
  });

  it('when the API types are generated again from docs/openapi.json, then they match the committed ones', () => {
    const cli = join(ROOT, '../../node_modules/openapi-typescript/bin/cli.js');
    execFileSync(
      process.execPath,
      [cli, '../../docs/openapi.json', '-o', 'src/api/schema.d.ts', '--check'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
  });
});
