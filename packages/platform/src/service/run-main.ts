import { ConfigError } from '../config';

/**
 * Runs a service's composition root: on a configuration error prints every problem and exits 78
 * (EX_CONFIG); on SIGTERM/SIGINT stops gracefully and exits 0; a second signal exits at once.
 */
export function runMain(start: () => Promise<{ stop(): Promise<void> }>): void {
  let stopping = false;
  // a start that throws before its first await (parsing the configuration) is a rejection too
  Promise.resolve()
    .then(start)
    .then(
      (service) => {
        const shutdown = (signal: NodeJS.Signals): void => {
          if (stopping) process.exit(130);
          stopping = true;
          process.stderr.write(`received ${signal}, shutting down\n`);
          service.stop().then(
            () => process.exit(0),
            (err: unknown) => {
              process.stderr.write(`shutdown failed: ${String(err)}\n`);
              process.exit(1);
            },
          );
        };
        process.on('SIGTERM', shutdown);
        process.on('SIGINT', shutdown);
      },
      (err: unknown) => {
        if (err instanceof ConfigError) {
          process.stderr.write(`${err.message}\n`);
          process.exit(78);
        }
        process.stderr.write(
          `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
        );
        process.exit(1);
      },
    );
}
