import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Busy and total CPU ticks of the whole machine so far. */
export function machineCpuTicks(): { busy: number; total: number } {
  try {
    const values = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** Share of all cores busy between two readings of `machineCpuTicks`. */
export function busyShare(
  from: { busy: number; total: number },
  to: { busy: number; total: number },
) {
  return (to.busy - from.busy) / Math.max(1, to.total - from.total);
}

/** The local servers' processes by name: the store (and its storage) and the broker. */
export const SERVER_PROCESSES = {
  store: ['ferretdb', 'postgres', 'mongod'],
  broker: ['beam.smp', 'epmd', 'erl_child_setup', 'inet_gethost'],
} as const;
export type ServerKind = keyof typeof SERVER_PROCESSES;

/** CPU seconds so far of every running server process, by pid. */
export function serverCpuSnapshot(): Map<number, { kind: ServerKind; seconds: number }> {
  const snapshot = new Map<number, { kind: ServerKind; seconds: number }>();
  const kindOf = new Map<string, ServerKind>();
  for (const [kind, names] of Object.entries(SERVER_PROCESSES) as [ServerKind, readonly string[]][])
    for (const name of names) kindOf.set(name, kind);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const kind = kindOf.get(readFileSync(`/proc/${entry}/comm`, 'utf8').trim());
      if (kind) snapshot.set(Number(entry), { kind, seconds: processCpuSeconds(Number(entry)) });
    } catch {
      // gone meanwhile
    }
  }
  return snapshot;
}

/**
 * CPU milliseconds each kind of server used between two snapshots. A process started meanwhile
 * counts whole; one that ended meanwhile is missed (the servers' connections outlive a run).
 */
export function serverCpuMs(
  from: ReturnType<typeof serverCpuSnapshot>,
  to: ReturnType<typeof serverCpuSnapshot>,
): Record<ServerKind, number> {
  const ms: Record<ServerKind, number> = { store: 0, broker: 0 };
  for (const [pid, now] of to) ms[now.kind] += (now.seconds - (from.get(pid)?.seconds ?? 0)) * 1000;
  return ms;
}

/** The machine's cores: all of them, whatever this process's own affinity (`--pin-store`). */
export const machineCores = (): number => cpus().length;
