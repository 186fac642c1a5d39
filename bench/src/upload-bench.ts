import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { gatewayConfigSchema, startGateway } from '@docflow/gateway';
import { parseConfig } from '@docflow/platform';
import { createTenantRepository } from '@docflow/tenants';
import { sandbox, type Servers } from './sandbox';
import { fmt } from './stats';

export type UploadTarget = Servers;

export interface UploadResult {
  fileBytes: number;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
}

/** One multipart body with one file, as a client sends it. */
function multipart(fileBytes: number): { body: Buffer; contentType: string } {
  const boundary = `----docflow${randomUUID()}`;
  const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(Math.max(0, fileBytes - 9))]);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="small.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Upload throughput of the gateway for small files: autocannon posting one-file multipart requests
 * over HTTP to a real gateway (blob into GridFS, document record with its outbox, confirmed publish
 * of document.received), in this process, against a database of its own.
 */
export async function uploadBench(
  target: UploadTarget,
  options: { seconds: number; connections: number; fileBytes: number },
): Promise<UploadResult> {
  // a vhost and database of its own: the uploads' events would otherwise pile up, unconsumed, in
  // the broker's default vhost
  const box = await sandbox(target, 'bench_upload');
  const gateway = await startGateway(
    parseConfig(gatewayConfigSchema, {
      ...process.env,
      AMQP_URL: box.amqpUrl,
      MONGODB_URL: target.mongoUrl,
      MONGODB_DATABASE: box.name,
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
    }),
  );
  try {
    const tenants = createTenantRepository(gateway.db);
    const tenant = await tenants.create({ name: 'bench' });
    const { key } = await tenants.createKey(tenant._id);
    const { body, contentType } = multipart(options.fileBytes);
    const run = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${gateway.port}/v1/documents`,
        method: 'POST',
        connections: options.connections,
        duration,
        headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
        body,
      });
    await run(2); // warm-up
    const result = await run(options.seconds);
    return {
      fileBytes: options.fileBytes,
      connections: options.connections,
      seconds: options.seconds,
      requestsPerSecond: result.requests.average,
      latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    await gateway.stop();
    await box.dispose();
  }
}

export function uploadTable(results: readonly UploadResult[]): string {
  return [
    '| file | connections | uploads/s (mean) | p50 ms | p97.5 ms | p99 ms | non-2xx |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.fileBytes} B | ${r.connections} | ${fmt(r.requestsPerSecond)} | ${r.latencyMs.p50} | ${r.latencyMs.p97_5} | ${r.latencyMs.p99} | ${r.non2xx + r.errors} |`,
    ),
  ].join('\n');
}

/** Gateway upload throughput for small files at a few concurrencies (autocannon over HTTP). */
export async function uploadScenario(
  target: UploadTarget,
  seconds: number,
): Promise<{ result: UploadResult[]; markdown: string }> {
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
  return { result: results, markdown: uploadTable(results) };
}
