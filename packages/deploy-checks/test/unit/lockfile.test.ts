import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockfileProblems, repoRoot } from '../../src';

/** A copy of the repository's manifests and lockfile that a test may break. */
function copyOfManifests(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockfile-'));
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { link?: boolean }>;
  };
  cpSync(join(repoRoot, 'package-lock.json'), join(dir, 'package-lock.json'));
  for (const path of Object.keys(lock.packages))
    if (!path.includes('node_modules/'))
      cpSync(join(repoRoot, path, 'package.json'), join(dir, path, 'package.json'));
  return dir;
}

describe('lockfile', () => {
  it('when the repository is checked, then package-lock.json is in sync with every package.json', () => {
    expect(lockfileProblems(repoRoot)).toEqual([]);
  });

  it('when a platform binary is missing from the lockfile, then the check names it', () => {
    const dir = copyOfManifests();
    try {
      const path = join(dir, 'package-lock.json');
      const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, unknown> };
      delete lock.packages['node_modules/@swc/core-darwin-arm64'];
      writeFileSync(path, JSON.stringify(lock));
      expect(lockfileProblems(dir)).toEqual([
        expect.stringMatching(/^node_modules\/@swc\/core needs @swc\/core-darwin-arm64@.*no entry/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a workspace declares a dependency the lockfile lacks, then the check names it', () => {
    const dir = copyOfManifests();
    try {
      const path = join(dir, 'packages/contracts/package.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
        dependencies: Record<string, string>;
      };
      manifest.dependencies['left-pad'] = '^1.3.0';
      writeFileSync(path, JSON.stringify(manifest));
      expect(lockfileProblems(dir)).toEqual([
        expect.stringMatching(/^packages\/contracts: package.json dependencies .*left-pad/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
