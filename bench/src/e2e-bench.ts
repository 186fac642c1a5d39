import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@docflow/testing';
import { celeryRun, type CeleryRun } from './celery/celery-anchor';
import { ensureCeleryAnchor } from './celery/celery-setup';
import { brokerHop } from './hop-scenarios';
import { deliveriesPerDocument, meanDeliveryBytes } from './pipeline/deliveries';
import { cpuMsPerDocument, loadResult, type LoadResult } from './pipeline/load-summary';
import { STAGE_PREFETCH } from './pipeline/pipeline-processes';
import { pipelineRun, type PipelineRunResult } from './pipeline/pipeline-run';
import { textInvoices } from './pipeline/text-documents';
import { MAX_LOAD_CONNECTIONS, type OfferedLoad } from './pipeline/upload-load';
import type { Servers } from './sandbox';
import { fmt, summarise, type RateSummary } from './stats';
import { roundTrips, type RoundTrips } from './trace/round-trips';
import { replayTrace } from './trace/store-replay';
import { loadTrace } from './trace/trace-steps';

export interface E2eOptions {
  documents: number;
  replicas: number;
  loads: OfferedLoad[];
  reps: number;
  antivirus: { on: boolean; clamdUrl: string };
  celery: boolean;
}

export interface E2eResult {
  parameters: E2eOptions & { prefetch: number; uploaders: number; documentBytes: number };
  roundTrips: RoundTrips;
  eventBytes: Record<string, number>;
  loads: LoadResult[];
  /** Same-run comparisons at the max load, rep by rep. */
  brokerLimit: { messageBytes: number; msgsPerSecond: RateSummary };
  storeCeiling: {
    docsPerSecond: RateSummary;
    commandsPerDocument: number;
    /** Median CPU milliseconds the whole machine spent per document during the replays. */
    machineCpuMsPerDocument: number;
    /** Median CPU milliseconds the store's processes spent per document during the replays. */
    storeCpuMsPerDocument: number;
    /** Median share of the replays' commands whose reply counted otherwise than in the trace. */
    divergentShare: number;
  };
  celery:
    | {
        docsPerSecond: RateSummary;
        /** Median CPU ms per document of the anchor's worker, Redis and client. */
        cpuMsPerDocument: number;
        runs: CeleryRun[];
      }
    | { skipped: string };
  ratios: {
    deliveriesPerDocument: number;
    docflowToStore: RateSummary;
    hopsToBroker: RateSummary;
    docflowToCelery?: RateSummary;
  };
}

const log = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (values: number[]): number => summarise(values).median;
/**
 * The text-only pipeline end to end, and in the same run what bounds it: a trace run (database
 * commands recorded per document and step), each bounded load once, then `reps` rounds of
 * [pipeline at max load → Celery anchor at the same document count → the store replaying the
 * trace's commands raw → the broker's confirm/consume/ack limit at the events' size].
 */
