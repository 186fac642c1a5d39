import { Worker } from 'node:worker_threads';
import { DocflowError, runtimeError } from '../errors';
import { budgetExceeded, type BudgetBreach } from './budget-exceeded';
import type { SerialisedError, SharedEntry, TaskMessage, WorkerMessage } from './budget-protocol';
import { workerEntry, type WorkerEntry } from './worker-entry';

export interface BudgetRunnerOptions {
  /** The stage whose work this is, named in failures ("classifier"). */
  stage: string;
  /** What the work is, named in failures (default "processing"). */
  activity?: string;
  /** Wall-clock time one task may run, and heap (V8 old generation) one worker may use. */
  limits: { timeMs: number; memoryMb: number };
  /** The settings the limits come from, named in failures. */
  settings: { timeMs: string; memoryMb: string };
  /** Worker threads; further tasks wait their turn (default 1). */
  size?: number;
  /** How long a worker may take to load a task's module before it is stopped (default 60 s). */
  loadTimeoutMs?: number;
  /** Shared values one worker keeps between tasks, least recently used dropped (default 8). */
  sharedPerWorker?: number;
}

/** A value a task needs that is too big to clone per task (a model): sent once per worker. */
export interface SharedValue {
  /** Identifies the value (e.g. a model version): a worker holding the key is not sent it again. */
  key: string;
  /** Gives the value; called only when a worker does not hold the key. */
  value: () => unknown;
}

export interface BudgetTask<I> {
  /**
   * Absolute path of the module, best without extension (`join(__dirname, 'x-task')`): the worker
   * resolves it to x-task.js when compiled, to x-task.ts under jest (see worker-entry.ts).
   */
  module: string;
  /** The exported function, `(input, shared) => output` (sync or async). */
  fn: string;
  /** Structured-cloneable input; the output must be structured-cloneable too. */
  input: I;
  /** Values passed to the function's second argument by name, held by the worker between tasks. */
  shared?: Record<string, SharedValue>;
  /** Aborting stops the task (the worker running it is replaced) and rejects with the reason. */
  signal?: AbortSignal;
  /** What this task is, named in its failures ("DOCX parsing"); default the runner's activity. */
  activity?: string;
}

interface Pending {
  id: number;
  task: BudgetTask<unknown>;
  resolve: (output: unknown) => void;
  reject: (err: unknown) => void;
  cleanup: () => void;
}

interface Slot {
  worker: Worker | undefined;
  /** Shared keys the worker holds, least recently used first. */
  keys: string[];
  current: Pending | undefined;
  timer: NodeJS.Timeout | undefined;
  /** The worker's last 'error' event (an out-of-memory stop reports one before it exits). */
  error: (Error & { code?: string }) | undefined;
}

/**
 * Runs CPU-heavy pure functions on user data in worker threads, each task under a wall-clock
 * deadline (the worker is terminated when it passes) and every worker under a heap cap (V8
 * `resourceLimits`), so the service's event loop never blocks: heartbeats flow, handler timeouts
 * fire, SIGTERM is answered. A task over its budget rejects with the permanent BUDGET_EXCEEDED;
 * a fresh worker takes the place of the stopped one.
 */
