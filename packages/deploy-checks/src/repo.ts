import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root (this package lives in packages/deploy-checks). */
export const repoRoot = resolve(__dirname, '../../..');

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/** Every YAML document of a text, as plain objects; throws on a YAML error. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
      return doc.toJS({ maxAliasCount: 1000 }) as unknown;
    })
    .filter((doc) => doc !== null && doc !== undefined);
}

/** Files under a folder (recursively) whose name ends with one of the suffixes. */
export function listFiles(dir: string, suffixes: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') return [];
    if (statSync(path).isDirectory()) return listFiles(path, suffixes);
    return suffixes.some((s) => entry.endsWith(s)) ? [path] : [];
  });
}

/** Runs scripts/tools.sh <tool> (installs or builds it once) and returns the tool's path. */
export function ensureTool(tool: 'promtool' | 'kustomize'): string {
  const out = execFileSync('bash', [repoPath('scripts/tools.sh'), tool], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 8 * 60_000,
  });
  const lines = out.trim().split('\n');
  const path = lines[lines.length - 1];
  if (!path) throw new Error(`scripts/tools.sh ${tool} printed no path`);
  return path;
}
