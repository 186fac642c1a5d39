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
