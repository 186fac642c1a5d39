import type { E2eResult } from './e2e-bench';
import { STAGES } from './pipeline/stage-latency';
import { fmt, pct, type Percentiles, type RateSummary } from './stats';
import { roundTripTable } from './trace/round-trips';

const range = (s: RateSummary): string =>
  s.runs.length > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median);
const ratio = (s: RateSummary): string =>
  s.runs.length > 1 ? `${pct(s.median)} (${pct(s.min)}–${pct(s.max)})` : pct(s.median);
const ms = (p: Percentiles): string =>
  [p.p50, p.p95, p.p99].map((v) => (Number.isNaN(v) ? '–' : Math.round(v))).join(' / ');

const cpu = (byService: Record<string, number>): string =>
  `${Math.round(byService.all ?? 0)} (${Object.entries(byService)
    .filter(([name]) => name !== 'all')
    .map(([name, v]) => `${name} ${Math.round(v)}`)
    .join(', ')})`;

/** The headline: docflow at max load against the store, the broker and Celery, same run. */
export function e2eHeadline(r: E2eResult): string {
  const p = r.parameters;
  const maxLoad = r.loads.find((l) => l.load === 'max');
  const docflow = maxLoad?.docsPerSecond;
  const rows = [
    '| scenario | median (min–max) | CPU ms per document | docflow as a share of it: median of per-rep ratios (min–max) |',
    '|---|---|---|---|',
    `| (e1) docflow, text pipeline end to end, max load, ${p.replicas} replica(s) per service | ${docflow ? range(docflow) : '–'} docs/s | ${maxLoad ? `docflow's services ${Math.round(maxLoad.serviceCpuMsPerDocument.all ?? 0)}; store ${Math.round(maxLoad.serverCpuMsPerDocument.store)}; broker ${Math.round(maxLoad.serverCpuMsPerDocument.broker)}; whole machine ${Math.round(maxLoad.machineCpuMsPerDocument)}` : '–'} | |`,
    `| (e2) store ceiling: the same ${fmt(r.storeCeiling.commandsPerDocument)} database calls per document, raw, same concurrency and per-document order (${pct(r.storeCeiling.divergentShare)} of replies counted otherwise than traced) | ${range(r.storeCeiling.docsPerSecond)} docs/s | store ${Math.round(r.storeCeiling.storeCpuMsPerDocument)}; whole machine ${Math.round(r.storeCeiling.machineCpuMsPerDocument)} | ${ratio(r.ratios.docflowToStore)} (target ≥ 85 %) |`,
    `| (e3) broker limit: confirm-publish + consume + ack, ${r.brokerLimit.messageBytes} B, quorum queue | ${range(r.brokerLimit.msgsPerSecond)} msgs/s | | ${ratio(r.ratios.hopsToBroker)} (${r.ratios.deliveriesPerDocument} hops per document) |`,
    'skipped' in r.celery
      ? `| (e4) Celery + Redis anchor | not run: ${r.celery.skipped.split('\n')[0]} | | |`
      : `| (e4) Celery + Redis 4-stage chain, ${r.celery.runs[0]!.pool}, same ${p.documents} documents | ${range(r.celery.docsPerSecond)} docs/s | the anchor's worker, Redis and client ${Math.round(r.celery.cpuMsPerDocument)} | ${r.ratios.docflowToCelery ? ratio(r.ratios.docflowToCelery) : '–'} |`,
  ];
  return rows.join('\n');
}

/** Documents/s and per-stage latency at each offered load. */
export function e2eLoadTable(r: E2eResult): string {
  return [
    `| offered load | runs | docs/s | ${STAGES.map((s) => `${s.replaceAll('_', ' ')} ms p50 / p95 / p99`).join(' | ')} | services' CPU ms per document | machine CPU busy | outcomes |`,
    `|---|---|---|${STAGES.map(() => '---').join('|')}|---|---|---|`,
    ...r.loads.map(
      (l) =>
        `| ${l.load === 'max' ? `max (${r.parameters.uploaders} uploaders)` : `${l.load} docs/s`} | ${l.runs} | ${range(l.docsPerSecond)} | ${STAGES.map((s) => ms(l.latencyMs[s])).join(' | ')} | ${cpu(l.serviceCpuMsPerDocument)} | ${Math.round(l.machineBusy * 100)} % | ${Object.entries(
          l.outcomes,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
    ),
  ].join('\n');
}

/** Everything the end-to-end scenario prints and writes, as markdown. */
export function e2eMarkdown(r: E2eResult): string {
  return [
    e2eHeadline(r),
    '',
    e2eLoadTable(r),
    '',
    `Database round trips per document (trace run, ${r.roundTrips.documents} documents):`,
    '',
    roundTripTable(r.roundTrips),
  ].join('\n');
}
