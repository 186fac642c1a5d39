import { PREFETCH, brokerHop, rawHop, runtimeHop } from './hop-scenarios';
import type { Servers } from './sandbox';
import { fmt, pct, summarise, type RateSummary } from './stats';

export interface HopResult {
  parameters: { n: number; reps: number; prefetch: number; messageBytes: number };
  results: { brokerLimit: RateSummary; runtimeHop: RateSummary; rawHopCeiling: RateSummary };
  ratios: { runtimeToCeiling: number; runtimeToBroker: number; ceilingToBroker: number };
}

/**
 * One hop, three ways, interleaved run by run so machine noise falls on all three alike: (a) the
 * broker's limit, (b) the runtime hop, (c) the raw amqplib hop with (b)'s database calls.
 */
export async function hopBench(
  target: Servers,
  n: number,
  reps: number,
): Promise<{ result: HopResult; markdown: string }> {
  process.stdout.write(`\nhop bench: ${n} messages per run, ${reps} runs, prefetch ${PREFETCH}\n`);
  // Warm-up (JIT, connections, server caches): one small run of each, not recorded.
  const warm = Math.min(300, n);
  await brokerHop(target, warm);
  await runtimeHop(target, warm);
  await rawHop(target, warm);

  const runs = { a: [] as number[], b: [] as number[], c: [] as number[] };
  for (let rep = 1; rep <= reps; rep++) {
    runs.a.push(await brokerHop(target, n));
    runs.b.push(await runtimeHop(target, n));
    runs.c.push(await rawHop(target, n));
    process.stdout.write(
      `  run ${rep}: (a) ${fmt(runs.a.at(-1)!)}/s  (b) ${fmt(runs.b.at(-1)!)}/s  (c) ${fmt(runs.c.at(-1)!)}/s\n`,
    );
  }
  const a = summarise(runs.a);
  const b = summarise(runs.b);
  const c = summarise(runs.c);
  const rows = [
    ['(a) broker limit: confirm-publish + consume + ack, 1 KB, quorum queue', a],
    ['(b) runtime hop: validate + idempotency + state update + confirmed follow-up', b],
    ['(c) ceiling of (b): raw amqplib + the same database calls', c],
  ] as const;
  const markdown = [
    '| scenario | msgs/s median | min | max |',
    '|---|---|---|---|',
    ...rows.map(([label, s]) => `| ${label} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} |`),
    '',
    `(b)/(c) = ${pct(b.median / c.median)} (target ≥ 85 %)   (b)/(a) = ${pct(b.median / a.median)}   (c)/(a) = ${pct(c.median / a.median)}`,
  ].join('\n');
  return {
    result: {
      parameters: { n, reps, prefetch: PREFETCH, messageBytes: 1024 },
      results: { brokerLimit: a, runtimeHop: b, rawHopCeiling: c },
      ratios: {
        runtimeToCeiling: b.median / c.median,
        runtimeToBroker: b.median / a.median,
        ceilingToBroker: c.median / a.median,
      },
    },
    markdown,
  };
}