export class BudgetRunner {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly entry: WorkerEntry;
  private readonly stopping = new Set<Promise<unknown>>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: BudgetRunnerOptions) {
    this.entry = workerEntry();
    const size = Math.max(1, options.size ?? 1);
    this.slots = Array.from({ length: size }, () => ({
      worker: undefined,
      keys: [],
      current: undefined,
      timer: undefined,
      error: undefined,
    }));
  }

  /** Runs `task.fn` of `task.module` on `task.input` in a worker, within the budget. */
  run<I, O>(task: BudgetTask<I>): Promise<O> {
    if (this.closed) return Promise.reject(runtimeError('BUDGET_RUNNER_CLOSED'));
    const { signal } = task;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<O>((resolve, reject) => {
      const pending: Pending = {
        id: this.nextId++,
        task: task as BudgetTask<unknown>,
        resolve: resolve as (output: unknown) => void,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      const onAbort = (): void => this.abandon(pending, signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Rejects waiting tasks, stops running ones and terminates the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      this.settle(pending, () => pending.reject(runtimeError('BUDGET_RUNNER_CLOSED')));
    }
    for (const slot of this.slots) this.retire(slot, runtimeError('BUDGET_RUNNER_CLOSED'));
    await Promise.allSettled([...this.stopping]);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || this.queue.length === 0) return;
      if (!slot.current) this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, pending: Pending): void {
    try {
      const worker = (slot.worker ??= this.spawn(slot));
      worker.postMessage(this.message(slot, pending));
      slot.current = pending;
      slot.timer = setTimeout(
        () => this.retire(slot, this.loadTimeout(pending)),
        this.options.loadTimeoutMs ?? 60_000,
      );
    } catch (err) {
      // an input that cannot be cloned (or a shared value that could not be made): the worker may
      // not have what the slot records, so it is replaced
      this.retire(slot, err);
      this.settle(pending, () => pending.reject(err));
    }
  }

  /** The task message, with the shared values this worker does not hold yet. */
  private message(slot: Slot, pending: Pending): TaskMessage {
    const { task } = pending;
    const shared: Record<string, SharedEntry> = {};
    const used = new Set<string>();
    for (const [name, { key, value }] of Object.entries(task.shared ?? {})) {
      used.add(key);
      const held = slot.keys.indexOf(key);
      if (held >= 0) slot.keys.splice(held, 1);
      shared[name] = held >= 0 ? { key, included: false } : { key, included: true, value: value() };
      slot.keys.push(key);
    }
    const drop: string[] = [];
    const cap = Math.max(1, this.options.sharedPerWorker ?? 8);
    for (const key of [...slot.keys]) {
      if (slot.keys.length - drop.length <= cap) break;
      if (!used.has(key)) drop.push(key);
    }
    slot.keys = slot.keys.filter((key) => !drop.includes(key));
    return { id: pending.id, module: task.module, fn: task.fn, input: task.input, shared, drop };
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.entry.script, {
      eval: this.entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.options.limits.memoryMb },
    });
    // an idle worker does not keep the process alive; running tasks have their own timers
    worker.unref();
    slot.error = undefined;
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, worker, message));
    worker.on('error', (err: Error) => {
      if (slot.worker === worker) slot.error = err;
    });
    worker.on('exit', (code) => this.onExit(slot, worker, code));
    return worker;
  }

  private onMessage(slot: Slot, worker: Worker, message: WorkerMessage): void {
    const pending = slot.current;
    if (slot.worker !== worker || !pending || pending.id !== message.id) return;
    if (message.type === 'started') {
      clearTimeout(slot.timer);
      slot.timer = setTimeout(
        () => this.retire(slot, this.breach(pending, 'time', this.options.limits.timeMs)),
        this.options.limits.timeMs,
      );
      return;
    }
    this.free(slot);
    if (message.type === 'done') this.settle(pending, () => pending.resolve(message.output));
    else this.settle(pending, () => pending.reject(revive(message.error)));
    this.dispatch();
  }

  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker) return; // retired: its task is settled already
    const pending = slot.current;
    const error = slot.error;
    slot.worker = undefined;
    slot.keys = [];
    this.free(slot);
    if (pending) {
      const failure =
        error?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? this.breach(pending, 'memory', this.options.limits.memoryMb)
          : new DocflowError(
              'INTERNAL',
              `${this.options.stage}: the worker stopped (exit code ${code}): ${error?.message ?? 'no error'}`,
              { operational: false, ...(error ? { cause: error } : {}) },
            );
      this.settle(pending, () => pending.reject(failure));
    }
    this.dispatch();
  }

  /** Stops the slot's worker (a fresh one is started for the next task) and fails its task. */
  private retire(slot: Slot, error: unknown): void {
    const { worker, current } = slot;
    slot.worker = undefined;
    slot.keys = [];
    this.free(slot);
    if (worker) {
      const stopped = worker.terminate().catch(() => undefined);
      this.stopping.add(stopped);
      void stopped.finally(() => this.stopping.delete(stopped));
    }
    if (current) this.settle(current, () => current.reject(error));
    this.dispatch();
  }

  /** A task given up by its caller: dropped if waiting, stopped if running. */
  private abandon(pending: Pending, reason: unknown): void {
    const waiting = this.queue.indexOf(pending);
    if (waiting >= 0) {
      this.queue.splice(waiting, 1);
      this.settle(pending, () => pending.reject(reason));
      return;
    }
    const slot = this.slots.find((s) => s.current === pending);
    if (slot) this.retire(slot, reason);
  }

  private free(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.current = undefined;
  }

  private settle(pending: Pending, settle: () => void): void {
    pending.cleanup();
    settle();
  }

  private breach(pending: Pending, limit: BudgetBreach['limit'], value: number): DocflowError {
    const { stage, settings } = this.options;
    const activity = pending.task.activity ?? this.options.activity ?? 'processing';
    const setting = limit === 'time' ? settings.timeMs : settings.memoryMb;
    return budgetExceeded({ stage, activity, limit, value, setting });
  }

  private loadTimeout(pending: Pending): DocflowError {
    return new DocflowError(
      'INTERNAL',
      `${this.options.stage}: ${pending.task.module} did not load in ${this.options.loadTimeoutMs ?? 60_000} ms`,
      { transient: true },
    );
  }
}

/** The worker's error as the caller would have seen it in-process. */
function revive(error: SerialisedError): Error {
  const revived =
    error.name === 'DocflowError' && error.code !== undefined
      ? new DocflowError(error.code, error.message, {
          ...(error.transient !== undefined ? { transient: error.transient } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
        })
      : Object.assign(new Error(error.message), {
          name: error.name,
          ...(error.code !== undefined ? { code: error.code } : {}),
        });
  if (error.stack) revived.stack = error.stack;
  return revived;
}

/** A budget runner; close it when the service stops. */
export function createBudgetRunner(options: BudgetRunnerOptions): BudgetRunner {
  return new BudgetRunner(options);
}
