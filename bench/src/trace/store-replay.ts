import { BSON, MongoClient, type Db, type Document } from 'mongodb';
import { consumers } from '@docflow/contracts';
import { busyShare, machineCpuTicks } from '../pipeline/process-cpu';
import { sandbox, type Servers } from '../sandbox';
import type { TracedCommand } from './trace-record';
import type { Step, Trace } from './trace-steps';

export interface ReplayOptions {
  /** Steps one lane runs at once (its consumers' prefetch × replicas; the uploaders for http). */
  concurrency: Record<string, number>;
  /** Rows present before the run (the bench's tenant and API key), by collection. */
  seed: Record<string, Document[]>;
}

export interface ReplayResult {
  docsPerSecond: number;
  seconds: number;
  commands: number;
  /** Commands the server refused (duplicate keys of contended inserts are not counted). */
  errors: number;
  /** Share of all cores busy during the replay (the store, the bench, anything else). */
  machineBusy: number;
}

/** Session and routing fields the driver adds; a replay's client adds its own. */
const DRIVER_FIELDS = ['lsid', '$clusterTime', 'txnNumber', '$db', '$readPreference'];

/** The lane whose step produced each event: a consumer step waits for it. */
function producerLanes(): Map<string, string> {
  const lanes = new Map<string, string>([['document.received', 'http']]);
  for (const spec of consumers) for (const type of spec.produces) lanes.set(type, spec.name);
  return lanes;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each step's prerequisites: the step(s) of the same document that produced its event. */
function dependencies(steps: readonly Step[]): Map<Step, Step[]> {
  const producers = producerLanes();
  const byDocument = new Map<string, Step[]>();
  for (const step of steps) push(byDocument, step.documentId, step);
  const deps = new Map<Step, Step[]>();
  for (const step of steps) {
    const producer = step.event ? producers.get(step.event) : undefined;
    deps.set(
      step,
      (byDocument.get(step.documentId) ?? []).filter(
        (other) =>
          other.startedAt < step.startedAt &&
          (other.lane === producer || (other.lane === step.lane && other.event === step.event)),
      ),
    );
  }
  return deps;
}

/** Commands that overlapped in the trace run together; otherwise one after the other. */
function batches(commands: readonly TracedCommand[]): TracedCommand[][] {
  const out: TracedCommand[][] = [];
  let end = -Infinity;
  for (const c of commands) {
    if (out.length === 0 || c.startedAt >= end) {
      out.push([c]);
      end = c.endedAt;
    } else {
      out[out.length - 1]!.push(c);
      end = Math.max(end, c.endedAt);
    }
  }
  return out;
}

/** Sends traced commands as they were, to another database, following the trace's cursors. */
function commandRunner(db: Db): { run(c: TracedCommand): Promise<void>; errors: number } {
  const cursors = new Map<string, BSON.Long>();
  const state = {
    errors: 0,
    async run(c: TracedCommand): Promise<void> {
      const command: Document = { ...c.command };
      for (const field of DRIVER_FIELDS) delete command[field];
      if (c.name === 'getMore') {
        const cursor = cursors.get(String(command.getMore));
        if (!cursor) return; // the replay's cursor was already exhausted
        command.getMore = cursor;
      }
      if (c.name === 'killCursors') return;
      try {
        const reply = await db.command(command);
        const id = (reply.cursor as { id?: unknown } | undefined)?.id;
        if (c.cursor && id !== undefined && String(id) !== '0')
          cursors.set(c.cursor, BSON.Long.fromString(String(id)));
      } catch {
        state.errors += 1;
      }
    },
  };
  return state;
}

/**
 * The store's ceiling for the traced documents: every step's commands, raw, against a fresh
 * database with the same seed rows and indexes, each lane running as many steps at once as the
 * pipeline lets it, each step after the step that produced its event. No broker, no service code.
 */
export async function replayTrace(
  servers: Servers,
  trace: Trace,
  options: ReplayOptions,
): Promise<ReplayResult> {
  const box = await sandbox(servers, 'bench_store');
  const poolSize = Object.values(options.concurrency).reduce((a, b) => a + b, 0) + 8;
  const client = await new MongoClient(servers.mongoUrl, { maxPoolSize: poolSize }).connect();
  try {
    const db = client.db(box.name);
    for (const [collection, rows] of Object.entries(options.seed))
      if (rows.length > 0) await db.collection(collection).insertMany(rows);
    const runner = commandRunner(db);
    for (const c of trace.setup) await runner.run(c);
    runner.errors = 0;

    const deps = dependencies(trace.steps);
    const waiting = new Map<Step, number>();
    const dependents = new Map<Step, Step[]>();
    for (const [step, list] of deps) {
      waiting.set(step, list.length);
      for (const d of list) push(dependents, d, step);
    }
    const ready = new Map<string, Step[]>();
    const running = new Map<string, number>();
    let remaining = trace.steps.length;
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const pump = (lane: string): void => {
      const queue = ready.get(lane) ?? [];
      while (queue.length > 0 && (running.get(lane) ?? 0) < (options.concurrency[lane] ?? 1)) {
        const step = queue.shift()!;
        running.set(lane, (running.get(lane) ?? 0) + 1);
        void execute(step);
      }
    };
    const enqueue = (step: Step): void => {
      push(ready, step.lane, step);
      pump(step.lane);
    };
    const execute = async (step: Step): Promise<void> => {
      for (const batch of batches(step.commands))
        await Promise.all(batch.map((c) => runner.run(c)));
      running.set(step.lane, running.get(step.lane)! - 1);
      for (const next of dependents.get(step) ?? []) {
        const left = waiting.get(next)! - 1;
        waiting.set(next, left);
        if (left === 0) enqueue(next);
      }
      pump(step.lane);
      if (--remaining === 0) finish();
    };
    const started = performance.now();
    const machineBefore = machineCpuTicks();
    for (const step of trace.steps) if (waiting.get(step) === 0) enqueue(step);
    await done;
    const seconds = (performance.now() - started) / 1000;
    const documents = new Set(trace.steps.map((s) => s.documentId)).size;
    return {
      docsPerSecond: documents / seconds,
      seconds,
      commands: trace.steps.reduce((sum, s) => sum + s.commands.length, 0),
      errors: runner.errors,
      machineBusy: busyShare(machineBefore, machineCpuTicks()),
    };
  } finally {
    await client.close();
    await box.dispose();
  }
}
