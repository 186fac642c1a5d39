import { backoffMs } from '../../../src/domain/backoff';

describe('backoffMs', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  test('when attempts fail one after another, then the delay doubles', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((n) => backoffMs(n, options, mid))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  test('when the delay would pass the maximum, then it is capped, jitter included', () => {
    expect(backoffMs(30, options, () => 0)).toBe(60_000);
    expect(backoffMs(30, options, () => 1)).toBe(60_000);
  });

  test('when the delay is near the maximum, then jitter spreads it by at most 20 %', () => {
    expect(backoffMs(7, options, () => 0)).toBe(51_200);
    expect(backoffMs(6, options, () => 1)).toBe(38_400);
  });
});
