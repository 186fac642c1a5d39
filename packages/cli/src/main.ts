#!/usr/bin/env node
// The `docflow` command: documents, batches and dead letters through a running gateway's REST
// API; tenants and keys directly in MongoDB. `docflow --help` lists the commands.
import { adminCommand } from './admin-commands';
import { batchCommand } from './batch-command';
import { createCliContext, type CliContext, type CliIo } from './cli-context';
import { EXIT, UsageError, describeFailure } from './cli-errors';
import { dlqCommand } from './dlq-command';
import { statusCommand } from './status-command';
import { uploadCommand } from './upload-command';
import { USAGE } from './usage';

const COMMANDS: Record<string, (argv: string[], ctx: CliContext) => Promise<number>> = {
  upload: uploadCommand,
  status: statusCommand,
  batch: batchCommand,
  dlq: dlqCommand,
  tenants: (argv, ctx) => adminCommand(['tenants', ...argv], ctx),
  keys: (argv, ctx) => adminCommand(['keys', ...argv], ctx),
};

/** Runs one command line; answers the exit code. Errors become one message on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    if (argv.includes('--help') || argv[0] === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const [name, ...rest] = argv;
    if (!name) throw new UsageError('no command');
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command(rest, createCliContext(io, json));
  } catch (err) {
    const failure = describeFailure(err);
    if (json)
      io.stderr.write(
        `${JSON.stringify({ error: failure.code, message: failure.message, ...(failure.status ? { status: failure.status } : {}) })}\n`,
      );
    else io.stderr.write(`error: ${failure.message}\n`);
    if (failure.exitCode === 2 && !json) io.stderr.write(`\n${USAGE}\n`);
    return failure.exitCode;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
