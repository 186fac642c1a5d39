import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger, createMetrics, parseConfig } from '@docflow/platform';
import { createApp } from './app';
import type { AppDeps } from './app-deps';
import { gatewayConfigSchema } from './config';

/** Dependencies that fail if used: building the document must not touch a server. */
function inert(): AppDeps {
  const refuse = (name: string) =>
    new Proxy(
      {},
      {
        get: (_target, key) => {
          throw new Error(`openapi: ${name}.${String(key)} used while only building the document`);
        },
      },
    );
  return {
    config: parseConfig(gatewayConfigSchema, {}),
    logger: createLogger({ service: 'openapi', level: 'silent' }),
    metrics: createMetrics('openapi'),
    bus: refuse('bus'),
    documents: refuse('documents'),
    blobs: refuse('blobs'),
    texts: refuse('texts'),
    tenants: refuse('tenants'),
    authFailures: refuse('authFailures'),
    batches: refuse('batches'),
    records: refuse('records'),
    trainingExamples: refuse('trainingExamples'),
    vendorLayouts: refuse('vendorLayouts'),
    jobRuns: refuse('jobRuns'),
    digests: refuse('digests'),
    idempotencyKeys: refuse('idempotencyKeys'),
    intake: refuse('intake'),
    outbox: refuse('outbox'),
    liveFeed: refuse('liveFeed'),
    pipeline: refuse('pipeline'),
    deadLetters: refuse('deadLetters'),
    webhooks: refuse('webhooks'),
    pingDatabase: async () => false,
    readiness: async () => ({}),
  } as AppDeps;
}

/** The API's OpenAPI document, built from the routes' zod schemas without starting anything. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = await createApp(inert());
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}

export function serialise(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (require.main === module) {
  const target = resolve(process.argv[2] ?? 'docs/openapi.json');
  buildOpenApiDocument().then(
    (document) => {
      writeFileSync(target, serialise(document));
      process.stdout.write(`wrote ${target}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
}
