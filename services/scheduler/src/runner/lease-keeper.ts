import { DocflowError, type Logger } from '@docflow/platform';
import type { Lease, LeaseStore } from '../adapters/lease-store';

export interface LeaseKeeper {
  /** Aborted when the lease turns out to be lost (taken over by another replica). */
  readonly signal: AbortSignal;
  /** Stops renewing (the run ended) and waits for a renewal in flight. */
  stop(): Promise<void>;
}

/**
 * Keeps a firing's lease while its run is alive: every third of the lease time the expiry moves
 * to a full lease time from now. A run longer than the lease keeps it; a holder that dies stops
 * renewing and loses it at expiry. A renewal that finds the lease taken over (the holder could not
 * renew for a whole lease time: stalled, or cut off from the database) aborts the run, since
 * another replica has recorded it as failed and runs the job's next firings. A failed renewal is
 * logged and tried again at the next tick.
 */
export function keepLease(
  lease: Lease,
  deps: {
    leases: Pick<LeaseStore, 'renew'>;
    leaseMs: number;
    logger: Logger;
    clock?: () => Date;
    onLost?: () => void;
  },
): LeaseKeeper {
  const clock = deps.clock ?? (() => new Date());
  const lost = new AbortController();
  let inFlight: Promise<void> | null = null;

  const renew = async (): Promise<void> => {
    try {
      const held = await deps.leases.renew(lease._id, new Date(clock().getTime() + deps.leaseMs));
      if (held) return;
      clearInterval(timer);
      deps.logger.warn({ lease: lease._id }, 'lease lost to a takeover; aborting the run');
      deps.onLost?.();
      lost.abort(
        new DocflowError(
          'JOB_LEASE_LOST',
          `another replica took over the lease ${lease._id}: this run stops`,
          { transient: false },
        ),
      );
    } catch (err) {
      deps.logger.warn({ err, lease: lease._id }, 'lease not renewed; trying again');
    }
  };

  const timer = setInterval(
    () => {
      if (inFlight) return;
      inFlight = renew().finally(() => {
        inFlight = null;
      });
    },
    Math.max(1, Math.floor(deps.leaseMs / 3)),
  );

  return {
    signal: lost.signal,
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
