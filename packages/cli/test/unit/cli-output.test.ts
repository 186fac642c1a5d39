import { describeFailure, GatewayError, UsageError } from '../../src/cli-errors';
import { followProgress } from '../../src/follow-progress';
import {
  createGatewayClient,
  retryAfterSeconds,
  type DocumentView,
  type GatewayClient,
} from '../../src/gateway-client';
import { createProgressReporter, renderProgressLine } from '../../src/progress-bar';
import { batchSummary, cell, keyFields, resultsTable } from '../../src/results-table';
import { parseEventBlock, readServerSentEvents } from '../../src/server-sent-events';

function view(overrides: Partial<DocumentView> = {}): DocumentView {
  const id = '0b8c3f9e-1111-4111-8111-111111111111';
  return {
    id,
    batchId: null,
    filename: 'invoice.pdf',
    declaredContentType: null,
    sizeBytes: 10,
    sha256: 'a'.repeat(64),
    metadata: null,
    status: 'published',
    stage: null,
    attempt: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:01.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    timeline: [],
    errors: [],
    scan: null,
    text: null,
    result: null,
    rejection: null,
    records: [],
    revision: null,
    cancellation: null,
    links: { self: `/v1/documents/${id}`, file: '', text: '' },
    ...overrides,
  };
}

const classified: DocumentView['result'] = {
  docType: 'invoice',
  confidence: 0.956,
  modelVersion: 'm1',
  candidates: [],
  fields: {
    currency: { value: 'EUR', confidence: 0.9 },
    invoiceNumber: { value: 'F-123', confidence: 0.9 },
    total: { value: 121.5, confidence: 0.9 },
    bank: { value: null, confidence: 0.1 },
    merchant: { value: 'Acme', confidence: 0.9 },
  },
  tables: {},
  findings: [
    { code: 'total.mismatch', severity: 'warning', message: 'lines do not add up' },
    { code: 'tax_id.missing', severity: 'info', message: 'no tax id' },
  ],
};

/** A stream that records what was written to it. */
function output(isTTY: boolean, columns?: number) {
  const chunks: string[] = [];
  return {
    chunks,
    stream: { isTTY, ...(columns ? { columns } : {}), write: (c: string) => chunks.push(c) },
  };
}

