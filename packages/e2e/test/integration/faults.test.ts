import { startPrivateInfra, waitFor, type InfraServer, type PrivateInfra } from '@docflow/testing';
import { startPipeline, type Pipeline, type UploadedBatch } from '../support/pipeline';

/**
 * Server outages with a batch in flight. These stop and restart servers, so they run on a
 * private stack of their own (ports shifted by 100, data in .data/private-100), never on the
 * servers other suites share.
 */
describe('faults: the servers go away with a batch in flight', () => {
  let infra: PrivateInfra;
  let pipeline: Pipeline;

  beforeAll(async () => {
    infra = await startPrivateInfra({ portOffset: 100 });
    pipeline = await startPipeline({
      name: 'e2e-faults',
      servers: infra.servers,
      // short retry levels; outages (server away, breaker open) retry past them (RETRY_OUTAGE_MS)
      env: { RETRY_DELAYS_MS: '1000,3000,8000,15000,30000' },
    });
  }, 300_000);

  afterAll(async () => {
    await pipeline?.stop();
    await infra?.down();
  }, 120_000);

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Resolves once some document of the batch waits on (or is inside) one of the stages. */
  const inFlight = (batch: UploadedBatch) =>
    waitFor(
      async () => {
        const p = (await pipeline.api('GET', `/v1/batches/${batch.batchId}`, batch.key)).body;
        const busy = Object.entries(p.byStage as Record<string, number>).filter(([, n]) => n > 0);
        return busy.length > 0 && p.settled < batch.total ? busy : null;
      },
      60_000,
      'a document of the batch in flight',
    );

  /** Stops a server for `downMs` with a batch in flight, then checks every document settled once. */
  const outage = async (server: InfraServer, downMs: number) => {
    const batch = await pipeline.uploadSamples();
    await inFlight(batch);
    await infra.stop(server);
    await sleep(downMs);
    await infra.start(server);
    await pipeline.expectSettledOnce(batch, 300_000);
  };

  it('when RabbitMQ restarts mid-batch, then every document reaches its final state with exactly one record set, uploads made while it was down included', async () => {
    const batch = await pipeline.uploadSamples();
    await inFlight(batch);
    await infra.stop('rabbitmq');
    // the gateway keeps taking uploads: they are stored, and their events wait in the outbox
    const whileDown = await pipeline.uploadSamples();
    await infra.start('rabbitmq');
    await pipeline.expectSettledOnce(batch, 300_000);
    await pipeline.expectSettledOnce(whileDown, 300_000);
  }, 420_000);

  it('when the MongoDB-protocol server is stopped for 10 s mid-batch, then every document reaches its final state with exactly one record set', async () => {
    await outage('mongo', 10_000);
  }, 420_000);

  it('when clamd is stopped for 30 s, then uploads wait for it and every document reaches its final state (the test virus still rejected as infected)', async () => {
    await infra.stop('clamd');
    const batch = await pipeline.uploadSamples();
    await sleep(30_000);
    const during = (await pipeline.api('GET', `/v1/batches/${batch.batchId}`, batch.key)).body;
    // nothing got past the scanner while the antivirus was away (a file rejected as corrupt
    // before its scan may settle), and nothing was let through or rejected for the outage
    try {
      expect(during.byStatus.published + during.byStatus.needs_review).toBe(0);
      for (const stage of ['ocr', 'classifier', 'publisher'])
        expect(during.byStage[stage] ?? 0).toBe(0);
      expect(during.settled).toBe(during.byStatus.rejected);
      expect(during.settled).toBeLessThanOrEqual(1);
    } catch (err) {
      (err as Error).message += `\n\nthe batch while clamd was away: ${JSON.stringify(during)}`;
      throw err;
    }
    await infra.start('clamd');
    await pipeline.expectSettledOnce(batch, 300_000);
  }, 420_000);
});
