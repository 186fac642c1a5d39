/** One Server-Sent Event as the gateway frames it (`event`, `id`, `data` lines, blank line). */
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/**
 * An incremental parser of a `text/event-stream` body: feed it chunks as they arrive, it calls
 * `onEvent` for each complete event. Comments (`: heartbeat`) and `retry:` lines are skipped.
 * EventSource cannot send an Authorization header, so the console reads the stream with fetch.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let id: string | null = null;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'id') id = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) onEvent({ event, id, data: data.join('\n') });
    }
  };
}
