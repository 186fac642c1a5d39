import { openStageHarness, openTcpGate, waitFor, type StageHarness } from '@docflow/testing';
import type { AnyEvent } from '@docflow/contracts';
import { BUCKETS } from '@docflow/documents';
import { createLogger, parseConfig, type Worker } from '@docflow/platform';
import { scannerConfigSchema, type ScannerConfig } from '../../src/config';
import { startScanner } from '../../src/main';
import { FIXTURES_TIMEOUT_MS, loadFixtures, type Fixture } from '@docflow/fixtures';

const CLAMD_URL = process.env.CLAMD_URL ?? 'tcp://127.0.0.1:3310';

const payloadOf = (e: AnyEvent) => e.payload as Record<string, unknown>;

describe('scanner service (real broker, database and clamd)', () => {
  let harness: StageHarness;
  let scanner: Worker<ScannerConfig> | undefined;
  let fixtures: Fixture[];

  const start = async (env: Record<string, string> = {}) => {
    scanner = await startScanner(
      parseConfig(scannerConfigSchema, {
        ...harness.ctx.env,
        HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
        CLAMD_URL,
        RETRY_DELAYS_MS: '500,1000,2000,4000,8000',
        RETRY_JITTER: '0',
        CLAMD_BREAKER_RESET_MS: '1000',
        SCANNER_MAX_IMAGE_PIXELS: '40000000',
        ...env,
      }),
      {
        logger: createLogger({ service: 'scanner', level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      },
    );
  };

  beforeAll(async () => {
    fixtures = await loadFixtures();
  }, FIXTURES_TIMEOUT_MS);
  beforeEach(async () => {
    harness = await openStageHarness('scanner');
  });
  afterEach(async () => {
    await scanner?.stop();
    scanner = undefined;
    await harness.close();
  });

  test('when every fixture is received, then each ends in the right event with the right type or reason', async () => {
    // Arrange
    await start();

    // Act
    const sent = await Promise.all(
      fixtures.map(async (f) => ({ f, event: await harness.receive(f) })),
    );
    const outcomes = await Promise.all(
      sent.map(({ event }) =>
        harness.outcome(event.documentId!, ['document.scanned', 'document.rejected']),
      ),
    );

    // Assert
    const table = sent.map(({ f }, i) => {
      const out = outcomes[i]!;
      const p = payloadOf(out);
      return {
        fixture: f.name,
        event: out.type,
        got: out.type === 'document.scanned' ? p.detectedType : p.reason,
      };
    });
    const expected = fixtures.map((f) => ({
      fixture: f.name,
      event: `document.${f.scanner.event}`,
      got: f.scanner.event === 'scanned' ? f.scanner.detectedType : f.scanner.reason,
    }));
    expect(table).toEqual(expected);
    for (const [i, { f }] of sent.entries()) {
      const p = payloadOf(outcomes[i]!);
      if (f.scanner.event === 'scanned') {
        expect(p).toMatchObject({
          sizeBytes: f.bytes.length,
          antivirus: { status: 'clean', engine: 'clamd' },
        });
        if (f.scanner.pages !== undefined) expect(p.pages).toBe(f.scanner.pages);
      }
    }
  }, 120_000);

  test('when a file is infected, then its blob is moved to quarantine and the signature reported', async () => {
    await start();
    const eicar = fixtures.find((f) => f.filename === 'eicar.txt')!;

    const event = await harness.receive(eicar);
    const rejected = await harness.outcome(event.documentId!, [
      'document.rejected',
      'document.scanned',
    ]);

    expect(payloadOf(rejected)).toMatchObject({
      reason: 'infected',
      details: { signature: 'Eicar-Test-Signature.UNOFFICIAL' },
    });
    const blob = payloadOf(event).blob as { bucket: string; id: string };
    expect(await harness.blobs.exists(blob)).toBe(false);
    expect(await harness.blobs.exists({ bucket: BUCKETS.quarantine, id: blob.id })).toBe(true);
  }, 60_000);

  test('when a tenant sends the same file twice, then the second is flagged with the first (policy flag)', async () => {
    await start({ SCANNER_DUPLICATE_POLICY: 'flag' });
    const png = fixtures.find((f) => f.filename === 'invoice.png')!;

    const first = await harness.receive(png, 'acme');
    await harness.outcome(first.documentId!, ['document.scanned']);
    const second = await harness.receive(png, 'acme');
    const other = await harness.receive(png, 'globex');
    const secondOut = await harness.outcome(second.documentId!, [
      'document.scanned',
      'document.rejected',
    ]);
    const otherOut = await harness.outcome(other.documentId!, [
      'document.scanned',
      'document.rejected',
    ]);

    expect(payloadOf(secondOut)).toMatchObject({ duplicateOf: first.documentId });
    expect(payloadOf(otherOut).duplicateOf).toBeUndefined();
  }, 60_000);

  test('when the same file arrives twice at once under policy reject, then exactly one is accepted', async () => {
    await start({ SCANNER_DUPLICATE_POLICY: 'reject' });
    const csv = fixtures.find((f) => f.filename === 'ledger.csv')!;

    const events = await Promise.all([harness.receive(csv, 'acme'), harness.receive(csv, 'acme')]);
    const outs = await Promise.all(
      events.map((e) => harness.outcome(e.documentId!, ['document.scanned', 'document.rejected'])),
    );

    expect(outs.map((o) => o.type).sort()).toEqual(['document.rejected', 'document.scanned']);
    const rejected = outs.find((o) => o.type === 'document.rejected')!;
    const scanned = outs.find((o) => o.type === 'document.scanned')!;
    expect(payloadOf(rejected)).toMatchObject({
      reason: 'duplicate',
      details: { duplicateOf: scanned.documentId },
    });
  }, 60_000);

  test('when antivirus is off, then documents pass and record that they were not scanned', async () => {
    await start({ SCANNER_ANTIVIRUS: 'off' });
    const event = await harness.receive(fixtures.find((f) => f.filename === 'ledger.xlsx')!);
    const out = await harness.outcome(event.documentId!, ['document.scanned', 'document.rejected']);
    expect(payloadOf(out)).toMatchObject({
      detectedType: 'xlsx',
      antivirus: { status: 'not_scanned' },
    });
  }, 60_000);

  test('when clamd is down, then documents wait and retry, and complete once clamd is back', async () => {
    // Arrange: this scanner reaches clamd through a gate, so the outage is its own (the suites
    // running beside this one keep the shared clamd)
    const clamd = new URL(CLAMD_URL);
    const gate = await openTcpGate({ host: clamd.hostname, port: Number(clamd.port) });
    await start({ CLAMD_URL: gate.url });
    const csv = fixtures.find((f) => f.filename === 'ledger.csv')!;
    try {
      await gate.close();

      // Act: the document arrives during the outage
      const event = await harness.receive(csv);
      const retries = () =>
        scanner!.metrics.retries.get().then((m) => m.values.reduce((s, v) => s + v.value, 0));
      await waitFor(async () => (await retries()) >= 2, 20_000, 'two retries during the outage');
      const duringOutage = harness.events.filter(
        (e) => e.documentId === event.documentId && e.type !== 'document.received',
      );
      await gate.open();
      const out = await harness.outcome(
        event.documentId!,
        ['document.scanned', 'document.rejected', 'document.failed'],
        30_000,
      );

      // Assert
      expect(duringOutage).toEqual([]);
      expect(out.type).toBe('document.scanned');
      expect(payloadOf(out)).toMatchObject({ antivirus: { status: 'clean' } });
    } finally {
      await gate.dispose();
    }
  }, 90_000);
});
