import { cpus, loadavg, totalmem } from 'node:os';
import { ManagementClient } from '@docflow/testing';
import { busyShare, machineCpuTicks } from './pipeline/process-cpu';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  /** The MongoDB-protocol server: FerretDB (and its storage) or mongod. */
  store: string;
  broker: string;
  /** 1-minute load average when the bench started (other work on the machine). */
  loadAverageAtStart: number;
  /** Share of all cores busy (any process, the bench included) over the whole bench. */
  cpuBusyDuringBench?: number;
}

/** The machine the numbers come from, and how busy it was. */
export async function describeMachine(servers: {
  managementUrl: string;
  mongoServer: string;
}): Promise<{ machine: Machine; finish: () => Machine }> {
  const overview = await new ManagementClient(servers.managementUrl)
    .request<{ rabbitmq_version?: string }>('GET', '/overview')
    .catch(() => ({ rabbitmq_version: undefined }));
  const machine: Machine = {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    store: servers.mongoServer,
    broker: `RabbitMQ ${overview.rabbitmq_version ?? '?'}`,
    loadAverageAtStart: Number(loadavg()[0]!.toFixed(2)),
  };
  const start = machineCpuTicks();
  return {
    machine,
    finish: () => ({
      ...machine,
      cpuBusyDuringBench: Number(busyShare(start, machineCpuTicks()).toFixed(3)),
    }),
  };
}

/** One line for a table caption: `2 cores (AMD EPYC), 24 GiB, Node v20.20.2, ferretdb-… `. */
export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.broker}, store ${m.store}; load average ${m.loadAverageAtStart} at start${m.cpuBusyDuringBench !== undefined ? `, CPU ${Math.round(m.cpuBusyDuringBench * 100)} % busy during the bench` : ''}`;
}
