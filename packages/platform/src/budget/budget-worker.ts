// The entry of a budget runner's worker thread (see budget-runner.ts for how it is started). It
// runs one task at a time: loads the task's module (once), puts the shared values in place, tells
// the runner it has started (the budget counts from there), calls the function and posts back its
// result or error. The runner enforces the budget from outside by terminating this thread.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { SerialisedError, TaskMessage, WorkerMessage } from './budget-protocol';

type TaskFunction = (input: unknown, shared: Record<string, unknown>) => unknown;

const load = createRequire(__filename);
const modules = new Map<string, Record<string, unknown>>();
const held = new Map<string, unknown>();

function taskFunction(module: string, fn: string): TaskFunction {
  let exports = modules.get(module);
  if (!exports) {
    exports = load(module) as Record<string, unknown>;
    modules.set(module, exports);
  }
  const found = exports[fn];
  if (typeof found !== 'function') throw new TypeError(`${module} exports no function "${fn}"`);
  return found as TaskFunction;
}

function sharedValues(task: TaskMessage): Record<string, unknown> {
  for (const key of task.drop) held.delete(key);
  const values: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(task.shared)) {
    if (entry.included) held.set(entry.key, entry.value);
    else if (!held.has(entry.key)) throw new Error(`shared value ${entry.key} is missing`);
    values[name] = held.get(entry.key);
  }
  return values;
}

function serialise(err: unknown): SerialisedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const { code, isTransient, details } = err as {
    code?: unknown;
    isTransient?: unknown;
    details?: unknown;
  };
  return {
    name: err.name,
    message: err.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof isTransient === 'boolean' ? { transient: isTransient } : {}),
    ...(details && typeof details === 'object'
      ? { details: details as Record<string, unknown> }
      : {}),
    ...(err.stack ? { stack: err.stack } : {}),
  };
}

async function run(task: TaskMessage): Promise<WorkerMessage> {
  try {
    const fn = taskFunction(task.module, task.fn);
    const shared = sharedValues(task);
    parentPort!.postMessage({ id: task.id, type: 'started' } satisfies WorkerMessage);
    return { id: task.id, type: 'done', output: await fn(task.input, shared) };
  } catch (err) {
    return { id: task.id, type: 'failed', error: serialise(err) };
  }
}

function reply(message: WorkerMessage): void {
  try {
    parentPort!.postMessage(message);
  } catch (err) {
    // an output that cannot be cloned (a function, a class instance with private state, …)
    parentPort!.postMessage({ id: message.id, type: 'failed', error: serialise(err) });
  }
}

parentPort?.on('message', (task: TaskMessage) => {
  void run(task).then(reply);
});
