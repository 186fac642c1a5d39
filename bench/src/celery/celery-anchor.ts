import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@docflow/testing';
import { celeryAnchorDir, celeryPython } from './celery-setup';
import { freePort } from '@docflow/testing';

export interface CeleryRun {
  documents: number;
  completed: number;
  docsPerSecond: number;
  tasksPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Share of the machine's CPU the worker, Redis and the client used during the run. */
  cpuShareOfMachine: number;
  pool: string;
  versions: Record<string, string>;
}

/** The anchor's own files stay untouched: results, logs and Redis's data dir go here. */
const workDir = join(repoRoot, '.data', 'celery-anchor');

/**
 * Runs the anchor's bench.py from where it lives, with its results directory pointed into
 * `.data/celery-anchor` (the anchor's directory is read-only) and no bytecode written next to it.
 */
const WRAPPER = [
  'import sys',
  'anchor, results = sys.argv[1], sys.argv[2]',
  'sys.path.insert(0, anchor)',
  'import bench',
  'bench.RESULTS = results',
  "sys.argv = ['bench.py'] + sys.argv[3:]",
  'sys.exit(bench.main())',
].join('\n');

/** A process the anchor started and should have stopped: stopped here if it is still there. */
function stopIfLeft(pid: number, command: string): void {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes(command)) process.kill(pid, 'SIGTERM');
  } catch {
    // gone, as it should be
  }
}

/**
 * One run of the Celery + Redis anchor: its own Redis on a free private port (data dir under
 * `.data/celery-anchor`), a prefork worker with one process per core, a warm-up, then `documents`
 * documents through the 4-stage chain. The anchor stops its worker and Redis; any it left behind
 * (the run was killed) is stopped here by pid.
 */
export async function celeryRun(documents: number, warmup: number): Promise<CeleryRun> {
  const results = join(workDir, 'results');
  const tmp = join(workDir, 'tmp');
  mkdirSync(results, { recursive: true });
  mkdirSync(tmp, { recursive: true });
  const out = join(results, `celery-${process.pid}-${Date.now()}.json`);
  const pool = `prefork:${availableParallelism()}`;
  const port = await freePort();
  const args = [
    ...['-c', WRAPPER, celeryAnchorDir(), results],
    ...['--n', String(documents), '--reps', '1', '--warmup', String(warmup), '--probe', '0'],
    ...['--pools', pool, '--port', String(port), '--out', out],
  ];
  const child = spawn(celeryPython, args, {
    cwd: workDir,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (const [, pid] of log.matchAll(/worker pid (\d+)/g)) stopIfLeft(Number(pid), 'celery');
  for (const [, pid] of log.matchAll(/redis-server pid (\d+)/g))
    stopIfLeft(Number(pid), `:${port}`);
  if (code !== 0 || !existsSync(out))
    throw new Error(`the Celery anchor failed (exit ${code}):\n${log.slice(-3000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    versions: Record<string, string>;
    pools: { pool: string; concurrency: number; runs: Record<string, number>[] }[];
  };
  rmSync(out, { force: true });
  rmSync(join(results, `redis-${port}.log`), { force: true });
  const entry = report.pools[0]!;
  const runResult = entry.runs[0]!;
  return {
    documents,
    completed: runResult.completed!,
    docsPerSecond: runResult.docs_per_s!,
    tasksPerSecond: runResult.tasks_per_s!,
    latencyMs: {
      p50: runResult.lat_p50_ms!,
      p95: runResult.lat_p95_ms!,
      p99: runResult.lat_p99_ms!,
    },
    cpuShareOfMachine: runResult.cpu_util_of_machine!,
    pool: `${entry.pool} x${entry.concurrency}`,
    versions: report.versions,
  };
}
