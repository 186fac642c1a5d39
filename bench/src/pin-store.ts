import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { SERVER_PROCESSES } from './pipeline/process-cpu';

const run = promisify(execFile);

const STORE: readonly string[] = SERVER_PROCESSES.store;
const OTHERS = [...SERVER_PROCESSES.broker, 'clamd'];

export interface StorePinning {
  storeCores: string;
  otherCores: string;
  /** Processes moved, by name. */
  pinned: Record<string, number>;
  /** Gives every process back every core. */
  restore(): Promise<void>;
}

async function pidsOf(name: string): Promise<number[]> {
  try {
    const { stdout } = await run('pgrep', ['-x', name]);
    return stdout.split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function setAffinity(pid: number, cores: string): Promise<boolean> {
  try {
    await run('taskset', ['-a', '-p', '-c', cores, String(pid)]);
    return true;
  } catch {
    return false; // gone meanwhile
  }
}

/**
 * `--pin-store`: the store's processes (FerretDB and its PostgreSQL, or mongod) on the last core,
 * everything else (this process and so every service it starts, the broker, clamd) on the others,
 * as when the store runs on a machine of its own. A PostgreSQL backend forked later inherits the
 * postmaster's cores.
 */
export async function pinStore(): Promise<StorePinning> {
  const cores = availableParallelism();
  if (cores < 2) throw new Error('--pin-store needs at least 2 cores');
  const storeCores = String(cores - 1);
  const otherCores = cores === 2 ? '0' : `0-${cores - 2}`;
  const pinned: Record<string, number> = {};
  const move = async (names: readonly string[], where: string) => {
    for (const name of names)
      for (const pid of await pidsOf(name))
        if (await setAffinity(pid, where)) pinned[name] = (pinned[name] ?? 0) + 1;
  };
  await move(STORE, storeCores);
  if (!STORE.some((name) => pinned[name]))
    throw new Error(
      '--pin-store: no store process (ferretdb, postgres, mongod) runs on this machine',
    );
  await move(OTHERS, otherCores);
  await setAffinity(process.pid, otherCores);
  pinned.bench = 1;
  return {
    storeCores,
    otherCores,
    pinned,
    async restore() {
      const all = `0-${cores - 1}`;
      for (const name of [...STORE, ...OTHERS])
        for (const pid of await pidsOf(name)) await setAffinity(pid, all);
      await setAffinity(process.pid, all);
    },
  };
}
