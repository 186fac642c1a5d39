import { MongoClient } from 'mongodb';
import {
  classifyError,
  createLogger,
  watchServerMonitor,
  type MonitorWatchdog,
} from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';

describe('watchServerMonitor (real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  let client: MongoClient;
  let watchdog: MonitorWatchdog | undefined;

  beforeAll(async () => {
    ctx = await createTestContext('monitor_watchdog');
  });

  afterAll(async () => {
    watchdog?.stop();
    await client?.close();
    await ctx.cleanup();
  });

  it('when a client hears no server check for longer than the limit, then it is reopened and its database handle keeps working, the operation caught in between failing as transient', async () => {
    // Arrange: a client whose monitor checks once an hour, so it goes silent at once
    client = new MongoClient(ctx.mongoUrl, { heartbeatFrequencyMS: 3_600_000 });
    await client.connect();
    const records = client.db(ctx.databaseName).collection('records');
    await records.insertOne({ n: 1 });
    const logged: string[] = [];
    const logger = createLogger({
      service: 'test',
      level: 'warn',
      destination: { write: (line: string) => void logged.push(JSON.parse(line).msg) },
    });
    watchdog = watchServerMonitor(client, { logger, silentMs: 200, checkEveryMs: 3_600_000 });

    // Act: an operation in flight while the watchdog reopens the client
    const caught = records
      .insertOne({ n: 2 })
      .then(() => undefined)
      .catch((err: unknown) => err);
    await waitFor(
      async () => {
        await watchdog!.check();
        return logged.includes('database client: connected again') ? true : null;
      },
      30_000,
      'the client reopened',
    );

    // Assert: the same handle reads and writes; a failure of the caught operation is retryable
    await records.insertOne({ n: 3 });
    const numbers = (await records.find().toArray()).map((r) => r.n as number);
    expect(numbers).toEqual(expect.arrayContaining([1, 3]));
    const err = await caught;
    if (err) expect(classifyError(err).transient).toBe(true);
    expect(logged).toContain(
      'database client: no server check for too long; closing and connecting again',
    );
  });
});
