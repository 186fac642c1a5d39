import { EventEmitter } from 'node:events';
import { watchServerMonitor, type MonitorWatchdog } from '@docflow/platform';

/** A client's heartbeat events and its close/connect, with a clock the test moves. */
function fakeClient() {
  const events = new EventEmitter();
  const calls: string[] = [];
  return {
    calls,
    heartbeat: () => events.emit('serverHeartbeatSucceeded'),
    client: {
      on: (name: string, listener: () => void) => events.on(name, listener),
      off: (name: string, listener: () => void) => events.off(name, listener),
      close: async () => void calls.push('close'),
      connect: async () => void calls.push('connect'),
    },
  };
}

const logger = () => {
  const lines: string[] = [];
  const log = (_: unknown, msg?: string) => void lines.push(msg ?? String(_));
  return { lines, logger: { error: log, warn: log, info: log, debug: log } };
};

describe('watchServerMonitor', () => {
  let watchdog: MonitorWatchdog | undefined;
  afterEach(() => watchdog?.stop());

  it('when heartbeats keep coming, then the client is left alone', async () => {
    // Arrange
    const fake = fakeClient();
    const log = logger();
    let clock = 0;
    watchdog = watchServerMonitor(fake.client as never, {
      logger: log.logger as never,
      silentMs: 1_000,
      checkEveryMs: 3_600_000, // the test runs the checks
      now: () => clock,
    });

    // Act: time passes in steps shorter than the limit, a heartbeat after each
    for (let i = 0; i < 10; i++) {
      clock += 600;
      await watchdog.check();
      fake.heartbeat();
    }

    // Assert
    expect(fake.calls).toEqual([]);
    expect(log.lines).toEqual([]);
  });

  it('when no heartbeat is heard for longer than the limit, then the client is closed and connected again, once, and says so', async () => {
    // Arrange
    const fake = fakeClient();
    const log = logger();
    let clock = 0;
    watchdog = watchServerMonitor(fake.client as never, {
      logger: log.logger as never,
      silentMs: 1_000,
      checkEveryMs: 3_600_000, // the test runs the checks
      now: () => clock,
    });

    // Act
    clock = 900;
    await watchdog.check();
    clock = 1_001;
    await watchdog.check();
    await watchdog.check();

    // Assert: one reopening (the clock stood still after it), logged
    expect(fake.calls).toEqual(['close', 'connect']);
    expect(log.lines).toEqual([
      'database client: no server check for too long; closing and connecting again',
      'database client: connected again',
    ]);
  });
});
