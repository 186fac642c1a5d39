import { collectionOf, type TracedCommand } from './trace-record';
import type { Trace } from './trace-steps';

/** Lanes in the order a document meets them. */
export const LANES = ['http', 'scanner', 'ocr', 'classifier', 'publisher', 'tracker'] as const;
export const LANE_LABELS: Record<string, string> = {
  http: 'gateway: upload',
  tracker: 'gateway: tracker',
};

export interface CallCount {
  /** `<command> <collection>`, with `(duplicate key)` for inserts that lost their race. */
  call: string;
  perDocument: number;
}

export interface LaneRoundTrips {
  lane: string;
  perDocument: number;
  calls: CallCount[];
}

export interface RoundTrips {
  documents: number;
  perDocument: number;
  lanes: LaneRoundTrips[];
  /** Commands of no document during the run (timers), per second of the run. */
  backgroundPerSecond: number;
  background: { call: string; perSecond: number }[];
}

export const callOf = (c: TracedCommand): string =>
  `${c.name} ${collectionOf(c)}${c.code === 11000 ? ' (duplicate key)' : c.code !== undefined ? ` (error ${c.code})` : ''}`;

function countCalls(commands: readonly TracedCommand[], per: number): CallCount[] {
  const counts = new Map<string, number>();
  for (const c of commands) counts.set(callOf(c), (counts.get(callOf(c)) ?? 0) + 1);
  return [...counts]
    .map(([call, n]) => ({ call, perDocument: n / per }))
    .sort((a, b) => b.perDocument - a.perDocument || a.call.localeCompare(b.call));
}

/** Database round trips per document, per lane and per call, from a trace of `documents` documents. */
export function roundTrips(trace: Trace, documents: number): RoundTrips {
  const lanes = LANES.map((lane) => {
    const commands = trace.steps.filter((s) => s.lane === lane).flatMap((s) => s.commands);
    return {
      lane: LANE_LABELS[lane] ?? lane,
      perDocument: commands.length / documents,
      calls: countCalls(commands, documents),
    };
  });
  const during = trace.background.filter(
    (c) => c.startedAt >= trace.span.from && c.startedAt <= trace.span.to,
  );
  const seconds = (trace.span.to - trace.span.from) / 1000;
  return {
    documents,
    perDocument: lanes.reduce((sum, l) => sum + l.perDocument, 0),
    lanes,
    backgroundPerSecond: during.length / seconds,
    background: countCalls(during, seconds).map((c) => ({
      call: c.call,
      perSecond: c.perDocument,
    })),
  };
}

/** One line per lane: `scanner | 5 | find documents 1, insert processed_events 2, …`. */
export function roundTripTable(rt: RoundTrips): string {
  const fmtN = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  return [
    '| lane | round trips per document | calls per document |',
    '|---|---|---|',
    ...rt.lanes.map(
      (l) =>
        `| ${l.lane} | ${fmtN(l.perDocument)} | ${l.calls.map((c) => `${c.call} ×${fmtN(c.perDocument)}`).join(', ')} |`,
    ),
    `| **total** | **${fmtN(rt.perDocument)}** | background (timers, not per document): ${fmtN(rt.backgroundPerSecond)}/s |`,
  ].join('\n');
}
