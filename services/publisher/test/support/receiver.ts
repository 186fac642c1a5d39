import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A local webhook receiver: records every request and answers `status()` (200 by default). */
export interface Receiver {
  url: string;
  received: Received[];
  status: () => number;
  setStatus(status: number): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let status = 200;
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = status;
      received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
      });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    status: () => status,
    setStatus: (next) => {
      status = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A receiver that reads each request and never answers: the stalled endpoint of a slow tenant. */
export interface StallingReceiver {
  url: string;
  /** Requests received so far. */
  received: number;
  /** Requests whose client is still waiting for an answer. */
  open: number;
  /** The most requests that were open at once. */
  mostOpen: number;
  close(): Promise<void>;
}

export async function startStallingReceiver(): Promise<StallingReceiver> {
  const state = { received: 0, open: 0, mostOpen: 0 };
  const server: Server = createServer((req) => {
    req.resume();
    state.received += 1;
    state.open += 1;
    state.mostOpen = Math.max(state.mostOpen, state.open);
    req.socket.on('close', () => {
      state.open -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    get received() {
      return state.received;
    },
    get open() {
      return state.open;
    },
    get mostOpen() {
      return state.mostOpen;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
