import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The small HTTP server every worker runs: `/metrics` (Prometheus), `/healthz` (the process
 * answers) and `/readyz` (every named check passes: broker, database, consumers).
 */
export async function startOpsServer(options: {
  host: string;
  port: number;
  registry: Registry;
  checks: Record<string, ReadinessCheck>;
}): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    void route(req, res, options).catch((err: Error) =>
      send(res, 500, { status: 'error', message: err.message }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  options: { registry: Registry; checks: Record<string, ReadinessCheck> },
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET') return send(res, 405, { status: 'error', message: 'only GET' });
  if (path === '/healthz') return send(res, 200, { status: 'ok' });
  if (path === '/readyz') {
    const results: Record<string, boolean> = {};
    for (const [name, check] of Object.entries(options.checks)) {
      results[name] = await Promise.resolve(check()).catch(() => false);
    }
    const ready = Object.values(results).every(Boolean);
    return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks: results });
  }
  if (path === '/metrics') {
    res.writeHead(200, { 'content-type': options.registry.contentType });
    res.end(await options.registry.metrics());
    return;
  }
  send(res, 404, { status: 'error', message: `no route ${path}` });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
