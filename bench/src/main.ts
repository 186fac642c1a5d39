import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { provideServers, repoRoot } from '@docflow/testing';
import { PREFETCH, brokerHop, rawHop, runtimeHop } from './hop-scenarios';
import { ocrBench } from './ocr-bench';
import { uploadBench, uploadTable, type UploadResult } from './upload-bench';
import { fmt, pct, summarise } from './stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const n = arg('n', 2000);
  const reps = arg('reps', 3);
  const servers = await provideServers((line) => process.stderr.write(`[bench] ${line}\n`));
  const target = {
    amqpUrl: servers.AMQP_URL,
    managementUrl: servers.RABBITMQ_MANAGEMENT_URL,
    mongoUrl: servers.MONGODB_URL,
  };
  if (process.argv.includes('--ocr-only')) return ocrBench(target, arg('pages', 16), reps);
  if (process.argv.includes('--upload-only')) return uploads(target, arg('seconds', 10));
  process.stdout.write(
    `docflow bench: ${n} messages per run, ${reps} runs, prefetch ${PREFETCH}; MongoDB-protocol server: ${servers.MONGODB_SERVER}\n`,
  );

  // Warm-up (JIT, connections, server caches): one small run of each, not recorded.
  const warm = Math.min(300, n);
  await brokerHop(target, warm);
  await runtimeHop(target, warm);
  await rawHop(target, warm);

  const runs = { a: [] as number[], b: [] as number[], c: [] as number[] };
  for (let rep = 1; rep <= reps; rep++) {
    // Interleaved, so machine noise falls on all three alike.
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
  const table = [
    '| scenario | msgs/s median | min | max |',
    '|---|---|---|---|',
    ...rows.map(([label, s]) => `| ${label} | ${fmt(s.median)} | ${fmt(s.min)} | ${fmt(s.max)} |`),
    '',
    `(b)/(c) = ${pct(b.median / c.median)} (target ≥ 85 %)   (b)/(a) = ${pct(b.median / a.median)}   (c)/(a) = ${pct(c.median / a.median)}`,
  ].join('\n');
  process.stdout.write(`\n${table}\n`);

  const date = new Date().toISOString().slice(0, 10);
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${date}-hop.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGiB: Math.round(totalmem() / 2 ** 30),
          node: process.version,
        },
        servers: { mongodb: servers.MONGODB_SERVER, source: servers.SOURCE },
        parameters: { n, reps, prefetch: PREFETCH, messageBytes: 1024 },
        results: { brokerLimit: a, runtimeHop: b, rawHopCeiling: c },
        ratios: {
          runtimeToCeiling: b.median / c.median,
          runtimeToBroker: b.median / a.median,
          ceilingToBroker: c.median / a.median,
        },
        markdown: table,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`\nwrote ${file}\n`);
  await uploads(target, arg('seconds', 10));
  await ocrBench(target, arg('pages', 16), reps);
}

/** Gateway upload throughput for small files at a few concurrencies (autocannon over HTTP). */
async function uploads(target: { amqpUrl: string; mongoUrl: string }, seconds: number) {
  process.stdout.write(
    `\nupload bench: one-file multipart POST /v1/documents, ${seconds} s each\n`,
  );
  const results: UploadResult[] = [];
  for (const [fileBytes, connections] of [
    [2_048, 1],
    [2_048, 10],
    [65_536, 10],
  ] as const) {
    results.push(await uploadBench(target, { seconds, connections, fileBytes }));
    process.stdout.write(
      `  ${fileBytes} B x ${connections}: ${results.at(-1)!.requestsPerSecond.toFixed(1)}/s\n`,
    );
  }
  const table = uploadTable(results);
  process.stdout.write(`\n${table}\n`);
  const file = join(
    repoRoot,
    'bench/results',
    `${new Date().toISOString().slice(0, 10)}-upload.json`,
  );
  mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version }, results, markdown: table }, null, 2)}\n`,
  );
  process.stdout.write(`wrote ${file}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
