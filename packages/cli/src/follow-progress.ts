import { isSettled } from '@docflow/documents';
import type { GatewayClient } from './gateway-client';
import type { Progress, ProgressReporter } from './progress-bar';

export type FollowTarget = { batchId: string } | { documentId: string };

export interface FollowOptions {
  reporter?: ProgressReporter;
  /** Stop waiting after this long (default: no limit). */
  timeoutMs?: number;
  /** Reads between events while the live stream is up, and the polling period after it drops. */
  pollMs?: number;
}

/** The progress of a batch, or of one document as a batch of one. */
export async function readProgress(client: GatewayClient, target: FollowTarget): Promise<Progress> {
  if ('batchId' in target) {
    const batch = await client.batch(target.batchId);
    return { total: batch.total, settled: batch.settled, byStatus: batch.byStatus };
  }
  const view = await client.document(target.documentId);
  return {
    total: 1,
    settled: isSettled(view.status) ? 1 : 0,
    byStatus: { [view.status]: 1 },
  };
}

/**
 * Follows a batch or a document until every document has settled (or `timeoutMs` passes). The
 * live stream (GET /v1/events) says when something happened; each time the progress is read again
 * from the REST API, which the tracker updates, and once more shortly after (an event can reach the
 * stream before the tracker has applied it). Without events it is read every 3 × `pollMs` while the
 * stream is up, and every `pollMs` once the stream has dropped.
 */
export async function followProgress(
  client: GatewayClient,
  target: FollowTarget,
  options: FollowOptions = {},
): Promise<{ settled: boolean; progress: Progress }> {
  const pollMs = options.pollMs ?? 1_000;
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  const controller = new AbortController();
  let live = true;
  let pending = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    pending = true;
    wake?.();
  };

  const stream = (async () => {
    try {
      for await (const _message of client.events(target, controller.signal)) signal();
    } catch {
      // dropped (or refused): polling carries on
    }
    live = false;
    if (!controller.signal.aborted) {
      options.reporter?.note(`the live stream dropped; polling every ${pollMs / 1000} s`);
      signal();
    }
  })();

  try {
    for (;;) {
      // an event may reach the stream before the tracker has applied it: read again soon after
      const afterEvent = pending;
      pending = false;
      const progress = await readProgress(client, target);
      options.reporter?.update(progress);
      if (progress.settled >= progress.total) return { settled: true, progress };
      const left = deadline - Date.now();
      if (left <= 0) return { settled: false, progress };
      if (pending) continue;
      await new Promise<void>((resolve) => {
        const delay = afterEvent ? Math.min(250, pollMs) : live ? pollMs * 3 : pollMs;
        const timer = setTimeout(done, Math.min(delay, left));
        function done() {
          clearTimeout(timer);
          wake = null;
          resolve();
        }
        wake = done;
      });
    }
  } finally {
    controller.abort();
    await stream;
    options.reporter?.done();
  }
}