export async function e2eBench(servers: Servers, options: E2eOptions): Promise<E2eResult> {
  const loads: OfferedLoad[] = options.loads.includes('max')
    ? options.loads
    : [...options.loads, 'max'];
  const docs = textInvoices(options.documents);
  const documentBytes = Math.round(docs.reduce((s, d) => s + d.body.length, 0) / docs.length);
  const run = (load: OfferedLoad, traceDir?: string) =>
    pipelineRun(servers, {
      docs,
      load,
      replicas: options.replicas,
      antivirus: options.antivirus,
      ...(traceDir ? { traceDir } : {}),
    });
  log(
    `\nend-to-end bench: ${options.documents} text documents (~${documentBytes} B) per run, ${options.replicas} replica(s) per service, loads ${loads.join(', ')}, ${options.reps} rep(s) at max; antivirus ${options.antivirus.on ? 'on' : 'off'}`,
  );
  let celery = options.celery;
  let celerySkipped = '';
  if (celery)
    await ensureCeleryAnchor((line) => log(`  [celery] ${line}`)).catch((err: Error) => {
      celery = false;
      celerySkipped = err.message;
      log(`  Celery anchor left out: ${celerySkipped.split('\n')[0]}`);
    });

  mkdirSync(join(repoRoot, '.data'), { recursive: true });
  const traceDir = mkdtempSync(join(repoRoot, '.data', 'bench-trace-'));
  let traced: PipelineRunResult;
  let trace: ReturnType<typeof loadTrace>;
  try {
    traced = await run('max', traceDir);
    trace = loadTrace(traced.traces);
  } finally {
    rmSync(traceDir, { recursive: true, force: true });
  }
  const rt = roundTrips(trace, options.documents);
  const unseen = rt.lanes.filter((lane) => lane.perDocument === 0).map((lane) => lane.lane);
  if (unseen.length > 0)
    throw new Error(`the trace run attributed no database command to ${unseen.join(', ')}`);
  log(
    `  trace run (commands recorded, not measured): ${fmt(traced.docsPerSecond)} docs/s, ${fmt(rt.perDocument)} database round trips per document`,
  );
  const messageBytes = meanDeliveryBytes(traced.eventBytes);
  const deliveries = deliveriesPerDocument();
  const lanes = ['scanner', 'ocr', 'classifier', 'publisher', 'tracker'];
  const concurrency = {
    http: MAX_LOAD_CONNECTIONS,
    ...Object.fromEntries(lanes.map((l) => [l, STAGE_PREFETCH * options.replicas])),
  };

  const byLoad = new Map<OfferedLoad, PipelineRunResult[]>();
  for (const load of loads.filter((l) => l !== 'max')) {
    const result = await run(load);
    byLoad.set(load, [result]);
    log(`  offered ${load} docs/s: ${fmt(result.docsPerSecond)} docs/s`);
  }
  const maxRuns: PipelineRunResult[] = [];
  const store: number[] = [];
  const storeCpu: number[] = [];
  const storeOwnCpu: number[] = [];
  const divergent: number[] = [];
  const broker: number[] = [];
  const celeryRuns: CeleryRun[] = [];
  for (let rep = 1; rep <= options.reps; rep++) {
    const pipeline = await run('max');
    maxRuns.push(pipeline);
    if (celery) {
      try {
        celeryRuns.push(await celeryRun(options.documents, Math.min(300, options.documents)));
      } catch (err) {
        celery = false;
        celerySkipped = (err as Error).message;
        log(`  Celery anchor failed, left out: ${celerySkipped.split('\n')[0]}`);
      }
    }
    const replay = await replayTrace(servers, trace, { concurrency, seed: traced.seed });
    store.push(replay.docsPerSecond);
    storeCpu.push(cpuMsPerDocument(replay.machineBusy, replay.docsPerSecond));
    storeOwnCpu.push(replay.storeCpuMsPerDocument);
    divergent.push(replay.divergent / replay.commands);
    broker.push(
      await brokerHop(servers, Math.max(2000, options.documents * deliveries), messageBytes),
    );
    log(
      `  rep ${rep}: docflow ${fmt(pipeline.docsPerSecond)} docs/s, store ceiling ${fmt(store.at(-1)!)} docs/s (${replay.divergent} of ${replay.commands} replies counted otherwise than traced${
        replay.divergent > 0
          ? `: ${replay.divergentCalls
              .slice(0, 3)
              .map((d) => `${d.call} ×${d.count}`)
              .join(', ')}`
          : ''
      }), broker ${fmt(broker.at(-1)!)} msgs/s${celeryRuns[rep - 1] ? `, Celery ${fmt(celeryRuns[rep - 1]!.docsPerSecond)} docs/s` : ''}`,
    );
  }
  byLoad.set('max', maxRuns);
  const perRep = (f: (i: number) => number) => summarise(maxRuns.map((_, i) => f(i)));
  return {
    parameters: {
      ...options,
      loads,
      prefetch: STAGE_PREFETCH,
      uploaders: MAX_LOAD_CONNECTIONS,
      documentBytes,
    },
    roundTrips: rt,
    eventBytes: traced.eventBytes,
    loads: loads.map((load) => loadResult(load, byLoad.get(load)!)),
    brokerLimit: { messageBytes, msgsPerSecond: summarise(broker) },
    storeCeiling: {
      docsPerSecond: summarise(store),
      commandsPerDocument: rt.perDocument,
      machineCpuMsPerDocument: median(storeCpu),
      storeCpuMsPerDocument: median(storeOwnCpu),
      divergentShare: median(divergent),
    },
    celery:
      celeryRuns.length === options.reps && celeryRuns.length > 0
        ? {
            docsPerSecond: summarise(celeryRuns.map((c) => c.docsPerSecond)),
            cpuMsPerDocument: median(
              celeryRuns.map((c) => cpuMsPerDocument(c.cpuShareOfMachine, c.docsPerSecond)),
            ),
            runs: celeryRuns,
          }
        : {
            skipped:
              celerySkipped || 'not requested (--no-celery, --pin-store, or the pinned scenario)',
          },
    ratios: {
      deliveriesPerDocument: deliveries,
      docflowToStore: perRep((i) => maxRuns[i]!.docsPerSecond / store[i]!),
      hopsToBroker: perRep((i) => (maxRuns[i]!.docsPerSecond * deliveries) / broker[i]!),
      ...(celeryRuns.length === maxRuns.length && celeryRuns.length > 0
        ? {
            docflowToCelery: perRep(
              (i) => maxRuns[i]!.docsPerSecond / celeryRuns[i]!.docsPerSecond,
            ),
          }
        : {}),
    },
  };
}
