import type { MongoClient } from 'mongodb';
import type { Logger } from '../logging';

const HEARTBEAT_EVENTS = [
  'serverHeartbeatStarted',
  'serverHeartbeatSucceeded',
  'serverHeartbeatFailed',
] as const;

/**
 * The driver's server monitor checks the server every 10 s (heartbeatFrequencyMS), and a check
 * gives up after 30 s (connectTimeoutMS): a working monitor, even one failing against a server
 * that is away, is never silent for more than about 40 s.
 */
export const MONITOR_SILENT_MS = 90_000;

export interface MonitorWatchdog {
  /** One look at the monitor (the watchdog's timer runs it every `checkEveryMs`). */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Reopens a client whose server monitor has gone silent. Such a client answers every operation
 * with the last error it saw, whatever the server's state since: once, on a loaded machine, a
 * stage kept failing on "connection 12 … closed" for 8 minutes after a 10-second database
 * restart its neighbours had long recovered from. Closing and connecting again builds a new
 * monitor; the client's `Db` handles stay valid, and operations caught by the close fail as
 * transient errors, which the runtime retries.
 */
export function watchServerMonitor(
  client: Pick<MongoClient, 'on' | 'off' | 'close' | 'connect'>,
  options: { logger: Logger; silentMs?: number; checkEveryMs?: number; now?: () => number },
): MonitorWatchdog {
  const silentMs = options.silentMs ?? MONITOR_SILENT_MS;
  const now = options.now ?? Date.now;
  let lastHeard = now();
  let reopening = false;
  const heard = () => {
    lastHeard = now();
  };
  for (const event of HEARTBEAT_EVENTS) client.on(event, heard);

  const reopen = async (silentForMs: number) => {
    reopening = true;
    options.logger.error(
      { silentForMs, limitMs: silentMs },
      'database client: no server check for too long; closing and connecting again',
    );
    try {
      await client.close();
      await client.connect();
      options.logger.warn('database client: connected again');
    } catch (err) {
      options.logger.error(
        { err: (err as Error).message },
        'database client: connecting again failed; the next check retries',
      );
    } finally {
      lastHeard = now();
      reopening = false;
    }
  };

  const check = async () => {
    const silentForMs = now() - lastHeard;
    if (!reopening && silentForMs > silentMs) await reopen(silentForMs);
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 10_000);
  timer.unref();

  return {
    check,
    stop() {
      clearInterval(timer);
      for (const event of HEARTBEAT_EVENTS) client.off(event, heard);
    },
  };
}
