/**
 * Delay before the next attempt after `attempts` failed ones: exponential from `baseMs`, with ±20 %
 * jitter (so a recovering receiver is not hit by every delivery at once), capped at `maxMs`.
 */
export function backoffMs(
  attempts: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponential = options.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30));
  return Math.round(Math.min(options.maxMs, exponential * (0.8 + 0.4 * random())));
}