describe('command line output', () => {
  it('when a batch is part done, then the bar fills in proportion and lists the non-zero counts', () => {
    const line = renderProgressLine(
      { total: 4, settled: 1, byStatus: { published: 1, received: 3, failed: 0 } },
      8,
    );
    expect(line).toBe('  [##......] 1/4  25%  published 1, received 3');
    expect(renderProgressLine({ total: 2, settled: 2, byStatus: {} }, 4)).toBe('  [####] 2/2 100%');
    expect(renderProgressLine({ total: 0, settled: 0, byStatus: {} }, 4)).toContain('[####] 0/0');
  });

  it('when drawn on a terminal, then one line is redrawn in place, cut to the width, and ended once', () => {
    const out = output(true, 30);
    const reporter = createProgressReporter(out.stream);
    reporter.update({ total: 2, settled: 0, byStatus: { received: 2 } });
    reporter.update({ total: 2, settled: 2, byStatus: { published: 2 } });
    reporter.done();
    expect(out.chunks).toHaveLength(3);
    expect(out.chunks[0]).toMatch(/^\r {2}\[\.+/);
    expect(out.chunks[1]!.endsWith('\x1b[K')).toBe(true);
    // \r + 29 visible columns + the erase sequence: never wraps a 30-column terminal
    expect(out.chunks[1]!.length).toBe(1 + 29 + 3);
    expect(out.chunks[2]).toBe('\n');
  });

  it('when drawn into a log, then a line is printed first, then at most one per interval, and the last one', () => {
    let now = 0;
    const out = output(false);
    const reporter = createProgressReporter(out.stream, { intervalMs: 10_000, now: () => now });
    const at = (settled: number) => ({ total: 3, settled, byStatus: { published: settled } });
    reporter.update(at(0));
    now = 4_000;
    reporter.update(at(1)); // within the interval: not printed
    now = 10_000;
    reporter.update(at(1));
    now = 11_000;
    reporter.update(at(3)); // the last: printed at once
    reporter.update(at(3)); // and only once
    reporter.note('the live stream dropped');
    reporter.done();
    expect(out.chunks).toEqual([
      `${renderProgressLine(at(0))}\n`,
      `${renderProgressLine(at(1))}\n`,
      `${renderProgressLine(at(3))}\n`,
      '  the live stream dropped\n',
    ]);
  });

  it('when documents settle differently, then the table shows status, type, confidence, fields or reason, findings', () => {
    const table = resultsTable([
      view({ result: classified }),
      view({
        filename: 'a-file-name-longer-than-the-column-allows.pdf',
        status: 'rejected',
        stage: null,
        rejection: { stage: 'scanner', reason: 'infected', message: 'Eicar-Test-Signature' },
      }),
      view({
        filename: 'scan.png',
        status: 'failed',
        stage: 'ocr',
        errors: [
          {
            stage: 'ocr',
            code: 'OCR_TIMEOUT',
            message: 'took too long',
            at: '2026-01-01T00:00:02.000Z',
            attempt: 1,
          },
        ],
      }),
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^file\s+status\s+type\s+conf\s+key fields \/ reason\s+findings$/);
    expect(table[1]).toMatch(
      /^invoice\.pdf\s+published\s+invoice\s+0\.96\s+invoiceNumber=F-123 total=121\.5 currency=EUR\s+total\.mismatch,tax_id\.missing$/,
    );
    expect(table[2]).toContain('a-file-name-longer-than-the… rejected');
    expect(table[2]).toContain('infected: Eicar-Test-Signature');
    expect(table[3]).toMatch(/^scan\.png\s+failed@ocr\s+-\s+-\s+OCR_TIMEOUT\s+-$/);
  });

  it('when fields are null or missing, then key fields skip them and cells keep their width', () => {
    expect(keyFields(view({ result: { ...classified!, fields: {} } }))).toBe('');
    expect(keyFields(view())).toBe('');
    const long = { value: 'x'.repeat(40), confidence: 1 };
    expect(keyFields(view({ result: { ...classified!, fields: { number: long } } }))).toBe(
      `number=${'x'.repeat(24)}`,
    );
    const xml = { value: 'RE-1', confidence: 1, method: 'embedded_xml' as const };
    expect(keyFields(view({ result: { ...classified!, fields: { invoiceNumber: xml } } }))).toBe(
      'method=embedded_xml invoiceNumber=RE-1',
    );
    expect(cell('abc', 5)).toBe('abc  ');
    expect(cell('abcdef', 5)).toBe('abcd…');
    expect(batchSummary({ settled: 2, total: 3, latencyMs: { p50: 40, p95: null, max: 40 } })).toBe(
      'batch: 2/3 settled; p50 40 ms, p95 - ms per document',
    );
  });

  it('when a stream is split anywhere, then its messages come out whole and heartbeats are skipped', async () => {
    const text =
      'retry: 3000\n\nevent: snapshot\ndata: {"a":1}\n\n: heartbeat\n\nid: e1\nevent: document.scanned\ndata: {"b":2}\n\n';
    const bytes = new TextEncoder().encode(text);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
    }
    const messages = [];
    for await (const m of readServerSentEvents(chunks())) messages.push(m);
    expect(messages).toEqual([
      { event: 'snapshot', data: '{"a":1}' },
      { event: 'document.scanned', id: 'e1', data: '{"b":2}' },
    ]);
    expect(parseEventBlock('data: one\ndata: two')).toEqual({ event: 'message', data: 'one\ntwo' });
    expect(parseEventBlock(': heartbeat')).toBeNull();
  });

  it('when the gateway answers 429 with Retry-After, then the client waits that long and sends again', async () => {
    const answers = [
      new Response(JSON.stringify({ error: 'RATE_LIMITED', message: 'slow down' }), {
        status: 429,
        headers: { 'retry-after': '2' },
      }),
      new Response(JSON.stringify({ items: [] }), { status: 200 }),
    ];
    const waits: number[] = [];
    const told: number[] = [];
    const client = createGatewayClient({
      url: 'http://gateway.test',
      key: 'k',
      fetch: async () => answers.shift()!,
      sleep: async (ms) => waits.push(ms),
      onRateLimited: (s) => told.push(s),
    });
    await expect(client.deadLetters({})).resolves.toEqual([]);
    expect(waits).toEqual([2000]);
    expect(told).toEqual([2]);
  });

  it('when Retry-After is longer than the client waits, then it fails at once saying when to retry', async () => {
    const client = createGatewayClient({
      url: 'http://gateway.test',
      key: 'k',
      fetch: async () =>
        new Response(JSON.stringify({ error: 'RATE_LIMITED', message: 'slow down' }), {
          status: 429,
          headers: { 'retry-after': '59' },
        }),
      sleep: async () => {
        throw new Error('must not wait');
      },
    });
    const err = await client.deadLetters({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).message).toBe(
      'the gateway rate-limits this key: slow down (429); retry after 59 s',
    );
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(retryAfterSeconds(null)).toBeUndefined();
  });

  it('when an answer is not what the API promises, then the error says so rather than failing later', async () => {
    const client = createGatewayClient({
      url: 'http://gateway.test',
      key: 'k',
      fetch: async () => new Response(JSON.stringify({ id: 'x' }), { status: 200 }),
    });
    await expect(client.batch('b')).rejects.toThrow(
      /^unexpected answer of the gateway to GET \/v1\/batches\/b: /,
    );
    const proxy = createGatewayClient({
      url: 'http://gateway.test',
      key: 'k',
      fetch: async () => new Response('<html>Bad Gateway</html>', { status: 502 }),
    });
    await expect(proxy.batch('b')).rejects.toThrow(
      'the gateway failed GET /v1/batches/b: <html>Bad Gateway</html> (502 HTTP_502)',
    );
  });

  it('when failures are described, then usage problems exit 2 and the rest exit 1', () => {
    expect(describeFailure(new UsageError('no command'))).toMatchObject({ exitCode: 2 });
    expect(describeFailure(new GatewayError('X', 'down', null))).toMatchObject({ exitCode: 1 });
    expect(describeFailure(new Error('boom'))).toEqual({
      code: 'CLI_FAILED',
      message: 'boom',
      exitCode: 1,
    });
  });

  it('when the live stream drops, then progress is followed by polling until every document settles', async () => {
    let reads = 0;
    const client = {
      // eslint-disable-next-line require-yield -- a stream that drops before its first message
      async *events() {
        throw new Error('socket hang up');
      },
      async batch() {
        reads += 1;
        const settled = Math.min(reads - 1, 2);
        return { total: 2, settled, byStatus: { published: settled, received: 2 - settled } };
      },
    } as unknown as GatewayClient;
    const out = output(false);

    const result = await followProgress(
      client,
      { batchId: 'b' },
      { reporter: createProgressReporter(out.stream, { intervalMs: 0 }), pollMs: 1 },
    );

    expect(result).toEqual({
      settled: true,
      progress: { total: 2, settled: 2, byStatus: { published: 2, received: 0 } },
    });
    expect(reads).toBe(3);
    expect(out.chunks).toContain('  the live stream dropped; polling every 0.001 s\n');
    expect(out.chunks.at(-1)).toBe(`${renderProgressLine(result.progress)}\n`);
  });
});
