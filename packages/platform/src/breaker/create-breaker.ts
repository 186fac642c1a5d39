import CircuitBreaker from 'opossum';
import { runtimeError } from '../errors';
import type { Metrics } from '../metrics';
import type { BreakerBoard } from './breaker-board';

export interface BreakerOptions {
  /** Call timeout in ms (false = none). */
  timeout?: number | false;
  errorThresholdPercentage?: number;
  resetTimeout?: number;
  volumeThreshold?: number;
  rollingCountTimeout?: number;
  /** Errors for which this returns true do not count as failures (e.g. bad input). */
  errorFilter?: (err: unknown) => boolean;
  /** Where the breaker reports its state for the pipeline view (and whose resource it guards). */
  board?: BreakerBoard;
  owner?: { tenantId: string };
}

const stateValue = { closed: 0, halfOpen: 1, open: 2 } as const;
const events = [
  'success',
  'failure',
  'timeout',
  'reject',
  'open',
  'halfOpen',
  'close',
  'fallback',
] as const;

/**
 * Wraps an async call in an opossum breaker whose state and events are metrics. When open, calls
 * fail at once with a transient CIRCUIT_OPEN error, so consumers retry with backoff.
 */
export function createBreaker<TArgs extends unknown[], TResult>(
  name: string,
  action: (...args: TArgs) => Promise<TResult>,
  metrics: Metrics,
  options: BreakerOptions = {},
): { fire: (...args: TArgs) => Promise<TResult>; breaker: CircuitBreaker<TArgs, TResult> } {
  const breaker = new CircuitBreaker<TArgs, TResult>(action, {
    name,
    timeout: options.timeout ?? 10_000,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    resetTimeout: options.resetTimeout ?? 30_000,
    volumeThreshold: options.volumeThreshold ?? 5,
    rollingCountTimeout: options.rollingCountTimeout ?? 10_000,
    ...(options.errorFilter ? { errorFilter: options.errorFilter } : {}),
  });
  metrics.breakerState.set({ breaker: name }, stateValue.closed);
  for (const event of events)
    breaker.on(event as 'success', () => metrics.breakerEvents.inc({ breaker: name, event }));
  breaker.on('open', () => metrics.breakerState.set({ breaker: name }, stateValue.open));
  breaker.on('halfOpen', () => metrics.breakerState.set({ breaker: name }, stateValue.halfOpen));
  breaker.on('close', () => metrics.breakerState.set({ breaker: name }, stateValue.closed));
  options.board?.watch(name, breaker, options.owner);
  const fire = async (...args: TArgs): Promise<TResult> => {
    try {
      return await breaker.fire(...args);
    } catch (err) {
      // open, or half-open with its one trial call in flight: either way the circuit refused
      if ((err as { code?: string }).code === 'EOPENBREAKER') {
        throw runtimeError(
          'CIRCUIT_OPEN',
          `circuit "${name}" is ${breaker.halfOpen ? 'half-open (a trial call is in flight)' : 'open'}`,
          { cause: err },
        );
      }
      throw err;
    }
  };
  return { fire, breaker };
}
