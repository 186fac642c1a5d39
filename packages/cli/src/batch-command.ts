import { parseArgs } from 'node:util';
import {
  checked,
  JSON_OPTION,
  strictArgs,
  uuidArg,
  waitTimeoutArg,
  type CliContext,
} from './cli-context';
import { EXIT, UsageError } from './cli-errors';
import { followProgress } from './follow-progress';
import type { BatchView } from './gateway-client';
import { createProgressReporter, renderProgressLine } from './progress-bar';
import { cell, outcome } from './results-table';

/** `docflow batch <batchId> [--wait]`: counts by status and stage, percent done, p50/p95. */
export async function batchCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    ...strictArgs(argv),
    options: {
      ...JSON_OPTION,
      wait: { type: 'boolean' },
      timeout: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('batch: name one batch id');
  const id = checked(uuidArg, positionals[0], 'batch: the batch id');
  const timeoutMs =
    values.timeout === undefined ? undefined : checked(waitTimeoutArg, values.timeout, '--timeout');
  const client = ctx.gateway('tenant');
  let settled = true;
  if (values.wait) {
    settled = (
      await followProgress(
        client,
        { batchId: id },
        {
          reporter: createProgressReporter(ctx.io.stderr),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        },
      )
    ).settled;
  }
  const batch = await client.batch(id);
  ctx.print(batchText(batch), batch);
  if (settled) return EXIT.ok;
  ctx.io.stderr.write(`error: stopped waiting after ${timeoutMs! / 1000} s\n`);
  return EXIT.failed;
}

const counts = (byKey: Record<string, number>): string =>
  Object.entries(byKey)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => `${key} ${n}`)
    .join(', ') || '-';

/** A batch's progress for a person, then its documents. */
export function batchText(batch: BatchView): string {
  const { p50, p95, max } = batch.latencyMs;
  return [
    `batch ${batch.id}: ${batch.settled}/${batch.total} settled (${batch.percentDone}%)`,
    renderProgressLine(batch),
    `by status  ${counts(batch.byStatus)}`,
    `by stage   ${counts(batch.byStage)}`,
    `latency    p50 ${p50 ?? '-'} ms, p95 ${p95 ?? '-'} ms, max ${max ?? '-'} ms per document`,
    `started    ${batch.startedAt}${batch.finishedAt ? `  finished ${batch.finishedAt}` : ''}`,
    'documents',
    ...batch.documents.map((d) => `  ${d.id}  ${cell(d.filename, 28)} ${outcome(d)}`),
  ].join('\n');
}
