import { createServer } from 'node:net';

/**
 * Ports handed out per jest worker: worker N takes from 10000 + N × 1000, below the kernel's
 * ephemeral range (32768 and up) that a `listen(0)` draws from. A port the kernel picked and this
 * function released could otherwise be picked again for a suite running beside this one, and two
 * services would meet on it (a gateway's requests answered by another suite's health server).
 */
const RANGE = 1000;
const base = 10_000 + (Number(process.env.JEST_WORKER_ID ?? 0) % 5) * RANGE;
let next = 0;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free TCP port on the loopback interface, never one another jest worker hands out. */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < RANGE; tried += 1) {
    const port = base + (next % RANGE);
    next += 1;
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${base} and ${base + RANGE - 1}`);
}
