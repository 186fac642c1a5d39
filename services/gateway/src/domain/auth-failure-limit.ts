import type { UsageCounters } from '../adapters/usage-counters';
import { gatewayError } from './errors';
import { quotaWindow } from './quota-window';

/** Who tried a key: the client's address and, when the key is well formed, its key id. */
export interface AuthAttempt {
  address: string;
  keyId?: string;
}

export interface AuthFailureLimit {
  /**
   * Refuses (TOO_MANY_AUTH_FAILURES) an attempt from an address, or for a key id, that has
   * failed `max` times in the current window, before its key is checked.
   */
  check(attempt: AuthAttempt): Promise<void>;
  /** Counts one failed attempt against its address and key id. */
  fail(attempt: AuthAttempt): Promise<void>;
}

/** Failed key checks counted over windows every gateway replica shares (see UsageCounters). */
export function createAuthFailureLimit(deps: {
  counters: UsageCounters;
  limits: { max: number; windowMs: number };
  clock?: () => Date;
}): AuthFailureLimit {
  const { counters, limits } = deps;
  const clock = deps.clock ?? (() => new Date());
  const subjects = ({ address, keyId }: AuthAttempt) => [
    `auth-address:${address}`,
    ...(keyId ? [`auth-key:${keyId}`] : []),
  ];

  return {
    async check(attempt) {
      if (limits.max === 0) return;
      const window = quotaWindow(clock(), limits.windowMs);
      const counts = await counters.read(subjects(attempt), window, ['failures']);
      for (const [subject, { failures = 0 }] of counts) {
        if (failures < limits.max) continue;
        const by = subject.startsWith('auth-key:') ? 'this key id' : 'this address';
        throw gatewayError(
          'TOO_MANY_AUTH_FAILURES',
          `${failures} failed API-key checks from ${by} in ${limits.windowMs / 1000} s (AUTH_FAILURE_LIMIT ${limits.max}); retry in ${window.retryAfterSeconds} s`,
          {
            limit: 'AUTH_FAILURE_LIMIT',
            max: limits.max,
            windowEndsAt: window.end.toISOString(),
            retryAfterSeconds: window.retryAfterSeconds,
          },
        );
      }
    },

    async fail(attempt) {
      if (limits.max === 0) return;
      const window = quotaWindow(clock(), limits.windowMs);
      await Promise.all(subjects(attempt).map((s) => counters.add(s, window, { failures: 1 })));
    },
  };
}
