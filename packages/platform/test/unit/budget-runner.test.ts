import { join } from 'node:path';
import { createBudgetRunner, type BudgetRunner, type BudgetRunnerOptions } from '@docflow/platform';

// Workers load the sources through tsx (see src/budget/worker-entry.ts): the first task of a fresh
// worker pays a compile, so the tests leave room for it and measure the budget itself.
jest.setTimeout(60_000);

const TASKS = join(__dirname, 'fixtures', 'budget-tasks');

function runner(overrides: Partial<BudgetRunnerOptions> = {}): BudgetRunner {
  return createBudgetRunner({
    stage: 'classifier',
    activity: 'classification',
    limits: { timeMs: 500, memoryMb: 64 },
    settings: { timeMs: 'TEST_BUDGET_MS', memoryMb: 'TEST_BUDGET_MEMORY_MB' },
    ...overrides,
  });
}

describe('budget runner', () => {
  const open: BudgetRunner[] = [];
  const make = (overrides: Partial<BudgetRunnerOptions> = {}): BudgetRunner => {
    const made = runner(overrides);
    open.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });

  test('when a function returns, then its result comes back from the worker', async () => {
    // Arrange
    const budget = make();

    // Act
    const result = await budget.run<{ n: number }, number>({
      module: TASKS,
      fn: 'double',
      input: { n: 21 },
    });

    // Assert
    expect(result).toBe(42);
  });

  test('when a function loops forever, then it is stopped at the deadline with BUDGET_EXCEEDED naming the limit and setting', async () => {
    // Arrange
    const budget = make();
    await budget.run({ module: TASKS, fn: 'double', input: { n: 1 } }); // worker loaded

    // Act
    const started = Date.now();
    const failure = await budget.run({ module: TASKS, fn: 'spin', input: {} }).catch((e) => e);
    const elapsed = Date.now() - started;

    // Assert
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message:
        'processing.budget_exceeded: classifier: classification took longer than 500 ms (TEST_BUDGET_MS)',
      details: expect.objectContaining({ reason: 'processing.budget_exceeded', limit: 'time' }),
    });
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(5_000);
  });

  test('when a task names its activity, then its budget failure names that activity', async () => {
    // Arrange
    const budget = make({ limits: { timeMs: 200, memoryMb: 64 } });

    // Act
    const failure = await budget
      .run({ module: TASKS, fn: 'spin', input: {}, activity: 'DOCX parsing' })
      .catch((e) => e);

    // Assert
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      message:
        'processing.budget_exceeded: classifier: DOCX parsing took longer than 200 ms (TEST_BUDGET_MS)',
      details: expect.objectContaining({ activity: 'DOCX parsing', limit: 'time' }),
    });
  });

  test('when a regex backtracks exponentially, then the deadline stops it too', async () => {
    // Arrange
    const budget = make();

    // Act
    const failure = await budget
      .run({ module: TASKS, fn: 'backtrack', input: { text: 'a'.repeat(40) } })
      .catch((e) => e);

    // Assert
    expect(failure).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { limit: 'time' } });
  });

  test('when a function allocates without bound, then the memory cap stops it with BUDGET_EXCEEDED', async () => {
    // Arrange
    const budget = make({ limits: { timeMs: 30_000, memoryMb: 32 } });

    // Act
    const failure = await budget.run({ module: TASKS, fn: 'hoard', input: {} }).catch((e) => e);

    // Assert
    expect(failure).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      isTransient: false,
      message:
        'processing.budget_exceeded: classifier: classification needed more than 32 MB of memory (TEST_BUDGET_MEMORY_MB)',
    });
  });

  test('when a worker was killed, then the pool runs the next tasks in a fresh one', async () => {
    // Arrange
    const budget = make({ size: 2, limits: { timeMs: 300, memoryMb: 64 } });
    const killed = budget.run({ module: TASKS, fn: 'spin', input: {} }).catch((e) => e);

    // Act
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        budget.run<{ n: number }, number>({ module: TASKS, fn: 'double', input: { n } }),
      ),
    );
    const after = await killed;
    const again = await budget.run({ module: TASKS, fn: 'double', input: { n: 5 } });

    // Assert
    expect(after).toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(results).toEqual([2, 4, 6, 8]);
    expect(again).toBe(10);
  });

  test('when a long task runs, then the event loop keeps ticking', async () => {
    // Arrange
    const budget = make({ limits: { timeMs: 1_000, memoryMb: 64 } });
    await budget.run({ module: TASKS, fn: 'double', input: { n: 1 } });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);

    // Act
    const failure = await budget.run({ module: TASKS, fn: 'spin', input: {} }).catch((e) => e);
    clearInterval(ticker);

    // Assert: a blocked loop would tick at most once after the task
    expect(failure).toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  test('when tasks share a value, then a worker is sent it once and keeps it', async () => {
    // Arrange
    const budget = make();
    let made = 0;
    const table = {
      key: 'table-v1',
      value: () => {
        made += 1;
        return [1, 2, 3];
      },
    };

    // Act
    const lengths: number[] = [];
    for (let i = 0; i < 3; i++) {
      lengths.push(
        await budget.run({ module: TASKS, fn: 'describeShared', input: {}, shared: { table } }),
      );
    }

    // Assert
    expect(lengths).toEqual([3, 3, 3]);
    expect(made).toBe(1);
  });

  test('when the caller aborts a running task, then the worker is stopped and the task rejects with the reason', async () => {
    // Arrange
    const budget = make({ limits: { timeMs: 30_000, memoryMb: 64 } });
    const controller = new AbortController();
    const running = budget
      .run({ module: TASKS, fn: 'spin', input: {}, signal: controller.signal })
      .catch((e) => e);

    // Act
    setTimeout(() => controller.abort(new Error('handler timed out')), 200);
    const failure = await running;
    const next = await budget.run({ module: TASKS, fn: 'double', input: { n: 2 } });

    // Assert
    expect(failure).toMatchObject({ message: 'handler timed out' });
    expect(next).toBe(4);
  });

  test('when the runner closes, then running and waiting tasks reject with BUDGET_RUNNER_CLOSED', async () => {
    // Arrange
    const budget = make({ limits: { timeMs: 30_000, memoryMb: 64 } });
    const running = budget.run({ module: TASKS, fn: 'spin', input: {} }).catch((e) => e);
    const waiting = budget.run({ module: TASKS, fn: 'double', input: { n: 1 } }).catch((e) => e);

    // Act
    await budget.close();

    // Assert
    expect(await running).toMatchObject({ code: 'BUDGET_RUNNER_CLOSED', isTransient: true });
    expect(await waiting).toMatchObject({ code: 'BUDGET_RUNNER_CLOSED' });
  });

  test('when a function throws, then the caller gets the error as it would in-process', async () => {
    // Arrange
    const budget = make();

    // Act
    const coded = await budget
      .run({ module: TASKS, fn: 'failWithCode', input: {} })
      .catch((e) => e);
    const bug = await budget.run({ module: TASKS, fn: 'failWithBug', input: {} }).catch((e) => e);

    // Assert
    expect(coded).toMatchObject({
      code: 'TEXT_UNREADABLE',
      isTransient: false,
      details: { part: 'body', limit: 64 },
    });
    expect(bug).toMatchObject({ name: 'TypeError', message: 'x is not a function' });
  });
});
