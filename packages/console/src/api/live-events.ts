import { createEventStreamParser, type ServerSentEvent } from '@docflow/event-stream';

export interface LiveEvent {
  eventId: string;
  type: string;
  documentId: string | null;
  status: string | null;
  occurredAt: string;
  summary: Record<string, unknown>;
}

export interface LiveHandlers {
  onSnapshot?: (snapshot: unknown) => void;
  onEvent?: (event: LiveEvent) => void;
  onConnected?: (connected: boolean) => void;
}

/**
 * Follows `GET /v1/events` (optionally one batch or document) with fetch, since EventSource cannot
 * send the key in a header. Reconnects after a drop (the gateway sends a fresh snapshot each time).
 * Returns a function that stops it.
 */
export function followEvents(
  key: string,
  filter: { batchId?: string; documentId?: string },
  handlers: LiveHandlers,
): () => void {
  const abort = new AbortController();
  const query = new URLSearchParams(filter as Record<string, string>).toString();
  const url = `/v1/events${query ? `?${query}` : ''}`;
  const dispatch = (event: ServerSentEvent) => {
    const data = JSON.parse(event.data) as unknown;
    if (event.event === 'snapshot') handlers.onSnapshot?.(data);
    else if (event.event !== 'error') handlers.onEvent?.(data as LiveEvent);
  };
  const run = async () => {
    let delay = 1000;
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(url, {
          headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        handlers.onConnected?.(true);
        delay = 1000;
        const parse = createEventStreamParser(dispatch);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      handlers.onConnected?.(false);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  };
  void run();
  return () => abort.abort();
}
