import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type CircuitBreaker from 'opossum';
import type { Logger } from '../logging';

/** Where each process reports its breakers; the gateway's pipeline view reads it. */
export const BREAKER_BOARD_COLLECTION = 'breaker_states';
/** How often a process says its breakers are still there (their rows' `reportedAt`). */
export const BREAKER_REFRESH_MS = 30_000;
/** A row not refreshed for this long belongs to a process that died: readers leave it out. */
export const BREAKER_STALE_MS = 3 * BREAKER_REFRESH_MS;

export type BreakerState = 'closed' | 'halfOpen' | 'open';

/** One breaker of one process, as it last reported itself. */
export interface BreakerReport {
  _id: string;
  service: string;
  breaker: string;
  /** The process (`host:pid`): each replica has breakers of its own. */
  replica: string;
  /** The tenant whose resource the breaker guards (a webhook endpoint); absent for shared ones. */
  tenantId?: string;
  state: BreakerState;
  since: Date;
  reportedAt: Date;
}

export interface BreakerBoard {
  /** Reports the breaker now and at each change of state. */
  watch(name: string, breaker: CircuitBreaker, owner?: { tenantId: string }): void;
  /** Stops refreshing and removes this process's rows (a clean stop leaves nothing stale). */
  stop(): Promise<void>;
}

const stateOf = (breaker: CircuitBreaker): BreakerState =>
  breaker.opened ? 'open' : breaker.halfOpen ? 'halfOpen' : 'closed';

/**
 * Breaker states in MongoDB, so one endpoint can show the breakers of every process: a row per
 * breaker and process, written when its state changes and refreshed every BREAKER_REFRESH_MS
 * (one update for all of the process's rows). Writes go one after another, in order; a write that
 * fails is logged and dropped (the next change or refresh writes again): reporting never gets in
 * the way of the work the breaker guards.
 */
export function createBreakerBoard(
  db: Db,
  options: {
    service: string;
    logger: Logger;
    replica?: string;
    refreshMs?: number;
    clock?: () => Date;
  },
): BreakerBoard {
  const rows = db.collection<BreakerReport>(BREAKER_BOARD_COLLECTION);
  const replica = options.replica ?? `${hostname()}:${process.pid}`;
  const clock = options.clock ?? (() => new Date());
  let queue: Promise<void> = Promise.resolve();
  const write = (what: string, run: () => Promise<unknown>) => {
    queue = queue.then(run).then(
      () => undefined,
      (err: Error) => options.logger.warn({ err: err.message, what }, 'breaker report failed'),
    );
  };
  const report = (name: string, breaker: CircuitBreaker, owner?: { tenantId: string }) => {
    const now = clock();
    const row: BreakerReport = {
      _id: `${replica}/${name}`,
      service: options.service,
      breaker: name,
      replica,
      ...(owner ? { tenantId: owner.tenantId } : {}),
      state: stateOf(breaker),
      since: now,
      reportedAt: now,
    };
    write(name, () => rows.replaceOne({ _id: row._id }, row, { upsert: true }));
  };
  const timer = setInterval(
    () => write('refresh', () => rows.updateMany({ replica }, { $set: { reportedAt: clock() } })),
    options.refreshMs ?? BREAKER_REFRESH_MS,
  );
  timer.unref();
  return {
    watch(name, breaker, owner) {
      report(name, breaker, owner);
      const changed = () => report(name, breaker, owner);
      breaker.on('open', changed);
      breaker.on('halfOpen', changed);
      breaker.on('close', changed);
    },
    async stop() {
      clearInterval(timer);
      write('stop', () => rows.deleteMany({ replica }));
      await queue;
    },
  };
}

/** The breakers of the processes alive now (reported within BREAKER_STALE_MS), by service and name. */
export async function readBreakerBoard(
  db: Db,
  options: { staleMs?: number; now?: Date } = {},
): Promise<BreakerReport[]> {
  const now = options.now ?? new Date();
  const freshSince = new Date(now.getTime() - (options.staleMs ?? BREAKER_STALE_MS));
  return db
    .collection<BreakerReport>(BREAKER_BOARD_COLLECTION)
    .find({ reportedAt: { $gte: freshSince } })
    .sort({ service: 1, breaker: 1, replica: 1 })
    .limit(1000)
    .toArray();
}
