import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { queuesOf, type ConsumerName } from '@docflow/contracts';
import { startServiceProcesses, type ServiceProcesses } from '@docflow/testing';
import { freePort } from '@docflow/testing';

/** The services a document passes through (the scheduler plays no part in it). */
export const PIPELINE_SERVICES = ['gateway', 'scanner', 'ocr', 'classifier', 'publisher'] as const;
export type PipelineService = (typeof PIPELINE_SERVICES)[number];
/** Messages each consumer replica holds at once (`AMQP_PREFETCH`, the services' default). */
export const STAGE_PREFETCH = 16;
const CONSUMERS: ConsumerName[] = ['tracker', 'scanner', 'ocr', 'classifier', 'publisher'];

export interface PipelineOptions {
  amqpUrl: string;
  mongoUrl: string;
  database: string;
  /** Processes per service (the gateway included: it runs the tracker). */
  replicas: number;
  antivirus: { on: boolean; clamdUrl: string };
  /** When set, every process records its database commands into this directory. */
  traceDir?: string;
}

export interface Pipeline {
  /** REST API ports, one per gateway replica. */
  gatewayPorts: number[];
  /** Trace files and the replica that writes each (complete once `stop` resolved). */
  traces: { file: string; process: string }[];
  adminKey: string;
  /** The running processes, by service. */
  pids(): { service: PipelineService; pid: number }[];
  /**
   * Documents the trackers have recorded in a final state, from the gateways' metrics
   * (`docflow_document_end_to_end_seconds_count`): a count that costs the store nothing.
   */
  settled(): Promise<number>;
  stop(): Promise<void>;
}

/** Every stage consumer (and the tracker) has `replicas` consumers on its work queue. */
async function consumersReady(amqpUrl: string, replicas: number): Promise<boolean> {
  const model = await connect(amqpUrl);
  try {
    for (const name of CONSUMERS) {
      const channel = await model.createChannel();
      channel.on('error', () => undefined);
      const ok = await channel.checkQueue(queuesOf(name).work).catch(() => undefined);
      await channel.close().catch(() => undefined);
      if (!ok || ok.consumerCount < replicas) return false;
    }
    return true;
  } finally {
    await model.close().catch(() => undefined);
  }
}

async function allReady(ports: number[], amqpUrl: string, replicas: number): Promise<boolean> {
  for (const port of ports) if (!(await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return false;
  return consumersReady(amqpUrl, replicas);
}

function serviceEnv(options: PipelineOptions, port: number, adminKey: string, trace?: string) {
  return {
    ...process.env,
    AMQP_URL: options.amqpUrl,
    MONGODB_URL: options.mongoUrl,
    MONGODB_DATABASE: options.database,
    LOG_LEVEL: 'warn',
    AMQP_PREFETCH: String(STAGE_PREFETCH),
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(port),
    ADMIN_API_KEY: adminKey,
    RATE_LIMIT_MAX: '1000000000',
    SCANNER_ANTIVIRUS: options.antivirus.on ? 'on' : 'off',
    CLAMD_URL: options.antivirus.clamdUrl,
    ...(trace
      ? {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, '../trace/command-trace-hook.js')}`,
          DOCFLOW_BENCH_TRACE_FILE: trace,
        }
      : {}),
  };
}

/**
 * Starts the text pipeline's services as separate processes (`replicas` of each), on a vhost and
 * database of their own, and waits until every gateway answers and every queue has its consumers.
 * The first replica of each service starts alone: it creates the indexes, which concurrent
 * creators would race on (FerretDB drops the connection of a duplicate unique-index creation).
 */
export async function startPipeline(options: PipelineOptions): Promise<Pipeline> {
  const adminKey = randomBytes(24).toString('hex');
  const output: string[] = [];
  const exits: string[] = [];
  const groups: { service: PipelineService; processes: ServiceProcesses }[] = [];
  const gatewayPorts: number[] = [];
  const traces: Pipeline['traces'] = [];
  const launch = async (replica: number): Promise<void> => {
    const port = await freePort();
    gatewayPorts.push(port);
    for (const name of PIPELINE_SERVICES) {
      const label = `${name}-${replica}`;
      const trace = options.traceDir ? join(options.traceDir, `${label}.bson`) : undefined;
      if (trace) traces.push({ file: trace, process: label });
      groups.push({
        service: name,
        processes: startServiceProcesses({
          names: [name],
          env: () => serviceEnv(options, port, adminKey, trace),
          onLine: (_, line) => output.push(`[${label}] ${line}`),
          onExit: (_, code, signal) => exits.push(`${label} exited (${code ?? signal})`),
        }),
      });
    }
  };
  const stop = async (): Promise<void> => {
    await Promise.all(groups.map((group) => group.processes.stop(20_000)));
  };
  const ready = async (replicas: number): Promise<void> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const problem =
        exits.length > 0
          ? exits.join(', ')
          : Date.now() > deadline
            ? 'pipeline services not ready after 120 s'
            : undefined;
      if (problem) {
        await stop();
        throw new Error(`${problem}\n${output.slice(-30).join('\n')}`);
      }
      if (await allReady(gatewayPorts, options.amqpUrl, replicas).catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  await launch(1);
  await ready(1);
  if (options.replicas > 1) {
    for (let replica = 2; replica <= options.replicas; replica++) await launch(replica);
    await ready(options.replicas);
  }
  const pids = () =>
    groups.flatMap(({ service, processes }) => {
      const pid = processes.process(service)?.pid;
      return pid ? [{ service, pid }] : [];
    });
  const settled = async (): Promise<number> => {
    let total = 0;
    for (const port of gatewayPorts) {
      const answer = await fetch(`http://127.0.0.1:${port}/metrics`);
      if (!answer.ok) throw new Error(`gateway /metrics on port ${port} answered ${answer.status}`);
      const line = /^docflow_document_end_to_end_seconds_count\{[^}]*\} (\d+)$/gm;
      for (const [, value] of (await answer.text()).matchAll(line)) total += Number(value);
    }
    return total;
  };
  return { gatewayPorts, traces, adminKey, pids, settled, stop };
}
