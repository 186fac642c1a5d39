import type { AnyEvent, PayloadOf } from '@docflow/contracts';
import { waitFor } from '@docflow/testing';
import { docflow, removeSampleFiles, sampleFiles } from '../support/cli-runner';
import { stageEvent, startHarness, type Harness } from '../support/gateway';

const classified: PayloadOf<'document.classified'> = {
  docType: 'invoice',
  confidence: 0.96,
  modelVersion: 'base-test',
  candidates: [{ docType: 'invoice', probability: 0.96 }],
  extraction: {
    fields: {
      total: { value: 121, raw: '121,00', confidence: 0.9 },
      currency: { value: 'EUR', confidence: 0.9 },
    },
    tables: {},
  },
  findings: [{ code: 'tax_id.missing', severity: 'info', message: 'no tax id' }],
};

describe('docflow command line: uploads, status, batches (gateway over HTTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('cli-documents');
  });
  afterAll(async () => {
    removeSampleFiles();
    await h.stop();
  });

  const tenant = async () => {
    const { id, key } = await h.tenant();
    return { tenantId: id, env: { DOCFLOW_URL: h.url, DOCFLOW_API_KEY: key } };
  };

  /** The `document.received` events of a tenant's uploads, once there are `n`. */
  const received = (tenantId: string, n: number) =>
    waitFor(
      () => {
        const found = h.probe.events.filter(
          (e) => e.type === 'document.received' && e.tenantId === tenantId,
        );
        return found.length >= n ? found : null;
      },
      15_000,
      `${n} uploads`,
    );

  /** Takes a document through the stages to published, as the services would. */
  async function publish(doc: { id: string; tenantId: string }): Promise<void> {
    const events: AnyEvent[] = [
      stageEvent(doc, 'document.scanned', {
        blob: { bucket: 'blobs', id: doc.id },
        detectedType: 'pdf',
        mimeType: 'application/pdf',
        sizeBytes: 10,
        sha256: 'c'.repeat(64),
        pages: 1,
        antivirus: { status: 'clean', engine: 'ClamAV' },
      }),
      stageEvent(doc, 'document.text_extracted', {
        detectedType: 'pdf',
        text: { store: 'collection', id: 'none' },
        totalChars: 120,
        pages: [{ page: 1, method: 'text_layer', confidence: 1, chars: 120, durationMs: 4 }],
      }),
      stageEvent(doc, 'document.classified', classified),
      stageEvent(doc, 'document.published', {
        docType: 'invoice',
        records: [{ collection: 'invoices', id: `inv-${doc.id}` }],
        revision: 1,
      }),
    ];
    for (const event of events) await h.publish(event);
  }
  const reject = (doc: { id: string; tenantId: string }) =>
    h.publish(
      stageEvent(doc, 'document.rejected', {
        stage: 'scanner',
        reason: 'infected',
        message: 'Eicar-Test-Signature',
      }),
    );

  it('when one file is uploaded with metadata and an idempotency key, then it is one document, sent once, and status shows it', async () => {
    const { env } = await tenant();
    const [file] = sampleFiles('po-7.pdf');
    const args = ['upload', file!, '--metadata', '{"ref":"PO-7"}', '--idempotency-key', 'po-7'];

    const first = await docflow(args, env);
    const again = await docflow([...args, '--json'], env);

    expect(first).toMatchObject({ code: 0, stderr: '' });
    const id = /^document (\S+) {2}po-7\.pdf {2}\d+ bytes {2}received$/m.exec(first.stdout)?.[1];
    expect(id).toBeDefined();
    expect(JSON.parse(again.stdout).documents[0].id).toBe(id);
    const status = await docflow(['status', id!], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`document ${id}  po-7.pdf`);
    expect(status.stdout).toMatch(/^status {4}received@scanner \(attempt 1\)$/m);
    expect(status.stdout).toMatch(/^timeline\n {2}\S+ {2}document\.received/m);
    const view = JSON.parse((await docflow(['status', id!, '--json'], env)).stdout);
    expect(view).toMatchObject({ id, metadata: { ref: 'PO-7' }, status: 'received' });
  });

  it('when several files are uploaded with --wait, then it follows the batch until all settle and prints the results table', async () => {
    const { tenantId, env } = await tenant();
    const files = sampleFiles('invoice.pdf', 'eicar.txt');

    const run = docflow(['upload', ...files, '--wait'], env);
    const uploads = await received(tenantId, 2);
    const docOf = (filename: string) => {
      const e = uploads.find(
        (u) => (u.payload as PayloadOf<'document.received'>).filename === filename,
      )!;
      return { id: e.documentId!, tenantId };
    };
    await publish(docOf('invoice.pdf'));
    await reject(docOf('eicar.txt'));
    const { code, stdout, stderr } = await run;

    expect(code).toBe(0);
    const batchId = /^batch (\S+): 2 documents$/m.exec(stdout)?.[1];
    expect(batchId).toBeDefined();
    expect(stdout).toMatch(/^file\s+status\s+type\s+conf\s+key fields \/ reason\s+findings$/m);
    expect(stdout).toMatch(
      /^invoice\.pdf\s+published\s+invoice\s+0\.96\s+total=121 currency=EUR\s+tax_id\.missing$/m,
    );
    expect(stdout).toMatch(/^eicar\.txt\s+rejected\s+-\s+-\s+infected: Eicar-Test-Signature\s+-$/m);
    expect(stdout).toMatch(/^batch: 2\/2 settled; p50 \d+ ms, p95 \d+ ms per document$/m);
    // not a terminal: whole progress lines, the last one complete
    expect(stderr).toMatch(/\] 2\/2 100% {2}published 1, rejected 1\n$/);
    expect(stderr).not.toContain('\r');
  });

  it('when one file is uploaded with --wait --json, then the document is followed alone and the JSON holds its result', async () => {
    const { tenantId, env } = await tenant();
    const [file] = sampleFiles('receipt.pdf');

    const run = docflow(['upload', file!, '--wait', '--json'], env);
    const [event] = await received(tenantId, 1);
    await publish({ id: event!.documentId!, tenantId });
    const { code, stdout } = await run;

    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.batchId).toBeUndefined();
    expect(body.settled).toBe(true);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({
      id: event!.documentId,
      status: 'published',
      result: { docType: 'invoice', confidence: 0.96 },
      records: [{ collection: 'invoices', id: `inv-${event!.documentId}` }],
    });
  });

  it('when a waited document does not settle in --timeout, then the command stops, shows where it is and exits 1', async () => {
    const { env } = await tenant();
    const [file] = sampleFiles('slow.pdf');

    const { code, stdout, stderr } = await docflow(
      ['upload', file!, '--wait', '--timeout', '1'],
      env,
    );

    expect(code).toBe(1);
    expect(stdout).toMatch(/^slow\.pdf\s+received@scanner\s+-/m);
    expect(stderr).toContain('error: stopped waiting after 1 s');
  });

  it('when a batch is asked for, then counts by status and stage, percent and latency show, and --wait follows it to the end', async () => {
    const { tenantId, env } = await tenant();
    const [file] = sampleFiles('statement.pdf');
    const upload = JSON.parse((await docflow(['upload', file!, '--batch', '--json'], env)).stdout);
    const batchId = upload.batchId as string;
    const doc = { id: upload.documents[0].id as string, tenantId };

    const before = await docflow(['batch', batchId], env);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`batch ${batchId}: 0/1 settled (0%)`);
    expect(before.stdout).toMatch(/^by stage {3}scanner 1$/m);
    expect(before.stdout).toMatch(/^latency {4}p50 - ms, p95 - ms, max - ms per document$/m);

    const waiting = docflow(['batch', batchId, '--wait'], env);
    await reject(doc);
    const after = await waiting;
    expect(after.code).toBe(0);
    expect(after.stdout).toContain(`batch ${batchId}: 1/1 settled (100%)`);
    expect(after.stdout).toMatch(/^by status {2}rejected 1$/m);
    expect(after.stdout).toMatch(/^latency {4}p50 \d+ ms, p95 \d+ ms, max \d+ ms per document$/m);
    expect(after.stdout).toMatch(new RegExp(`^ {2}${doc.id} {2}statement\\.pdf\\s+rejected$`, 'm'));
    const json = JSON.parse((await docflow(['batch', batchId, '--json'], env)).stdout);
    expect(json).toMatchObject({ id: batchId, total: 1, settled: 1, percentDone: 100 });
    expect(json.byStatus.rejected).toBe(1);
  });
});
