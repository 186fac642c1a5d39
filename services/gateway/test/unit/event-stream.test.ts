import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { waitFor } from '@docflow/testing';
import { openEventStream, type DropReason } from '../../src/http/event-stream';

/** A real HTTP server whose one response is an event stream, and a raw client socket to it. */
async function streamPair(maxBufferBytes: number): Promise<{
  server: Server;
  client: Socket;
  raw: ServerResponse;
  drops: DropReason[];
  send: (f: string) => boolean;
}> {
  const drops: DropReason[] = [];
  let resolveRaw: (raw: ServerResponse) => void = () => undefined;
  const responded = new Promise<ServerResponse>((resolve) => (resolveRaw = resolve));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    resolveRaw(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const client = connect(port, '127.0.0.1');
  client.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n');
  const raw = await responded;
  const stream = openEventStream(raw, { maxBufferBytes, onDrop: (r) => drops.push(r) });
  return { server, client, raw, drops, send: (f) => stream.send(f) };
}

/** Sends a frame on every turn of the event loop (so the socket can drain) while `more()` holds. */
async function pump(
  send: (f: string) => boolean,
  frame: string,
  more: () => boolean,
): Promise<number> {
  let sent = 0;
  while (more() && send(frame)) {
    sent += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sent;
}

describe('event stream backpressure', () => {
  it('when the client stops reading, then the stream is dropped past its buffer limit with a last error frame, not buffered without bound', async () => {
    const { server, client, raw, drops, send } = await streamPair(64 * 1024);
    client.pause(); // reads nothing from now on
    const frame = `data: ${'x'.repeat(16 * 1024)}\n\n`;

    const sent = await pump(send, frame, () => drops.length === 0);

    expect(drops).toEqual(['slow_consumer']);
    expect(sent).toBeGreaterThan(4); // the kernel's buffers filled first
    expect(raw.writableLength).toBeLessThan(64 * 1024 + 2 * frame.length);
    expect(send(frame)).toBe(false);
    await waitFor(() => raw.destroyed || undefined, 5_000, 'the dropped socket destroyed');
    client.destroy();
    server.close();
  });

  it('when the client keeps reading, then the stream is never dropped', async () => {
    const { server, client, drops, send } = await streamPair(64 * 1024);
    let received = 0;
    client.on('data', (chunk: Buffer) => (received += chunk.length));
    const frame = `data: ${'y'.repeat(1024)}\n\n`;

    let count = 0;
    await pump(send, frame, () => ++count <= 500);

    expect(drops).toEqual([]);
    await waitFor(() => received >= 500 * frame.length || undefined, 5_000, 'every frame read');
    client.destroy();
    server.close();
  });
});
