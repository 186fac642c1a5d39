// `npm run soak`: the six services as processes, then 10,000 small documents (text invoices,
// facturas, receipts, bank-statement CSVs, notes, about 1 % antivirus test files) offered at a
// bounded rate, with the counts checked at the end (see packages/e2e/test/support/soak.ts).
// Flags: --docs N (10000), --rate R documents/s (25), --concurrency C (8). Exits 1 on a mismatch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPipeline } from '../packages/e2e/test/support/pipeline';
import { runSoak } from '../packages/e2e/test/support/soak';

const flags = z.object({
  docs: z.coerce.number().int().min(1).default(10_000),
  rate: z.coerce.number().positive().default(25),
  concurrency: z.coerce.number().int().min(1).max(64).default(8),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const parsed = flags.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(
      `soak: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n`,
    );
    return 2;
  }
  const { docs, rate, concurrency } = parsed.data;
  process.stdout.write(`soak: starting the six services (a database and vhost of their own)\n`);
  const pipeline = await startPipeline({ name: 'soak' });
  // Ctrl-C or a kill stops the services this run started, and drops its database and vhost
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      process.stderr.write(`soak: ${signal}, stopping the services\n`);
      void pipeline.stop().finally(() => process.exit(130));
    });
  try {
    process.stdout.write(
      `soak: offering ${docs} documents at ${rate}/s, ${concurrency} uploads at once\n`,
    );
    const report = await runSoak(
      {
        db: pipeline.ctx.db,
        api: pipeline.api,
        adminKey: pipeline.adminKey,
        settledByOutcome: pipeline.settledByOutcome,
      },
      {
        docs,
        rate,
        concurrency,
        onProgress: (p) =>
          process.stdout.write(
            `  ${(p.elapsedMs / 1000).toFixed(0).padStart(5)} s  submitted ${p.submitted}/${docs}  settled ${p.settled}  ${JSON.stringify(p.byStatus)}\n`,
          ),
      },
    );
    const dir = join(__dirname, '..', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `soak-${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      [
        `soak: ${report.submitted} submitted in ${(report.durationMs / 1000).toFixed(0)} s (${report.documentsPerSecond} documents/s end to end)`,
        `  by status: ${JSON.stringify(report.byStatus)}`,
        `  published ${report.published}, with records ${report.documentsWithRecords}, record rows ${report.recordRows}`,
        `  latency p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms`,
        `  refused uploads: ${JSON.stringify(report.refused)}`,
        report.mismatches.length === 0
          ? '  counts: OK (submitted = published + needs_review + rejected; one record set per published document)'
          : `  MISMATCHES:\n${report.mismatches.map((m) => `    ${m}`).join('\n')}`,
        `  report: ${file}`,
      ].join('\n') + '\n',
    );
    return report.mismatches.length === 0 && Object.keys(report.refused).length === 0 ? 0 : 1;
  } finally {
    await pipeline.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`soak: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
