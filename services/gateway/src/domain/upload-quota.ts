import type { UsageCounters } from '../adapters/usage-counters';
import { gatewayError } from './errors';
import { quotaWindow, type QuotaWindow } from './quota-window';

export interface UploadQuotaLimits {
  /** Documents a tenant may upload per window (0: no limit). */
  documents: number;
  /** Bytes a tenant may upload per window (0: no limit). */
  bytes: number;
  windowMs: number;
}

export interface UploadQuota {
  /** Refuses (QUOTA_EXCEEDED) a tenant whose window is already used up, before anything is stored. */
  check(tenantId: string): Promise<void>;
  /**
   * Counts an upload's documents and bytes in the tenant's current window. One that takes the
   * window past a limit is taken back and refused (QUOTA_EXCEEDED); otherwise the answer takes the
   * upload back out again (for an upload that fails after this).
   */
  reserve(
    tenantId: string,
    usage: { documents: number; bytes: number },
  ): Promise<() => Promise<void>>;
}

/** Per-tenant upload quotas over windows every gateway replica shares (see UsageCounters). */
export function createUploadQuota(deps: {
  counters: UsageCounters;
  limits: UploadQuotaLimits;
  clock?: () => Date;
}): UploadQuota {
  const { counters, limits } = deps;
  const clock = deps.clock ?? (() => new Date());
  const subject = (tenantId: string) => `upload:${tenantId}`;
  const enabled = limits.documents > 0 || limits.bytes > 0;

  const judge = (
    counts: { documents?: number; bytes?: number },
    window: QuotaWindow,
    over: (used: number, max: number) => boolean,
  ) => {
    for (const [name, setting, max, unit] of [
      ['documents', 'TENANT_QUOTA_DOCUMENTS', limits.documents, 'documents'],
      ['bytes', 'TENANT_QUOTA_BYTES', limits.bytes, 'bytes'],
    ] as const) {
      const used = counts[name] ?? 0;
      if (max > 0 && over(used, max))
        return gatewayError(
          'QUOTA_EXCEEDED',
          `the upload quota of ${max} ${unit} per ${limits.windowMs / 1000} s (${setting}) is used up; retry in ${window.retryAfterSeconds} s`,
          {
            limit: setting,
            max,
            used,
            windowEndsAt: window.end.toISOString(),
            retryAfterSeconds: window.retryAfterSeconds,
          },
        );
    }
    return null;
  };

  return {
    async check(tenantId) {
      if (!enabled) return;
      const window = quotaWindow(clock(), limits.windowMs);
      const counts = (await counters.read([subject(tenantId)], window, ['documents', 'bytes'])).get(
        subject(tenantId),
      );
      const refusal = judge(counts ?? {}, window, (used, max) => used >= max);
      if (refusal) throw refusal;
    },

    async reserve(tenantId, usage) {
      if (!enabled) return () => Promise.resolve();
      const window = quotaWindow(clock(), limits.windowMs);
      const amounts = { documents: usage.documents, bytes: usage.bytes };
      const back = { documents: -usage.documents, bytes: -usage.bytes };
      const totals = await counters.add(subject(tenantId), window, amounts);
      const refusal = judge(totals, window, (used, max) => used > max);
      if (refusal) {
        await counters.add(subject(tenantId), window, back);
        throw refusal;
      }
      return async () => {
        await counters.add(subject(tenantId), window, back);
      };
    },
  };
}
