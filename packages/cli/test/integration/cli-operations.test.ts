import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import { queuesOf } from '@docflow/contracts';
import { HEADERS } from '@docflow/platform';
import { repoRoot, waitFor } from '@docflow/testing';
import { docflow, removeSampleFiles, sampleFiles } from '../support/cli-runner';
import { ADMIN_KEY, stageEvent, startHarness, type Harness } from '../support/gateway';

const run = promisify(execFile);

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('docflow command line: dead letters, refusals, exit codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('cli-operations', { MAX_UPLOAD_BYTES: '4096' });
  });
  afterAll(async () => {
    removeSampleFiles();
    await h.stop();
  });

  const tenantEnv = async (options: { rateLimit?: number } = {}) => {
    const { id, key } = await h.tenant(options);
    return { tenantId: id, env: { DOCFLOW_URL: h.url, DOCFLOW_API_KEY: key } };
  };

  it('when messages are dead-lettered, then the admin lists them, replays one by id and the rest with --all, and deletes one', async () => {
    const { tenantId, env } = await tenantEnv();
    const admin = { DOCFLOW_URL: h.url, DOCFLOW_ADMIN_KEY: ADMIN_KEY };
    const upload = JSON.parse(
      (await docflow(['upload', ...sampleFiles('dl.pdf'), '--json'], env)).stdout,
    );
    const doc = { id: upload.documents[0].id as string, tenantId };
    const scanned = stageEvent(doc, 'document.scanned', {
      blob: { bucket: 'blobs', id: doc.id },
      detectedType: 'pdf',
      mimeType: 'application/pdf',
      sizeBytes: 11,
      sha256: 'e'.repeat(64),
      antivirus: { status: 'clean' },
    });
    const extracted = stageEvent(doc, 'document.text_extracted', {
      detectedType: 'pdf',
      text: { store: 'collection', id: 'none' },
      totalChars: 1,
      pages: [{ page: 1, method: 'text_layer', confidence: 1, chars: 1, durationMs: 1 }],
    });
    // tracker messages that failed for good, as the runtime dead-letters them
    const model = await connect(h.ctx.amqpUrl);
    const channel = await model.createConfirmChannel();
    for (const [body, code] of [
      [JSON.stringify(scanned), 'DB_DOWN'],
      [JSON.stringify(extracted), 'DB_SLOW'],
      ['not json at all', 'MESSAGE_NOT_JSON'],
    ] as const)
      channel.sendToQueue(queuesOf('tracker').deadLetter, Buffer.from(body), {
        persistent: true,
        headers: {
          [HEADERS.reason]: 'retries_exhausted',
          [HEADERS.errorCode]: code,
          [HEADERS.lastError]: 'database was away',
          [HEADERS.retries]: 5,
          [HEADERS.deadLetteredAt]: new Date().toISOString(),
        },
      });
    await channel.waitForConfirms();
    await model.close();

    type Item = { id: string; errorCode: string; eventId: string | null };
    const items: Item[] = await waitFor(
      async () => {
        const listed = await docflow(
          ['dlq', 'list', '--queue', 'docflow.tracker.dlq', '--json'],
          admin,
        );
        const found = JSON.parse(listed.stdout).items as Item[];
        return found.length === 3 ? found : null;
      },
      15_000,
      'three stored dead letters',
    );
    const byCode = (code: string) => items.find((d) => d.errorCode === code)!;
    expect(byCode('DB_DOWN').eventId).toBe(scanned.eventId);
    const table = await docflow(['dlq', 'list'], admin);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      new RegExp(
        `^${byCode('DB_DOWN').id} .* tracker +retries_exhausted +DB_DOWN +5 +0 +document\\.scanned +${doc.id} database was away$`,
        'm',
      ),
    );

    const one = await docflow(['dlq', 'replay', byCode('DB_DOWN').id], admin);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout).toBe(
      `replayed ${byCode('DB_DOWN').id} onto docflow.tracker (document.scanned)\n`,
    );
    expect((await docflow(['dlq', 'delete', byCode('MESSAGE_NOT_JSON').id], admin)).stdout).toBe(
      `deleted ${byCode('MESSAGE_NOT_JSON').id}\n`,
    );
    const rest = await docflow(['dlq', 'replay', '--all', '--queue', 'tracker'], admin);
    expect(rest.stdout).toBe(
      `replayed ${byCode('DB_SLOW').id} onto docflow.tracker (document.text_extracted)\n`,
    );

    // the replayed events reach the tracker again; nothing is left
    await waitFor(
      async () =>
        JSON.parse((await docflow(['status', doc.id, '--json'], env)).stdout).status ===
        'text_extracted',
      15_000,
      'replayed events applied',
    );
    expect((await docflow(['dlq', 'list'], admin)).stdout).toBe('no dead letters\n');
    const gone = await docflow(['dlq', 'replay', byCode('DB_DOWN').id], admin);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toBe(
      `not replayed ${byCode('DB_DOWN').id}: dead letter not found: ${byCode('DB_DOWN').id} (404 DEAD_LETTER_NOT_FOUND)\n`,
    );
  });

  it('when a key is wrong, then 401 is explained naming the variable to fix', async () => {
    const { env } = await tenantEnv();

    const wrongTenant = await docflow(['status', randomUUID()], {
      ...env,
      DOCFLOW_API_KEY: `dfk_${'0'.repeat(12)}_${'x'.repeat(43)}`,
    });
    const tenantAsAdmin = await docflow(['dlq', 'list'], {
      DOCFLOW_URL: h.url,
      ADMIN_API_KEY: env.DOCFLOW_API_KEY,
    });

    expect(wrongTenant.code).toBe(1);
    expect(wrongTenant.stderr).toBe(
      'error: the gateway refused the key: the API key is unknown or revoked (401 UNAUTHORIZED); check DOCFLOW_API_KEY\n',
    );
    expect(tenantAsAdmin.code).toBe(1);
    expect(tenantAsAdmin.stderr).toBe(
      'error: the gateway refused the key: this endpoint needs the admin key (401 UNAUTHORIZED); check ADMIN_API_KEY\n',
    );
  });

  it('when an id is unknown, then 404 is explained with the id, and --json errors are JSON', async () => {
    const { env } = await tenantEnv();
    const id = randomUUID();

    const document = await docflow(['status', id], env);
    const batch = await docflow(['batch', id, '--json'], env);

    expect(document).toMatchObject({ code: 1, stdout: '' });
    expect(document.stderr).toBe(`error: document not found: ${id} (404 DOCUMENT_NOT_FOUND)\n`);
    expect(batch.code).toBe(1);
    expect(JSON.parse(batch.stderr)).toEqual({
      error: 'BATCH_NOT_FOUND',
      message: `batch not found: ${id} (404 BATCH_NOT_FOUND)`,
      status: 404,
    });
  });

  it('when the gateway is not running, then the message says it cannot be reached at its address', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;

    const down = await docflow(['status', randomUUID()], {
      DOCFLOW_URL: url,
      DOCFLOW_API_KEY: 'k',
    });

    expect(down.code).toBe(1);
    expect(down.stderr).toBe(
      `error: cannot reach the gateway at ${url} (ECONNREFUSED); is it running? (set DOCFLOW_URL to its address)\n`,
    );
  });

  it('when a file is too large or the tenant is over its rate limit, then 413 and 429 are explained', async () => {
    const { env } = await tenantEnv({ rateLimit: 1 });
    const [big] = sampleFiles('big.pdf');
    writeFileSync(big!, Buffer.alloc(10_000, 'a'));

    const tooLarge = await docflow(['upload', big!], env);
    const limited = await docflow(['status', randomUUID()], env);

    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toMatch(
      /^error: the gateway refused the upload as too large: .+ \(413 FILE_TOO_LARGE\)\n$/,
    );
    // one request per minute: the second waits longer than the command line does
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(
      /^error: the gateway rate-limits this key: rate limit of 1 requests per 1 minute reached; retry in \d+ ms \(429\); retry after \d+ s\n$/,
    );
  });

  it('when arguments are wrong or a key is missing, then the usage is printed and the exit code is 2', async () => {
    const env = { DOCFLOW_URL: h.url, DOCFLOW_API_KEY: 'k' };
    const cases: [string[], Record<string, string>, string][] = [
      [[], env, 'no command'],
      [['frobnicate'], env, 'unknown command "frobnicate"'],
      [['upload'], env, 'upload: name at least one file'],
      [['upload', '/no/such/file.pdf'], env, 'upload: not a readable file: /no/such/file.pdf'],
      [['upload', __filename, '--metadata', '[1]'], env, '--metadata: expected a JSON object'],
      [['status', 'not-an-id'], env, 'status: the document id: expected an id like'],
      [['status', randomUUID(), '--verbose'], env, "Unknown option '--verbose'"],
      [['dlq', 'list', '--queue', 'nope'], env, '--queue: no consumer "nope"; one of scanner, ocr'],
      [['dlq', 'replay'], env, 'dlq replay: name dead-letter ids, or --all (not both)'],
      [['status', randomUUID()], { DOCFLOW_URL: h.url }, 'DOCFLOW_API_KEY is not set'],
      [['dlq', 'list'], { DOCFLOW_URL: h.url }, 'DOCFLOW_ADMIN_KEY is not set'],
      [
        ['status', randomUUID()],
        { DOCFLOW_URL: 'ftp://x', DOCFLOW_API_KEY: 'k' },
        'DOCFLOW_URL: expected a URL',
      ],
    ];
    for (const [argv, environment, message] of cases) {
      const result = await docflow(argv, environment);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('docflow upload <file…>');
    }
    const help = await docflow(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('docflow dlq replay <id…> | --all');
  });

  it('when run as a program, then it exits 0 on success, 1 on failure and 2 on usage', async () => {
    const { env } = await tenantEnv();
    const upload = JSON.parse(
      (await docflow(['upload', ...sampleFiles('p.pdf'), '--json'], env)).stdout,
    );
    const program = (...args: string[]) =>
      run(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'packages/cli/src/main.ts'), ...args],
        { env: { PATH: process.env.PATH ?? '', ...env } },
      ).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );

    const ok = await program('status', upload.documents[0].id);
    const failed = await program('status', randomUUID());
    const usage = await program('status');

    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toContain(`document ${upload.documents[0].id}  p.pdf`);
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('document not found'),
    });
    expect(usage).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('name one document id'),
    });
    // three programs compiled by tsx as they start: seconds each on a busy 2-core machine
  }, 120_000);
});
