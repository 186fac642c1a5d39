import { BSON, MongoClient, type Db, type Document } from 'mongodb';
import { consumers } from '@docflow/contracts';
import {
  busyShare,
  machineCpuTicks,
  serverCpuMs,
  serverCpuSnapshot,
} from '../pipeline/process-cpu';
import { sandbox, type Servers } from '../sandbox';
import { callOf } from './round-trips';
import { collectionOf, replyCount, type TracedCommand } from './trace-record';
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
  /**
   * Commands whose reply counted otherwise than in the trace run (documents matched, returned):
   * the replay met another state there. Near 0 for a faithful replay.
   */
  divergent: number;
  /** The divergent commands by call (`update documents`, …), most first. */
  divergentCalls: { call: string; count: number }[];
  /** Share of all cores busy during the replay (the store, the bench, anything else). */
  machineBusy: number;
  /** CPU milliseconds the store's processes used per document. */
  storeCpuMsPerDocument: number;
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

/** `<collection>/<_id>` of a one-document insert, the key two racing inserts contend for. */
function insertKey(c: TracedCommand): string | undefined {
  if (c.name !== 'insert') return undefined;
  const docs = c.command.documents as { _id?: unknown }[] | undefined;
  return docs?.length === 1 && typeof docs[0]!._id === 'string'
    ? `${collectionOf(c)}/${docs[0]!._id}`
    : undefined;
}

/**
 * A one-statement update by `_id` pinned to the trace run's outcome: a document it matched there
 * is matched again (the filter's other conditions, such as the version a transition expects, are
 * dropped), one it missed is missed again (a condition no document meets); both still find the
 * document by `_id`, as the pipeline's call did. Two steps that raced for a version can finish in
 * the other order here, and without this every later conditional update of that document would
 * miss and skip its write: the replay would do less work than the pipeline did.
 */
function pinnedToTrace(command: Document, n: number | undefined): Document {
  const updates = command.updates as Document[] | undefined;
  if (n === undefined || !Array.isArray(updates) || updates.length !== 1) return command;
  const [statement] = updates as [Document];
  const q = statement.q as Document | undefined;
  if (!q || q._id === undefined || typeof q._id === 'object' || Object.keys(q).length === 1)
    return command;
  const filter = n > 0 ? { _id: q._id } : { _id: q._id, replayMisses: true };
  return { ...command, updates: [{ ...statement, q: filter }] };
}

const endOf = (step: Step): number => Math.max(...step.commands.map((c) => c.endedAt));

/**
 * Each step's prerequisites, all of the same document: the step(s) that produced its event, and
 * every step whose last command had ended before its first began in the trace run. So the replay
 * finds each document as the trace did (a conditional update meets the same version), while steps
 * that overlapped in the trace run overlap again.
 */
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
          (other.lane === producer ||
            (other.lane === step.lane && other.event === step.event) ||
            endOf(other) <= step.startedAt),
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
function commandRunner(db: Db): {
  run(c: TracedCommand): Promise<void>;
  errors: number;
  divergent: Map<string, number>;
} {
  const cursors = new Map<string, BSON.Long>();
  const state = {
    errors: 0,
    divergent: new Map<string, number>(),
    async run(c: TracedCommand): Promise<void> {
      let command: Document = { ...c.command };
      for (const field of DRIVER_FIELDS) delete command[field];
      if (c.name === 'update') command = pinnedToTrace(command, c.n);
      if (c.name === 'getMore') {
        const cursor = cursors.get(String(command.getMore));
        if (!cursor) return; // the replay's cursor was already exhausted
        command.getMore = cursor;
      }
      if (c.name === 'killCursors') return;
      try {
        const reply = await db.command(command);
        const n = replyCount(reply);
        if (c.n !== undefined && n !== undefined && n !== c.n) {
          const key = `${callOf(c)} ${c.n}→${n}`;
          state.divergent.set(key, (state.divergent.get(key) ?? 0) + 1);
        }
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
    runner.divergent.clear();

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
    const replayed = new Map<TracedCommand, Promise<void>>();
    const winners = new Map<string, TracedCommand>();
    for (const step of trace.steps)
      for (const c of step.commands) {
        const key = c.code === undefined && c.n === 1 ? insertKey(c) : undefined;
        if (key) winners.set(key, c);
      }
    const byDocument = new Map<string, Step[]>();
    for (const step of trace.steps) push(byDocument, step.documentId, step);
    /**
     * The commands a batch waits for: those of the same document's other steps, already under
     * way in the replay, that had ended before the batch began in the trace run. So two steps
     * that raced in the trace run interleave as they did there (waiting on a step not started
     * yet could deadlock the lanes, and a step not started yet is not racing).
     */
    const before = (step: Step, batch: readonly TracedCommand[]): Promise<void>[] => {
      const startedAt = batch[0]!.startedAt;
      const waits: Promise<void>[] = [];
      // an insert that lost its race in the trace run loses it again: after the winner's insert
      for (const c of batch) {
        const winner = c.code === 11000 ? winners.get(insertKey(c) ?? '') : undefined;
        const done = winner ? replayed.get(winner) : undefined;
        if (done) waits.push(done);
      }
      for (const other of byDocument.get(step.documentId) ?? [])
        if (other !== step)
          for (const c of other.commands) {
            const done = replayed.get(c);
            if (done && c.endedAt <= startedAt) waits.push(done);
          }
      return waits;
    };
    const execute = async (step: Step): Promise<void> => {
      const list = batches(step.commands);
      const gates = list.map(() => {
        let open = (): void => undefined;
        const gate = new Promise<void>((resolve) => (open = resolve));
        return { gate, open };
      });
      list.forEach((batch, i) => batch.forEach((c) => replayed.set(c, gates[i]!.gate)));
      for (const [i, batch] of list.entries()) {
        await Promise.all(before(step, batch));
        await Promise.all(batch.map((c) => runner.run(c)));
        gates[i]!.open();
      }
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
    const serversBefore = serverCpuSnapshot();
    for (const step of trace.steps) if (waiting.get(step) === 0) enqueue(step);
    await done;
    const seconds = (performance.now() - started) / 1000;
    const documents = new Set(trace.steps.map((s) => s.documentId)).size;
    return {
      docsPerSecond: documents / seconds,
      seconds,
      commands: trace.steps.reduce((sum, s) => sum + s.commands.length, 0),
      errors: runner.errors,
      divergent: [...runner.divergent.values()].reduce((a, b) => a + b, 0),
      divergentCalls: [...runner.divergent]
        .map(([call, count]) => ({ call, count }))
        .sort((a, b) => b.count - a.count),
      machineBusy: busyShare(machineBefore, machineCpuTicks()),
      storeCpuMsPerDocument: serverCpuMs(serversBefore, serverCpuSnapshot()).store / documents,
    };
  } finally {
    await client.close();
    await box.dispose();
  }
}
