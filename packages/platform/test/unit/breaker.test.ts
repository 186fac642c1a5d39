import { createBreaker, createMetrics } from '@docflow/platform';

describe('circuit breaker helper', () => {
  test('when calls keep failing, then the breaker opens, fails fast with CIRCUIT_OPEN and exports its state', async () => {
    // Arrange
    const metrics = createMetrics('breaker-test');
    let calls = 0;
    const { fire, breaker } = createBreaker(
      'clamd',
      async () => {
        calls += 1;
        throw new Error('connection refused');
      },
      metrics,
      { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeout: 60_000 },
    );

    // Act
    for (let i = 0; i < 3; i++) await expect(fire()).rejects.toThrow('connection refused');
    const rejected = fire();

    // Assert
    await expect(rejected).rejects.toMatchObject({ code: 'CIRCUIT_OPEN', isTransient: true });
    expect(calls).toBe(3);
    const state = await metrics.breakerState.get();
    expect(state.values).toContainEqual(
      expect.objectContaining({ labels: { breaker: 'clamd' }, value: 2 }),
    );
    const events = await metrics.breakerEvents.get();
    const count = (event: string) =>
      events.values.find((v) => v.labels.event === event)?.value ?? 0;
    expect(count('failure')).toBe(3);
    expect(count('open')).toBe(1);
    expect(count('reject')).toBe(1);
    breaker.shutdown();
  });

  test('when the breaker is half-open with its trial call in flight, then other calls fail with CIRCUIT_OPEN, an outage, until the trial closes it', async () => {
    const metrics = createMetrics('breaker-test');
    let fail = true;
    let releaseTrial: () => void = () => undefined;
    const { fire, breaker } = createBreaker(
      'clamd',
      async () => {
        if (fail) throw new Error('connection refused');
        await new Promise<void>((resolve) => (releaseTrial = resolve));
        return 'ok';
      },
      metrics,
      { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeout: 50 },
    );
    for (let i = 0; i < 2; i++) await expect(fire()).rejects.toThrow('connection refused');
    expect(breaker.opened).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(breaker.halfOpen).toBe(true);

    fail = false;
    const trial = fire();
    const other = fire();
    await expect(other).rejects.toMatchObject({
      code: 'CIRCUIT_OPEN',
      isTransient: true,
      isOutage: true,
    });
    releaseTrial();
    await expect(trial).resolves.toBe('ok');
    expect(breaker.closed).toBe(true);
    breaker.shutdown();
  });

  test('when the call succeeds, then its result passes through and the breaker stays closed', async () => {
    const metrics = createMetrics('breaker-test');
    const { fire, breaker } = createBreaker('webhook', async (x: number) => x * 2, metrics);
    await expect(fire(21)).resolves.toBe(42);
    expect(breaker.closed).toBe(true);
    breaker.shutdown();
  });
});
