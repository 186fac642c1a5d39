import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { PdfBudget } from './budget';
import type { PdfLimit } from './pdf-error';
import { toolsUnavailable } from './pdf-error';

/** How one tool run ended: its exit, its output, or the limit that stopped it. */
export interface ToolRun {
  /** Exit code; null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  /** The last 4 KiB of standard error. */
  stderr: string;
  /** The budget limit that ended the run, if one did. */
  exceeded?: PdfLimit;
}

const STDERR_KEEP = 4096;
const OUT_OF_MEMORY = /out of memory|bad_alloc|failed to map segment|cannot allocate memory/i;

/** The absolute path of `command` on PATH, or undefined. */
export async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * Runs `command` under `budget`: SIGKILL at the deadline or when stdout passes the output cap, and
 * (when `prlimit` is given and the budget caps memory) an address-space limit set by
 * `prlimit --as`, which execs the tool in place so the limit and the kill reach the tool itself.
 * A process out of memory then fails its allocation and says so on stderr, which is reported as
 * the memory limit whatever the exit code. Without `prlimit`, memory is not capped; the deadline
 * and the output cap still hold. An aborted `signal` kills the process and rejects with its reason.
 */
export function runTool(
  command: string,
  args: readonly string[],
  budget: PdfBudget,
  options: { prlimit?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<ToolRun> {
  const { prlimit, signal } = options;
  const capped = prlimit !== undefined && budget.maxMemoryBytes > 0;
  const [file, argv] = capped
    ? [prlimit, [`--as=${budget.maxMemoryBytes}`, '--', command, ...args]]
    : [command, [...args]];
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let exceeded: PdfLimit | undefined;
    const stop = (limit?: PdfLimit) => {
      exceeded ??= limit;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('time'), budget.timeoutMs);
    const onAbort = () => stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (exceeded) return;
      outBytes += chunk.length;
      if (outBytes > budget.maxOutputBytes) stop('output');
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(toolsUnavailable(file, err));
    });
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(signal.reason);
      if (capped && code !== 0 && /^prlimit: failed to execute/m.test(stderr))
        return reject(toolsUnavailable(command, new Error(stderr.trim())));
      // poppler may print "Out of memory" and still exit 0 with a blank page; the loader, short
      // of address space for a library, exits 127
      if (!exceeded && capped && OUT_OF_MEMORY.test(stderr)) exceeded = 'memory';
      const run: ToolRun = { code, signal: exitSignal, stdout: Buffer.concat(chunks), stderr };
      resolve(exceeded ? { ...run, exceeded } : run);
    });
  });
}
