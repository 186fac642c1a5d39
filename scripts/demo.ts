// The main job: starts every service of the pipeline as its own process (logs prefixed by service),
// creates a tenant, uploads `samples/` (plus an infected test file written now) as one batch,
// follows the batch live over Server-Sent Events, then prints a results table and where to look.
// The services keep running for those links until Ctrl-C (or SIGTERM), then the demo stops them;
// `--exit` stops them right after printing (for scripts). The servers stay up either way. Exits 1
// when something fails: a service exits on its own, the gateway never gets ready, the batch does
// not settle within DEMO_TIMEOUT_MS.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  batchSummary,
  createGatewayClient,
  createProgressReporter,
  followProgress,
  resultsTable,
} from '@docflow/cli';
import { safeUrl } from '@docflow/platform';
import { startServiceProcesses, type ServiceName, type ServiceProcesses } from '@docflow/testing';

const ROOT = join(__dirname, '..');
const EXIT_AFTER_PRINTING = process.argv.includes('--exit');
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 8080);
const BASE = `http://127.0.0.1:${GATEWAY_PORT}`;
const ADMIN_KEY = process.env.ADMIN_API_KEY ?? randomBytes(24).toString('hex');
const DATABASE = process.env.MONGODB_DATABASE ?? 'docflow_demo';
const TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS ?? 300_000);
/** An antivirus test file (not malware): every engine reports it, which shows the quarantine. */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** Ops ports (metrics, health) of the worker services; the gateway serves them on its own port. */
const OPS_PORTS: Record<ServiceName, number> = {
  gateway: 9464,
  scanner: 9465,
  ocr: 9466,
  classifier: 9467,
  publisher: 9468,
  scheduler: 9469,
};

const say = (line: string) => process.stdout.write(`${line}\n`);
let services: ServiceProcesses | undefined;
let stopping = false;
const stopAll = async (graceMs?: number): Promise<void> => {
  stopping = true;
  await services?.stop(graceMs);
};

/** Settles when a service exits on its own (a failure whenever it happens); never resolves. */
let serviceExited: (reason: Error) => void = () => undefined;
const serviceExit = new Promise<never>((_, reject) => {
  serviceExited = reject;
});
serviceExit.catch(() => undefined); // handled where it is awaited

