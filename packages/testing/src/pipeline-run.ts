import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './servers';
import {
  SERVICE_NAMES,
  startServiceProcesses,
  type ServiceName,
  type ServiceProcesses,
} from './service-processes';
import { waitFor } from './test-context';
import { freePort } from './free-port';

/** The antivirus test string; written at run time, never stored in the repository. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked by the caller
}

export interface PipelineRun {
  readonly gatewayUrl: string;
  /** Where each service answers `/metrics` (host:port): the gateway's API port, the others' ops port. */
  readonly metricsTargets: { service: ServiceName; address: string }[];
  readonly services: ServiceProcesses;
  /** Every service output line, prefixed by its name. */
  readonly output: string[];
  api(method: string, path: string, key: string, body?: FormData | object): Promise<ApiAnswer>;
  /** A new tenant; answers its API key. */
  createTenant(): Promise<string>;
  /** samples/ plus an antivirus test file as one batch. */
  uploadSamples(key: string): Promise<{ batchId: string; total: number }>;
  /** Resolves with the batch's progress once every document settled. */
  waitSettled(key: string, batchId: string, total: number, timeoutMs?: number): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

/** How long the six services together may take to answer `/readyz`. */
export const READY_TIMEOUT_MS = 180_000;

/**
 * The six services as separate processes on loopback ports chosen here (so a scraper knows where
 * each `/metrics` is), ready to take uploads: resolves when every service answers `/readyz`.
 * `env` points them at the servers (a test context's vhost and database).
 */
export async function startPipeline(options: {
  env: Record<string, string>;
  adminKey: string;
  /** Extra environment per service (e.g. SCHEDULER_ENABLED). */
  extraEnv?: (name: ServiceName) => Record<string, string>;
  onLine?: (name: ServiceName, line: string) => void;
}): Promise<PipelineRun> {
  const ports = new Map<ServiceName, number>();
  for (const name of SERVICE_NAMES) ports.set(name, await freePort());
  const gatewayPort = ports.get('gateway')!;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const output: string[] = [];
  // a service that exits before it is ready will not become ready: fail then, not at the deadline
  let starting = true;
  let exitedEarly: (err: Error) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => (exitedEarly = reject));
  exited.catch(() => undefined);
  const services = startServiceProcesses({
    env: (name) => ({
      ...process.env,
      ...options.env,
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: name === 'gateway' ? '0' : String(ports.get(name)),
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: String(gatewayPort),
      ADMIN_API_KEY: options.adminKey,
      ...options.extraEnv?.(name),
    }),
    onLine: (name, line) => {
      output.push(`[${name}] ${line}`);
      options.onLine?.(name, line);
    },
    onExit: (name, code, signal) => {
      if (starting)
        exitedEarly(new Error(`${name} exited before it was ready (${signal ?? code})`));
    },
  });
  const metricsTargets = services.started.map((service) => ({
    service,
    address: `127.0.0.1:${ports.get(service)}`,
  }));
  try {
    // one deadline for all: on a busy machine six services creating one database's collections
    // at once take a while, and which one was late is worth more than a hook's timeout
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const allReady = async () => {
      for (const { service, address } of metricsTargets)
        await waitFor(
          async () => !starting || (await fetch(`http://${address}/readyz`)).ok,
          Math.max(1_000, deadline - Date.now()),
          `${service} ready`,
        );
    };
    await Promise.race([allReady(), exited]);
    starting = false;
  } catch (err) {
    starting = false; // ends the polling; stopping the rest is not an early exit
    await services.stop();
    throw new Error(`${(err as Error).message}\n${output.slice(-30).join('\n')}`);
  }

  const api = async (method: string, path: string, key: string, body?: FormData | object) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${key}` } };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await fetch(`${gatewayUrl}${path}`, init);
    return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
  };

  return {
    gatewayUrl,
    metricsTargets,
    services,
    output,
    api,
    async createTenant() {
      const name = `Pipeline ${randomBytes(3).toString('hex')}`;
      const tenant = await api('POST', '/v1/tenants', options.adminKey, { name });
      if (tenant.status !== 201 && tenant.status !== 200)
        throw new Error(`tenant not created: ${tenant.status} ${JSON.stringify(tenant.body)}`);
      return tenant.body.apiKey.key as string;
    },
    async uploadSamples(key) {
      const dir = join(repoRoot, 'samples');
      const form = new FormData();
      const files = readdirSync(dir).sort();
      for (const name of files)
        form.append('file', new Blob([readFileSync(join(dir, name))]), name);
      form.append('file', new Blob([EICAR]), 'eicar.txt');
      const accepted = await api('POST', '/v1/batches', key, form);
      if (accepted.status !== 202)
        throw new Error(`batch refused: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      return { batchId: accepted.body.batchId as string, total: files.length + 1 };
    },
    async waitSettled(key, batchId, total, timeoutMs = 240_000) {
      return waitFor(
        async () => {
          const progress = await api('GET', `/v1/batches/${batchId}`, key);
          return progress.body.settled === total ? progress : null;
        },
        timeoutMs,
        'every document settled',
      ).catch((err: Error) => {
        throw new Error(`${err.message}\n${output.slice(-40).join('\n')}`);
      });
    },
    stop: () => services.stop(),
  };
}
