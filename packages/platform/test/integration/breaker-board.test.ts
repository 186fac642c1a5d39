import {
  createBreaker,
  createBreakerBoard,
  createLogger,
  createMetrics,
  readBreakerBoard,
} from '@docflow/platform';
import { createTestContext, waitFor, type TestContext } from '@docflow/testing';

describe('the breaker board (real MongoDB-protocol server)', () => {
  let ctx: TestContext;
  const logger = createLogger({ service: 'test', level: 'silent' });
  beforeAll(async () => {
    ctx = await createTestContext('breaker-board');
  });
  afterAll(() => ctx.cleanup());

  it('when a breaker opens, half-opens and closes, then its row follows each change and keeps being refreshed', async () => {
    const board = createBreakerBoard(ctx.db, {
      service: 'scanner',
      logger,
      replica: 'r1',
      refreshMs: 100,
    });
    let fail = true;
    const { fire, breaker } = createBreaker(
      'clamd',
      async () => {
        if (fail) throw new Error('refused');
        return 'ok';
      },
      createMetrics('board-test'),
      { volumeThreshold: 1, resetTimeout: 200, board },
    );
    const row = async () => (await readBreakerBoard(ctx.db)).find((b) => b._id === 'r1/clamd');

    await waitFor(async () => (await row())?.state === 'closed', 5_000, 'the closed breaker');
    await expect(fire()).rejects.toThrow('refused');
    const opened = await waitFor(
      async () => ((await row())?.state === 'open' ? row() : null),
      5_000,
      'the open breaker',
    );
    await waitFor(async () => (await row())?.state === 'halfOpen', 5_000, 'the half-open one');
    fail = false;
    await fire();
    await waitFor(async () => (await row())?.state === 'closed', 5_000, 'the closed one again');
    const closed = (await row())!;
    expect(closed.since.getTime()).toBeGreaterThan(opened!.since.getTime());
    // refreshed without a change of state
    await waitFor(
      async () => (await row())!.reportedAt.getTime() > closed.reportedAt.getTime(),
      5_000,
      'a refresh',
    );
    expect((await row())!.since).toEqual(closed.since);

    await board.stop();
    expect(await row()).toBeUndefined();
    breaker.shutdown();
  });

  it('when rows were last reported longer ago than the stale time, then readers leave them out', async () => {
    const now = new Date();
    await ctx.db.collection('breaker_states').insertMany([
      { _id: 'old/x' as never, breaker: 'x', reportedAt: new Date(now.getTime() - 60_000) },
      { _id: 'new/x' as never, breaker: 'x', reportedAt: new Date(now.getTime() - 1_000) },
    ]);
    const read = await readBreakerBoard(ctx.db, { staleMs: 30_000, now });
    expect(read.map((b) => b._id)).toEqual(['new/x']);
  });
});
