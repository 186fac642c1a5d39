/**
 * Fixed windows of `windowMs`, aligned on the epoch, so every gateway replica computes the same
 * window (and the same counter row) for the same moment without talking to the others.
 */
export interface QuotaWindow {
  start: Date;
  end: Date;
  /** Whole seconds until the window ends, at least 1: the `Retry-After` of a refusal. */
  retryAfterSeconds: number;
}

export function quotaWindow(now: Date, windowMs: number): QuotaWindow {
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const endMs = startMs + windowMs;
  return {
    start: new Date(startMs),
    end: new Date(endMs),
    retryAfterSeconds: Math.max(1, Math.ceil((endMs - now.getTime()) / 1000)),
  };
}
