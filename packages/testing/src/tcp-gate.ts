import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpGate {
  /** Where clients connect instead of the server (`tcp://127.0.0.1:<port>`). */
  readonly url: string;
  /** The server goes away for this gate's clients: open connections drop, new ones are refused. */
  close(): Promise<void>;
  /** The server is back, on the same port. */
  open(): Promise<void>;
  /** Closes the gate for good. */
  dispose(): Promise<void>;
}

/**
 * A TCP relay in front of a shared server (clamd, say), so a test can take the server away from
 * its own clients only: the suites running beside it keep theirs. Closed, it refuses connections
 * as a stopped server's port does.
 */
export async function openTcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const relay = (client: Socket) => {
    track(client);
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  };
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer(relay);
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });
  const close = async () => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();
  return {
    url: `tcp://127.0.0.1:${port}`,
    close,
    open: async () => {
      if (!server) await listen();
    },
    dispose: close,
  };
}
