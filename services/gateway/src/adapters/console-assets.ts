import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';

/** One built file of the review console, held in memory (the whole build is a few MB). */
export interface ConsoleAsset {
  body: Buffer;
  contentType: string;
  etag: string;
  /** Vite names files under `assets/` after their content hash: they never change. */
  immutable: boolean;
}

/** The console's files by path relative to its build folder (`index.html`, `assets/…`). */
export type ConsoleAssets = ReadonlyMap<string, ConsoleAsset>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

/**
 * The folder `npm run build` writes the console to (`packages/console/dist`), found through the
 * workspace package; null when the package or its build is missing (the gateway then answers
 * /console with 404 and a hint).
 */
export function defaultConsoleDir(): string | null {
  try {
    const dir = join(dirname(require.resolve('@docflow/console/package.json')), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : null;
  } catch {
    return null;
  }
}

/** Reads every file of a console build; a file of an unknown type is left out, never guessed. */
export async function loadConsoleAssets(dir: string): Promise<ConsoleAssets> {
  const assets = new Map<string, ConsoleAsset>();
  for (const path of await listFiles(dir)) {
    const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
    if (!contentType) continue;
    const name = relative(dir, path).split(sep).join('/');
    const body = await readFile(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    assets.set(name, { body, contentType, etag, immutable: name.startsWith('assets/') });
  }
  if (!assets.has('index.html')) throw new Error(`no index.html in the console build at ${dir}`);
  return assets;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