async function api<T>(
  method: string,
  path: string,
  key: string,
  body?: BodyInit | object,
): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    ...(payload ? { body: payload } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function waitForGateway(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const gateway = services?.process('gateway');
    if (gateway && gateway.exitCode !== null)
      throw new Error('the gateway exited before it was ready: its output is above');
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the gateway did not become ready on ${BASE}`);
}

async function main(): Promise<void> {
  say(
    `starting the services (database "${DATABASE}", logs at ${process.env.LOG_LEVEL ?? 'warn'} and above):`,
  );
  services = startServiceProcesses({
    env: (name) => ({
      ...process.env,
      MONGODB_DATABASE: DATABASE,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      HTTP_PORT: String(OPS_PORTS[name]),
      GATEWAY_PORT: String(GATEWAY_PORT),
      ADMIN_API_KEY: ADMIN_KEY,
    }),
    onLine: (name, line) => say(`${`[${name}]`.padEnd(13)}${line}`),
    onExit: (name, code, signal) => {
      say(`${`[${name}]`.padEnd(13)}exited (${signal ?? code})`);
      if (!stopping) serviceExited(new Error(`the ${name} service exited: its output is above`));
    },
  });
  for (const name of services.skipped) say(`  ${name} is not built in this checkout; skipped`);
  await waitForGateway();

  const { apiKey } = await api<{ apiKey: { key: string } }>('POST', '/v1/tenants', ADMIN_KEY, {
    name: 'Demo Ltd',
  });
  const key = apiKey.key;
  const dir = join(ROOT, 'samples');
  const form = new FormData();
  const names = readdirSync(dir).sort();
  for (const name of names) form.append('file', new Blob([readFileSync(join(dir, name))]), name);
  form.append('file', new Blob([EICAR]), 'eicar-test-file.txt');
  form.append('metadata', JSON.stringify({ source: 'npm run demo' }));
  const accepted = await api<{ batchId: string; documents: { id: string; filename: string }[] }>(
    'POST',
    '/v1/batches',
    key,
    form,
  );
  say(
    `uploaded ${accepted.documents.length} files from samples/ as batch ${accepted.batchId}; following it live:`,
  );
  const gateway = createGatewayClient({ url: BASE, key });
  const { settled } = await followProgress(
    gateway,
    { batchId: accepted.batchId },
    { reporter: createProgressReporter(process.stdout), timeoutMs: TIMEOUT_MS },
  );
  say(resultsTable(await gateway.documents(accepted.documents.map((d) => d.id))));
  say(`\n${batchSummary(await gateway.batch(accepted.batchId))}`);
  if (!settled)
    throw new Error(
      `the batch did not settle within ${TIMEOUT_MS / 1000} s (DEMO_TIMEOUT_MS); the table shows where each document is`,
    );
  const management = process.env.RABBITMQ_MANAGEMENT_URL ?? 'http://guest:guest@127.0.0.1:15672';
  say(
    [
      '',
      'where to look:',
      `  gateway (REST API)      ${BASE}   tenant key: ${key}`,
      `  review console          ${BASE}/console/   sign in by pasting the tenant key above (keys never go in URLs)`,
      process.env.ADMIN_API_KEY
        ? `  console operations      ${BASE}/console/   sign in with ADMIN_API_KEY`
        : `  console operations      ${BASE}/console/   sign in with this run's admin key: ${ADMIN_KEY}`,
      `  Swagger UI              ${BASE}/docs`,
      `  this batch              curl -H "Authorization: Bearer ${key}" ${BASE}/v1/batches/${accepted.batchId}`,
      `  pipeline / health       ${BASE}/v1/pipeline, ${BASE}/v1/health (same key)`,
      `  metrics                 ${BASE}/metrics and http://127.0.0.1:9465-9469/metrics (scanner … scheduler)`,
      `  RabbitMQ management UI  ${safeUrl(management)}  (guest / guest)`,
      `  MongoDB                 ${process.env.MONGODB_URL ?? ''}  database "${DATABASE}"`,
      EXIT_AFTER_PRINTING
        ? '\nstopping the services (--exit); the servers keep running (npm run infra -- down stops them)'
        : '\nservices keep running; Ctrl-C stops them (the servers keep running: npm run infra -- down)',
    ].join('\n'),
  );
}

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };
let signals = 0;
/** The first SIGINT or SIGTERM; a second one stops the services at once (SIGKILL) and exits. */
const signalled = new Promise<NodeJS.Signals>((resolve) => {
  const onSignal = (name: NodeJS.Signals) => {
    stopping = true; // services exiting on the same Ctrl-C are not failures
    signals += 1;
    if (signals > 1) void stopAll(0).then(() => process.exit(EXIT_CODES[name]));
    resolve(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
});

/** The demo, then the services kept up until a signal; answers the exit code. */
async function run(): Promise<number> {
  const work = main();
  work.catch(() => undefined); // awaited below; a rejection after an interruption is moot
  const outcome = await Promise.race([work.then(() => 'done' as const), signalled, serviceExit]);
  if (outcome !== 'done') {
    say(`\ninterrupted (${outcome}); stopping the services`);
    await stopAll();
    return EXIT_CODES[outcome] ?? 1;
  }
  if (!EXIT_AFTER_PRINTING) {
    const signal = await Promise.race([signalled, serviceExit]);
    say(`\n${signal}: stopping the services; the servers keep running`);
  }
  await stopAll();
  say('services stopped');
  return 0;
}

run().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
    await stopAll();
    process.exit(1);
  },
);
