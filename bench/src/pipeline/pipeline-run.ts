import type { Document } from 'mongodb';
import { COLLECTIONS } from '@docflow/documents';
import { createTenantRepository } from '@docflow/tenants';
import type { Percentiles } from '../stats';
import { sandbox, type Servers } from '../sandbox';
import { observeEvents } from './event-observer';
import { startPipeline, type Pipeline, type PipelineService } from './pipeline-processes';
import {
  busyShare,
  machineCpuTicks,
  processCpuSeconds,
  serverCpuMs,
  serverCpuSnapshot,
  type ServerKind,
} from './process-cpu';
import { stageLatency, type SettledRecord, type Stage } from './stage-latency';
import type { TextDocument } from './text-documents';
import { uploadAll, type OfferedLoad } from './upload-load';

export interface PipelineRunOptions {
  docs: readonly TextDocument[];
  load: OfferedLoad;
  replicas: number;
  antivirus: { on: boolean; clamdUrl: string };
  /** Record every process's database commands here (the trace run). */
  traceDir?: string;
}

export interface PipelineRunResult {
  load: OfferedLoad;
  documents: number;
  /** Documents per second: all documents over first upload sent → last final status recorded. */
  docsPerSecond: number;
  seconds: number;
  /** Final statuses (published, needs_review, …) and how many. */
  outcomes: Record<string, number>;
  latencyMs: Record<Stage, Percentiles>;
  /** Mean size of each event type (every document event on the trace run, settling events otherwise). */
  eventBytes: Record<string, number>;
  /** CPU milliseconds per document each service used (all its replicas), upload start → end. */
  serviceCpuMsPerDocument: Partial<Record<PipelineService, number>>;
  /** CPU milliseconds per document of the store's and the broker's processes, same span. */
  serverCpuMsPerDocument: Record<ServerKind, number>;
  /** Share of all cores busy during the run (any process: services, servers, bench, others). */
  machineBusy: number;
  traces: Pipeline['traces'];
  /** The rows the bench wrote before the uploads (tenant, API key), by collection. */
  seed: Record<string, Document[]>;
}

/**
 * One end-to-end run on a fresh vhost and database: starts the services, uploads every document
 * at the offered load, waits until the tracker recorded each one's final status, and reads the
 * documents' timelines.
 */
export async function pipelineRun(
  servers: Servers,
  options: PipelineRunOptions,
): Promise<PipelineRunResult> {
  const box = await sandbox(servers, 'bench_e2e');
  let pipeline: Pipeline | undefined;
  try {
    pipeline = await startPipeline({
      amqpUrl: box.amqpUrl,
      mongoUrl: servers.mongoUrl,
      database: box.name,
      replicas: options.replicas,
      antivirus: options.antivirus,
      ...(options.traceDir ? { traceDir: options.traceDir } : {}),
    });
    const tenants = createTenantRepository(box.db);
    const tenant = await tenants.create({ name: 'bench' });
    const { key } = await tenants.createKey(tenant._id);
    const observer = await observeEvents(box.amqpUrl, options.traceDir !== undefined);
    const n = options.docs.length;
    const cpuBefore = pipeline.pids().map(({ pid }) => processCpuSeconds(pid));
    const machineBefore = machineCpuTicks();
    const serversBefore = serverCpuSnapshot();
    const uploads = await uploadAll(
      options.docs,
      { ports: pipeline.gatewayPorts, apiKey: key },
      options.load,
    );
    await observer.waitForSettled(n, 60_000 + n * 500);
    // the store's work ends here but for the tracker's last writes; what follows is the bench's
    const serverMs = serverCpuMs(serversBefore, serverCpuSnapshot());
    await observer.close();
    const documents = box.db.collection<SettledRecord>(COLLECTIONS.documents);
    // the tracker records the settling events last: wait until every final status is written
    // (asking the gateways, not the store, which is still busy with those last writes)
    const deadline = Date.now() + 60_000;
    while ((await pipeline.settled()) < n) {
      if (Date.now() > deadline) throw new Error('the tracker did not record every final status');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const machineBusy = busyShare(machineBefore, machineCpuTicks());
    const serviceCpuMsPerDocument: PipelineRunResult['serviceCpuMsPerDocument'] = {};
    pipeline.pids().forEach(({ service, pid }, i) => {
      const ms = ((processCpuSeconds(pid) - cpuBefore[i]!) * 1000) / n;
      serviceCpuMsPerDocument[service] = (serviceCpuMsPerDocument[service] ?? 0) + ms;
    });
    const records = await documents
      .find({}, { projection: { status: 1, finishedAt: 1, updatedAt: 1, timeline: 1 } })
      .toArray();
    const first = Math.min(...uploads.map((u) => u.sentAt));
    const last = Math.max(...records.map((r) => (r.finishedAt ?? r.updatedAt).getTime()));
    const outcomes: Record<string, number> = {};
    for (const r of records) outcomes[r.status] = (outcomes[r.status] ?? 0) + 1;
    const seconds = (last - first) / 1000;
    const seed: Record<string, Document[]> = {};
    for (const name of [COLLECTIONS.tenants, COLLECTIONS.apiKeys])
      seed[name] = await box.db.collection(name).find({}).toArray();
    return {
      load: options.load,
      documents: n,
      docsPerSecond: n / seconds,
      seconds,
      outcomes,
      latencyMs: stageLatency(records, uploads),
      eventBytes: Object.fromEntries(
        [...observer.sizes].map(([type, s]) => [type, Math.round(s.bytes / s.count)]),
      ),
      serviceCpuMsPerDocument,
      serverCpuMsPerDocument: { store: serverMs.store / n, broker: serverMs.broker / n },
      machineBusy,
      traces: pipeline.traces,
      seed,
    };
  } finally {
    await pipeline?.stop();
    await box.dispose();
  }
}
