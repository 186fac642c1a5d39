/** One message of a `text/event-stream`: comments (heartbeats) are not messages. */
export interface ServerSentEvent {
  event: string;
  id?: string;
  data: string;
}

/** Parses one block (the lines between blank lines) into a message; null for comments only. */
export function parseEventBlock(block: string): ServerSentEvent | null {
  let event = 'message';
  let id: string | undefined;
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
  if (data.length === 0) return null;
  return { event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
}

/**
 * An incremental parser: feed it text as it arrives, in chunks cut anywhere (line endings
 * `\n`, `\r\n` or `\r`, even split across chunks), and it calls `onEvent` for each complete
 * message. `retry:` lines and comments are skipped.
 */
export function createEventStreamParser(
  onEvent: (event: ServerSentEvent) => void,
): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    // a trailing \r may be the first half of \r\n: keep it until the next chunk says
    const complete = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    let text = buffer.slice(0, complete).replace(/\r\n?/g, '\n');
    buffer = buffer.slice(complete);
    let cut: number;
    while ((cut = text.indexOf('\n\n')) >= 0) {
      const message = parseEventBlock(text.slice(0, cut));
      text = text.slice(cut + 2);
      if (message) onEvent(message);
    }
    buffer = text + buffer;
  };
}

/** The messages of a `text/event-stream` body (bytes, as Node and fetch give them), as they arrive. */
export async function* readServerSentEvents(
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  const ready: ServerSentEvent[] = [];
  const parse = createEventStreamParser((event) => ready.push(event));
  for await (const chunk of body) {
    parse(decoder.decode(chunk, { stream: true }));
    yield* ready.splice(0);
  }
}
