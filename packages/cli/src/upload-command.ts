import { parseArgs } from 'node:util';
import { openAsBlob, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { checked, JSON_OPTION, strictArgs, waitTimeoutArg, type CliContext } from './cli-context';
import { EXIT, UsageError } from './cli-errors';
import { followProgress, type FollowTarget } from './follow-progress';
import type { Accepted, UploadFile } from './gateway-client';
import { createProgressReporter } from './progress-bar';
import { batchSummary, resultsTable } from './results-table';

const metadataArg = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.unknown(), 'expected a JSON object'));
const idempotencyKeyArg = z.string().regex(/^[\x21-\x7e]{1,255}$/, '1-255 visible characters');

/** `docflow upload <file…> [--batch] [--wait] [--metadata JSON] [--idempotency-key K]` */
export async function uploadCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    ...strictArgs(argv),
    options: {
      ...JSON_OPTION,
      batch: { type: 'boolean' },
      wait: { type: 'boolean' },
      metadata: { type: 'string' },
      'idempotency-key': { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('upload: name at least one file');
  const metadata =
    values.metadata === undefined ? undefined : checked(metadataArg, values.metadata, '--metadata');
  const idempotencyKey =
    values['idempotency-key'] === undefined
      ? undefined
      : checked(idempotencyKeyArg, values['idempotency-key'], '--idempotency-key');
  const timeoutMs =
    values.timeout === undefined ? undefined : checked(waitTimeoutArg, values.timeout, '--timeout');
  // `npm run docflow` runs in the repository's root: paths are relative to where it was typed
  const base = ctx.io.env.INIT_CWD ?? process.cwd();
  const files = await Promise.all(positionals.map((path) => readFile(resolve(base, path))));

  const client = ctx.gateway('tenant');
  const accepted = await client.upload(files, {
    batch: values.batch === true || files.length > 1,
    ...(metadata ? { metadata } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  if (!values.wait) {
    ctx.print(acceptedText(accepted), accepted);
    return EXIT.ok;
  }

  if (!ctx.json) ctx.io.stdout.write(`${acceptedText(accepted)}\n`);
  const target: FollowTarget = accepted.batchId
    ? { batchId: accepted.batchId }
    : { documentId: accepted.documents[0]!.id };
  const { settled } = await followProgress(client, target, {
    reporter: createProgressReporter(ctx.io.stderr),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  const results = await client.documents(accepted.documents.map((d) => d.id));
  const summary = accepted.batchId ? batchSummary(await client.batch(accepted.batchId)) : null;
  ctx.print([resultsTable(results), ...(summary ? [summary] : [])].join('\n'), {
    ...accepted,
    settled,
    results,
  });
  if (settled) return EXIT.ok;
  ctx.io.stderr.write(
    `error: stopped waiting after ${timeoutMs! / 1000} s; the table shows where each document is\n`,
  );
  return EXIT.failed;
}

async function readFile(path: string): Promise<UploadFile> {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`upload: not a readable file: ${path}`);
  }
  return { filename: basename(path), content: await openAsBlob(path) };
}

function acceptedText(accepted: Accepted): string {
  const lines = accepted.batchId
    ? [`batch ${accepted.batchId}: ${accepted.documents.length} documents`]
    : [];
  for (const d of accepted.documents)
    lines.push(`document ${d.id}  ${d.filename}  ${d.sizeBytes} bytes  ${d.status}`);
  return lines.join('\n');
}
