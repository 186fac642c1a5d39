import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Deps = Record<string, string>;

interface LockEntry {
  version?: string;
  resolved?: string;
  link?: boolean;
  dependencies?: Deps;
  devDependencies?: Deps;
  optionalDependencies?: Deps;
  peerDependencies?: Deps;
}

interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

const DECLARED = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * What makes `npm ci` refuse a lockfile, checked without the registry: a workspace (or the root)
 * whose package.json declares other dependencies than its lockfile entry records, and a package
 * whose dependency — optional ones included, such as other platforms' native binaries — has no
 * entry where Node would resolve it. Empty when the lockfile is in sync.
 */
export function lockfileProblems(root: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
  if (lock.lockfileVersion < 2) return [`lockfileVersion ${lock.lockfileVersion}: npm 7+ writes 3`];
  const problems: string[] = [];
  const workspaces = Object.entries(lock.packages).filter(
    ([path, entry]) => !path.includes('node_modules/') && !entry.link,
  );
  for (const [path] of workspaces) {
    const manifestPath = join(root, path, 'package.json');
    if (!existsSync(manifestPath)) {
      problems.push(`${path || '.'}: in the lockfile but has no package.json`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, Deps>;
    const entry = lock.packages[path]!;
    for (const field of DECLARED) {
      const declared = JSON.stringify(sorted(manifest[field]));
      const locked = JSON.stringify(sorted(entry[field]));
      if (declared !== locked)
        problems.push(
          `${path || '.'}: package.json ${field} ${declared} but the lockfile records ${locked}`,
        );
    }
  }
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.link || !path.includes('node_modules/')) continue;
    for (const [name, range] of Object.entries({
      ...entry.dependencies,
      ...entry.optionalDependencies,
    })) {
      const found = resolveIn(lock, path, name);
      if (!found) problems.push(`${path} needs ${name}@${range}: no entry in the lockfile`);
      else if (/^\d+\.\d+\.\d+$/.test(range) && found.version !== range)
        problems.push(`${path} needs ${name}@${range}: the lockfile has ${found.version}`);
    }
  }
  return problems;
}

function sorted(deps: Deps | undefined): Deps {
  return Object.fromEntries(Object.entries(deps ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

/** The entry Node would load for `name` required from the package at `from` (links followed). */
function resolveIn(lock: Lockfile, from: string, name: string): LockEntry | undefined {
  const parts = from.split('/');
  for (let i = parts.length; i >= 0; i--) {
    const prefix = parts.slice(0, i).join('/');
    if (parts[i - 1] === 'node_modules') continue;
    const entry = lock.packages[`${prefix ? `${prefix}/` : ''}node_modules/${name}`];
    if (entry) return entry.link && entry.resolved ? lock.packages[entry.resolved] : entry;
  }
  return undefined;
}
