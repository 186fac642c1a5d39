import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './servers';

/** The six services, in pipeline order, with the ops port each uses by default. */
export const SERVICE_NAMES = [
  'gateway',
  'scanner',
  'ocr',
  'classifier',
  'publisher',
  'scheduler',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceProcesses {
  readonly started: ServiceName[];
  readonly skipped: ServiceName[];
  /** The child process of a service (undefined when it was not built). */
  process(name: ServiceName): ChildProcess | undefined;
  /** Starts a service again (after it was killed), with the same environment. */
  restart(name: ServiceName): void;
  /** SIGTERM to every child, SIGKILL after `graceMs`; resolves when all have exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs built services (`services/<name>/dist/main.js`) as separate OS processes, each line of
 * their output handed to `onLine` with the service's name. Used by the demo and the end-to-end
 * tests. A service without a build is skipped and reported.
 */
export function startServiceProcesses(options: {
  names?: readonly ServiceName[];
  env: (name: ServiceName) => NodeJS.ProcessEnv;
  onLine: (name: ServiceName, line: string) => void;
  onExit?: (name: ServiceName, code: number | null, signal: NodeJS.Signals | null) => void;
}): ServiceProcesses {
  const children = new Map<ServiceName, ChildProcess>();
  const started: ServiceName[] = [];
  const skipped: ServiceName[] = [];
  let stopping = false;

  const launch = (name: ServiceName): void => {
    const main = join(repoRoot, 'services', name, 'dist', 'main.js');
    const child = spawn(process.execPath, [main], {
      env: options.env(name),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let rest = '';
    const read = (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onLine(name, line);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code, signal) => {
      if (!stopping) options.onExit?.(name, code, signal);
    });
    children.set(name, child);
  };

  for (const name of options.names ?? SERVICE_NAMES) {
    if (!existsSync(join(repoRoot, 'services', name, 'dist', 'main.js'))) {
      skipped.push(name);
      continue;
    }
    launch(name);
    started.push(name);
  }

  return {
    started,
    skipped,
    process: (name) => children.get(name),
    restart: launch,
    async stop(graceMs = 15_000) {
      stopping = true;
      await Promise.all(
        [...children.values()].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
            }),
        ),
      );
    },
  };
}
