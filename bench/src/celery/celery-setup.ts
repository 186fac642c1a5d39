import { execFile } from 'node:child_process';
import { existsSync, writeFileSync, rmSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@docflow/testing';

const run = promisify(execFile);

/** Where the anchor lives: beside the repository (`../shared/anchors/celery`) unless told. */
export function celeryAnchorDir(): string {
  return resolve(
    process.env.DOCFLOW_CELERY_ANCHOR ?? join(repoRoot, '..', 'shared', 'anchors', 'celery'),
  );
}

/** The anchor's Python: a venv of the repository's own, never one inside the anchor. */
export const celeryPython = join(repoRoot, '.tools', 'celery-anchor-venv', 'bin', 'python');

async function succeeds(file: string, args: string[]): Promise<boolean> {
  try {
    await run(file, args, { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes the anchor runnable, idempotently, as its own setup.sh would but outside its directory:
 * Debian's `redis-server` binary (installed without starting the system service), and a venv in
 * `.tools/celery-anchor-venv` with `celery[redis]==5.*` and `redis` from PyPI.
 */
export async function ensureCeleryAnchor(log: (line: string) => void): Promise<void> {
  const anchor = celeryAnchorDir();
  if (!existsSync(join(anchor, 'bench.py')) || !existsSync(join(anchor, 'tasks.py')))
    throw new Error(`no Celery anchor at ${anchor} (set DOCFLOW_CELERY_ANCHOR)`);
  if (!(await succeeds('redis-server', ['--version']))) {
    log('installing redis-server (Debian package; the system service is not started)');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const policy = '/usr/sbin/policy-rc.d';
    const temporaryPolicy = !existsSync(policy) && sudo.length === 0;
    if (temporaryPolicy) {
      writeFileSync(policy, '#!/bin/sh\nexit 101\n');
      chmodSync(policy, 0o755);
    }
    try {
      const apt = (args: string[]) =>
        run(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], {
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          timeout: 600_000,
          maxBuffer: 64 * 1024 * 1024,
        });
      await apt(['update', '-qq']);
      await apt(['install', '-y', '-qq', '--no-install-recommends', 'redis-server']);
    } finally {
      if (temporaryPolicy) rmSync(policy, { force: true });
    }
  }
  const ready = ['-c', 'import celery, redis; assert celery.__version__.startswith("5.")'];
  if (existsSync(celeryPython) && (await succeeds(celeryPython, ready))) return;
  log('creating .tools/celery-anchor-venv (celery[redis]==5.*, redis)');
  await run('python3', ['-m', 'venv', resolve(celeryPython, '../..')], { timeout: 120_000 });
  await run(celeryPython, ['-m', 'pip', 'install', '-q', 'celery[redis]==5.*', 'redis'], {
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}
