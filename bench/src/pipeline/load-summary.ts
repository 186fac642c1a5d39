import { summarise, type Percentiles, type RateSummary } from '../stats';
import type { PipelineService } from './pipeline-processes';
import { machineCores } from './process-cpu';
import type { PipelineRunResult } from './pipeline-run';
import { STAGES, type Stage } from './stage-latency';
import type { OfferedLoad } from './upload-load';

export interface LoadResult {
  load: OfferedLoad;
  runs: number;
  docsPerSecond: RateSummary;
  /** Median over the runs of each stage's percentiles. */
  latencyMs: Record<Stage, Percentiles>;
  outcomes: Record<string, number>;
  /** Median over the runs: CPU ms per document of each service, and of all of them. */
  serviceCpuMsPerDocument: Record<string, number>;
  /** Median share of all cores busy during the runs (every process on the machine). */
  machineBusy: number;
  /** Median CPU milliseconds the whole machine spent per document (all processes). */
  machineCpuMsPerDocument: number;
  /** Median CPU milliseconds per document of the store's and of the broker's processes. */
  serverCpuMsPerDocument: { store: number; broker: number };
}

const median = (values: number[]): number => summarise(values).median;
/** CPU ms the whole machine spent per document: busy share × cores / documents per second. */
export const cpuMsPerDocument = (busy: number, docsPerSecond: number): number =>
  (busy * machineCores() * 1000) / docsPerSecond;

/** The runs of one offered load, summarised: medians over the runs. */
export function loadResult(load: OfferedLoad, runs: PipelineRunResult[]): LoadResult {
  const latencyMs = Object.fromEntries(
    STAGES.map((stage) => [
      stage,
      {
        p50: median(runs.map((r) => r.latencyMs[stage].p50)),
        p95: median(runs.map((r) => r.latencyMs[stage].p95)),
        p99: median(runs.map((r) => r.latencyMs[stage].p99)),
      },
    ]),
  ) as Record<Stage, Percentiles>;
  const outcomes: Record<string, number> = {};
  for (const r of runs)
    for (const [status, n] of Object.entries(r.outcomes))
      outcomes[status] = (outcomes[status] ?? 0) + n;
  const services = Object.keys(runs[0]?.serviceCpuMsPerDocument ?? {});
  const cpu = Object.fromEntries(
    services.map((name) => [
      name,
      median(runs.map((r) => r.serviceCpuMsPerDocument[name as PipelineService] ?? 0)),
    ]),
  );
  cpu.all = median(
    runs.map((r) => Object.values(r.serviceCpuMsPerDocument).reduce((a, b) => a + b, 0)),
  );
  return {
    load,
    runs: runs.length,
    serviceCpuMsPerDocument: cpu,
    machineBusy: median(runs.map((r) => r.machineBusy)),
    machineCpuMsPerDocument: median(
      runs.map((r) => cpuMsPerDocument(r.machineBusy, r.docsPerSecond)),
    ),
    serverCpuMsPerDocument: {
      store: median(runs.map((r) => r.serverCpuMsPerDocument.store)),
      broker: median(runs.map((r) => r.serverCpuMsPerDocument.broker)),
    },
    docsPerSecond: summarise(runs.map((r) => r.docsPerSecond)),
    latencyMs,
    outcomes,
  };
}
